import Foundation

/// An id at a place of a document: the word, the record it names, and a dataset that has the record.
struct NamedRecord {
    var id: String
    var kind: RecordKind
    /// Where the record is written.
    var origin: Origin
    /// The word's range in the document asked about.
    var range: TextRange
}

extension LanguageWorkspace {
    /// The record the id at `position` names, when the word there is the id of a record of a dataset
    /// that reads the document (in a reference field, or the record's own `id` or `replaces`).
    func namedRecord(at position: TextPosition, in path: String) -> NamedRecord? {
        guard let document = text(of: path) else { return nil }
        let context = CursorContext(document, offset: document.offset(of: position))
        guard context.place == .value, context.word.start < context.word.end else { return nil }
        let word = document.text(context.word.start, context.word.end)
        for analysis in analyses(reading: path) {
            guard let record = analysis.identities.first(where: { $0.id == word }) else { continue }
            return NamedRecord(id: word, kind: record.kind, origin: record.origin, range: document.range(context.word.start, context.word.end))
        }
        return nil
    }

    /// Where the record named at `position` is defined: its `id`.
    func definition(at position: TextPosition, in path: String) -> FileRange? {
        guard let record = namedRecord(at: position, in: path) else { return nil }
        return fileRange(of: record.origin["id"])
    }

    /// Every place that names the record named at `position`, across the workspace's datasets, and its
    /// definition when `includingDefinition`.
    func references(at position: TextPosition, in path: String, includingDefinition: Bool) -> [FileRange] {
        guard let record = namedRecord(at: position, in: path) else { return [] }
        var locations = Set(referenceSites(of: record))
        if includingDefinition { locations.insert(record.origin["id"]) }
        return locations.sorted().compactMap(fileRange)
    }

    /// The places that name `record` in every dataset that reads the document it is written in: those
    /// its loaded records name it at, and those written in records the loader dropped. Never from a
    /// dataset as last loaded: a rename edits what is written now.
    func referenceSites(of record: NamedRecord) -> [SourceLocation] {
        var sites = Set<SourceLocation>()
        var documents = Set<String>()
        for analysis in analyses(reading: FilePaths.normalised(record.origin.location.file)) {
            if let dataset = analysis.dataset { sites.formUnion(ReferenceSites.locations(of: record.id, kind: record.kind, in: dataset)) }
            documents.formUnion(analysis.dependencies.filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension) })
        }
        for path in documents.sorted() {
            guard let document = text(of: path) else { continue }
            sites.formUnion(WrittenReferences.locations(of: record.id, kind: record.kind, in: document, file: path))
        }
        return sites.sorted()
    }

    /// The word a finding's or an origin's location points at, as a range of its file.
    func fileRange(of location: SourceLocation) -> FileRange? {
        let path = FilePaths.normalised(location.file)
        guard let document = text(of: path) else { return nil }
        return FileRange(path, wordRange(at: location, in: document))
    }

    /// The range of the scalar (or key) that starts at `location`: a quoted scalar to its closing quote,
    /// a plain one to the end of its word; the start alone when it is neither.
    func wordRange(at location: SourceLocation, in document: TextDocument) -> TextRange {
        let start = document.offset(of: location)
        let bytes = document.bytes
        var end = start
        let lineEnd = document.lineEnd(document.line(ofOffset: start))
        if start < lineEnd, bytes[start] == 0x22 || bytes[start] == 0x27 {
            end += 1
            while end < lineEnd, bytes[end] != bytes[start] { end += bytes[end] == 0x5C && bytes[start] == 0x22 ? 2 : 1 }
            end = min(end + 1, lineEnd)
        } else {
            while end < lineEnd, !" ,]}#".utf8.contains(bytes[end]), !(bytes[end] == 0x3A && (end + 1 == lineEnd || bytes[end + 1] == 0x20)) { end += 1 }
        }
        return document.range(start, end)
    }

    /// What to show for the word at `position`: the record an id names, a field's description, a
    /// currency's name and years in use, a country code's name. Markdown.
    func hover(at position: TextPosition, in path: String) -> (text: String, range: TextRange)? {
        guard let document = text(of: path) else { return nil }
        let context = CursorContext(document, offset: document.offset(of: position))
        guard context.word.start < context.word.end else { return nil }
        let word = document.text(context.word.start, context.word.end)
        let range = document.range(context.word.start, context.word.end)
        let isRecordDocument = !isDataset(path)
        switch context.place {
        case .key:
            guard let column = FieldCatalog.columns(at: context.path, recordDocument: isRecordDocument).first(where: { $0.name == word }) else { return nil }
            return ("**\(column.name)**\(column.required ? " (required)" : "")\n\n\(column.description)", range)
        case .value:
            if let record = namedRecord(at: position, in: path) {
                for analysis in analyses(reading: path) {
                    if let dataset = analysis.lastLoaded, let text = RecordSummary.markdown(of: record.id, kind: record.kind, in: dataset) { return (text, range) }
                }
            }
            guard let field = context.field else { return nil }
            switch field {
            case "currency": return CodeNames.currency(word).map { ($0, range) }
            case "alpha2", "alpha3": return CodeNames.country(word).map { ($0, range) }
            default:
                let column = FieldCatalog.column(ofValueAt: context.path, field: field, recordDocument: isRecordDocument)
                return column.map { ("**\($0.name)**\n\n\($0.description)", range) }
            }
        }
    }
}

/// The names of ISO codes, for hover.
enum CodeNames {
    /// A currency's name and the years it is in use.
    static func currency(_ code: String) -> String? {
        if let name = ISOCodes.currencyNames[code] { return "**\(code)**: \(name)\n\nIn use (ISO 4217)." }
        if let years = HistoricCurrencies.years[code] {
            let from = years.first.map { "from \($0) " } ?? ""
            return "**\(code)**: \(years.name)\n\nIn use \(from)until \(years.last) (ISO 4217, historic)."
        }
        return nil
    }

    /// A country's name from its alpha-2 or alpha-3 code.
    static func country(_ code: String) -> String? {
        let alpha2 = code.count == 2 ? code : ISOCodes.alpha3ByAlpha2.first { $0.value == code }?.key
        guard let alpha2, let name = ISOCodes.countryNames[alpha2] else { return nil }
        return "**\(code)**: \(name)"
    }
}
