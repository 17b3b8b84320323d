/// A source whose archived text differs between the two versions. An archived text is evidence: a
/// quote is checked against it, so changing it changes what the quotes rest on, even when no record
/// of the dataset changed.
public struct ArchiveChange: Hashable, Sendable {
    /// The source's id in the new version.
    public var source: String
    /// Where the source says where its text is (its `archive` or `archived_text`) in the new version.
    public var location: SourceLocation
    /// Lines of the new text that the old one does not have.
    public var linesAdded: Int
    /// Lines of the old text that the new one does not have.
    public var linesRemoved: Int
    /// The quotes that the new text supports and the old one did not: they rest on the changed text.
    public var quotes: [QuoteOnChangedText]

    /// A quote that verifies only against the changed text.
    public struct QuoteOnChangedText: Hashable, Sendable {
        /// The record that quotes, as messages name it ("a statement 'pm-visit'").
        public var record: String
        /// The quote, as written.
        public var quote: String
        /// Where the quote is written.
        public var location: SourceLocation
    }

    /// "+3 −1 lines": how many lines the text gained and lost.
    var linesText: String { "+\(linesAdded) −\(linesRemoved) lines" }

    /// The archived texts that changed between `old` and `new`, for each source both versions have
    /// (matched by id, or by `replaces` for a renamed source), in the new version's order. A text that
    /// cannot be read counts as empty, so a text that disappears is a change too.
    static func changes(_ old: DatasetVersion, _ new: DatasetVersion) -> [ArchiveChange] {
        let oldSources = Dictionary(old.dataset.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.dataset.sources.map(\.id))
        var changes: [ArchiveChange] = []
        for source in new.dataset.sources {
            let previous = oldSources[source.id] ?? source.replaces.flatMap { newIDs.contains($0) ? nil : oldSources[$0] }
            guard let previous else { continue }
            let oldText = text(of: previous, files: old.files), newText = text(of: source, files: new.files)
            guard oldText != newText else { continue }
            let difference = lines(newText).difference(from: lines(oldText))
            let oldQuotable = Rules.normalizedForQuotes(oldText), newQuotable = Rules.normalizedForQuotes(newText)
            var quotes: [QuoteOnChangedText] = []
            for record in new.dataset.citingRecords {
                for (index, citation) in record.citations.enumerated() where citation.source == source.id {
                    guard let quote = citation.quote else { continue }
                    let normalized = Rules.normalizedForQuotes(quote)
                    if newQuotable.contains(normalized), !oldQuotable.contains(normalized) {
                        quotes.append(QuoteOnChangedText(record: record.label, quote: quote, location: record.origin["sources[\(index)].quote"]))
                    }
                }
            }
            let field = source.archivedText != nil ? "archived_text" : "archive"
            changes.append(ArchiveChange(source: source.id, location: source.origin[field], linesAdded: difference.insertions.count,
                                         linesRemoved: difference.removals.count, quotes: quotes))
        }
        return changes
    }

    private static func text(of source: Source, files: DatasetFiles) -> String {
        guard case .success(let text)? = ArchivedText.of(source, files: files) else { return "" }
        return text
    }

    private static func lines(_ text: String) -> [Substring] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
