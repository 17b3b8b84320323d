/// A named part of a document for the editor's outline: a top-level list, or a record in it.
struct DocumentSymbol: Equatable {
    /// The symbol kinds the outline uses (the protocol's numbers).
    enum Kind: Int { case module = 2, namespace = 3, object = 19, array = 18 }

    var name: String
    var detail: String?
    var kind: Kind
    /// All of it.
    var range: TextRange
    /// Its name: the key, or the record's id.
    var selectionRange: TextRange
    var children: [DocumentSymbol] = []
}

extension LanguageWorkspace {
    /// The document's top-level keys, and under each list the records it holds, by id (an observation
    /// without one by its series and period). Empty while the document is not YAML.
    func symbols(in path: String) -> [DocumentSymbol] {
        guard let document = text(of: path), let map = try? YAMLDocumentMap(document.data) else { return [] }
        return map.root.entries.map { entry in
            let keyRange = document.range(entry.keyStart, entry.keyStart + entry.key.utf8.count)
            let whole = document.range(entry.keyStart, max(entry.value.end, entry.keyStart + entry.key.utf8.count))
            let kind = RecordKind(collection: entry.key)
            var symbol = DocumentSymbol(name: entry.key, detail: kind?.summary, kind: kind == nil ? .namespace : .array, range: whole, selectionRange: keyRange)
            if kind != nil || entry.key == DatasetLoader.acknowledgementsKey {
                symbol.children = entry.value.items.map { item in
                    let id = item.entry("id")?.value
                    var name = "-"
                    if case .scalar(let text, _)? = id?.kind { name = text }
                    if id == nil, case .scalar(let series, _)? = item.entry("series")?.value.kind, case .scalar(let period, _)? = item.entry("period")?.value.kind {
                        name = "\(series) \(period)"
                    } else if id == nil, case .scalar(let record, _)? = item.entry("record")?.value.kind {
                        name = record
                    }
                    let selection = id.map { document.range($0.start, $0.end) } ?? document.range(item.start, item.start)
                    return DocumentSymbol(name: name, detail: kind?.rawValue, kind: .object, range: document.range(item.start, max(item.end, item.start)),
                                          selectionRange: selection)
                }
            }
            return symbol
        }
    }
}
