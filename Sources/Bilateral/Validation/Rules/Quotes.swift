import Foundation

extension Rules {
    /// `quote-not-found`, `missing-file` and `path-outside-root`: each evidence quote appears, verbatim up
    /// to white space, in the archived text of the source it cites (carried in the document as
    /// `archived_text`, or read from the file `archive` names).
    static func quotes(_ context: RuleContext, _ log: inout FindingLog) {
        var archives: [String: String] = [:]
        let sourceOrigins = Dictionary(context.dataset.sources.map { ($0.id, $0.origin) }) { first, _ in first }
        for source in context.dataset.sources {
            switch ArchivedText.of(source, files: context.files) {
            case nil: continue
            case .success(let text): archives[source.id] = normalizedForQuotes(text)
            case .failure(.notUTF8):
                log.add(.missingFile, at: source.origin["archive"], "archived text '\(context.files.displayPath(source.archive ?? ""))' is not UTF-8")
            case .failure(.unreadable(let error)):
                log.add(error.finding("archived text", at: source.origin["archive"]))
            case .failure(.other):
                log.add(.missingFile, at: source.origin["archive"], "cannot read archived text '\(context.files.displayPath(source.archive ?? ""))'",
                        hint: "the path is relative to the dataset file")
            }
        }
        for record in context.citingRecords {
            for (index, citation) in record.citations.enumerated() {
                guard let quote = citation.quote, let archive = archives[citation.source] else { continue }
                if !archive.contains(normalizedForQuotes(quote)) {
                    let shown = quote.count > 60 ? String(quote.prefix(57)) + "..." : quote
                    var finding = Finding(.quoteNotFound, at: record.origin["sources[\(index)].quote"],
                                          "quote \"\(shown)\" does not appear in the archived text of '\(citation.source)'",
                                          hint: "copy the words exactly as the source has them; line breaks and runs of spaces may differ")
                    if let origin = sourceOrigins[citation.source] {
                        finding.related = [RelatedLocation(origin["archive"], "the archived text of source '\(citation.source)'")]
                    }
                    log.add(finding)
                }
            }
        }
    }

    /// The text in NFC with every run of white space made one space.
    static func normalizedForQuotes(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
