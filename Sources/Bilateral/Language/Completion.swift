import Foundation

/// One thing completion offers.
struct CompletionItem: Equatable {
    /// What it is, for the editor's icon.
    enum Kind: Int { case field = 5, module = 9, value = 12, reference = 18, member = 20 }

    var label: String
    var kind: Kind
    /// A short line beside the label: the record kind, the field's type.
    var detail: String?
    /// The longer description: a field's, a record's title.
    var documentation: String?
    /// The text written in place of the word at the cursor.
    var insertText: String
}

extension LanguageWorkspace {
    /// What may be written at `position` of the document at `path`: the field names of the record the
    /// cursor is in, ids of the kind a reference field takes (from every dataset that reads the
    /// document), the choices of a choice field, currency and country codes.
    /// - Returns: the items, and the range of the word they replace.
    func completion(at position: TextPosition, in path: String) -> (items: [CompletionItem], range: TextRange)? {
        guard let document = text(of: path) else { return nil }
        let context = CursorContext(document, offset: document.offset(of: position))
        let range = document.range(context.word.start, context.word.end)
        let isRecordDocument = !isDataset(path)
        switch context.place {
        case .key:
            let items = FieldCatalog.columns(at: context.path, recordDocument: isRecordDocument).map { column in
                CompletionItem(label: column.name, kind: context.path.isEmpty ? .module : .field,
                               detail: column.required ? "required" : nil, documentation: column.description, insertText: column.name + ": ")
            }
            return (items, range)
        case .value:
            guard let field = context.field,
                  let column = FieldCatalog.column(ofValueAt: context.path, field: field, recordDocument: isRecordDocument) else { return ([], range) }
            return (values(of: column, context: context, document: document, path: path), range)
        }
    }

    private func values(of column: Column, context: CursorContext, document: TextDocument, path: String) -> [CompletionItem] {
        if let kinds = FieldCatalog.referencedKinds(column) {
            var seen = Set<String>()
            var items: [CompletionItem] = []
            let series = column.name == "part_of" ? context.itemLine.flatMap { RecordText.value(of: "series", in: document, itemLine: $0) } : nil
            for analysis in analyses(reading: path) {
                if let series, let dataset = analysis.lastLoaded {
                    for observation in dataset.observations where observation.series == series {
                        guard let id = observation.id, seen.insert(id).inserted else { continue }
                        items.append(CompletionItem(label: id, kind: .reference, detail: "observation", documentation: "\(series) \(observation.period)", insertText: id))
                    }
                    continue
                }
                let titles = analysis.lastLoaded.map { RecordSummary.titles(of: kinds, in: $0) } ?? [:]
                for record in analysis.identities where kinds.contains(record.kind) && seen.insert(record.id).inserted {
                    items.append(CompletionItem(label: record.id, kind: .reference, detail: record.kind.rawValue,
                                                documentation: titles[record.id], insertText: record.id))
                }
            }
            return items.sorted { $0.label < $1.label }
        }
        switch column.kind {
        case .choice(let choices):
            return choices.map { CompletionItem(label: $0, kind: .member, detail: column.name, documentation: nil, insertText: $0) }
        case .boolean:
            return ["true", "false"].map { CompletionItem(label: $0, kind: .value, detail: nil, documentation: nil, insertText: $0) }
        default:
            break
        }
        switch column.name {
        case "currency":
            let current = ISOCodes.currencyNames.map { ($0.key, $0.value) }
            let historic = HistoricCurrencies.years.map { ($0.key, "\($0.value.name) (until \($0.value.last))") }
            return (current + historic).sorted { $0.0 < $1.0 }.map {
                CompletionItem(label: $0.0, kind: .value, detail: $0.1, documentation: nil, insertText: $0.0)
            }
        case "alpha2":
            return ISOCodes.countryNames.sorted { $0.key < $1.key }.map {
                CompletionItem(label: $0.key, kind: .value, detail: $0.value, documentation: nil, insertText: $0.key)
            }
        case "alpha3":
            return ISOCodes.alpha3ByAlpha2.sorted { $0.value < $1.value }.map {
                CompletionItem(label: $0.value, kind: .value, detail: ISOCodes.countryNames[$0.key], documentation: nil, insertText: $0.value)
            }
        default:
            return []
        }
    }
}

/// The text of one record as written, read without a parse: the value of a field on the record's lines.
enum RecordText {
    /// The plain value of `field` in the record whose item starts on line `itemLine`.
    static func value(of field: String, in document: TextDocument, itemLine: Int) -> String? {
        let first = document.text(ofLine: itemLine)
        let indent = first.prefix { $0 == " " }.count
        var line = itemLine
        while line < document.lineCount {
            let text = document.text(ofLine: line)
            let lineIndent = text.prefix { $0 == " " }.count
            if line > itemLine, !text.trimmingSpaces.isEmpty, lineIndent <= indent { break }
            if let range = text.range(of: "\(field):") {
                let before = text[..<range.lowerBound].last
                if before == nil || before == " " || before == "{" || before == "," || before == "-" {
                    let rest = text[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let value = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                    if !value.isEmpty { return String(value) }
                }
            }
            line += 1
        }
        return nil
    }
}
