/// Where documents name a record by its id, found in what is written rather than in what loaded: each
/// record of each top-level list, each field its kind declares as a reference to the record's kind
/// (a citation's `source` too). A record the loader dropped for an error elsewhere in it (a typo in
/// its kind) still has its references found, so that a rename leaves none behind.
enum WrittenReferences {
    /// The places in `document` (named `file` in locations) that name `id` as a record of `kind`.
    static func locations(of id: String, kind: RecordKind, in document: TextDocument, file: String) -> [SourceLocation] {
        guard let map = try? YAMLDocumentMap(document.data) else { return [] }
        var found: [SourceLocation] = []
        func add(_ node: YAMLDocumentMap.MappedNode) {
            if case .scalar(let text, _) = node.kind, text == id, !node.isAlias { found.append(SourceLocation(file: file, line: node.line, column: node.column)) }
        }
        func addAll(_ node: YAMLDocumentMap.MappedNode, citations: Bool) {
            add(node)
            for item in node.items {
                add(item)
                if citations, let source = item.entry("source") { add(source.value) }
            }
        }
        for list in map.root.entries {
            let fields: Set<String>
            if list.key == "dataset" {
                fields = referring(Metadata.fields.map(\.column), to: kind)
                for entry in list.value.entries where fields.contains(entry.key) { addAll(entry.value, citations: false) }
                continue
            }
            if list.key == DatasetLoader.acknowledgementsKey {
                fields = ["record"]
            } else if let listed = RecordKind(collection: list.key) {
                fields = referring(FieldCatalog.columns(of: listed), to: kind)
            } else {
                continue
            }
            for record in list.value.items {
                for entry in record.entries where fields.contains(entry.key) { addAll(entry.value, citations: entry.key == "sources") }
            }
        }
        return found
    }

    /// The names of the columns that refer to records of `kind`.
    private static func referring(_ columns: [Column], to kind: RecordKind) -> Set<String> {
        Set(columns.filter { FieldCatalog.referencedKinds($0)?.contains(kind) == true }.map(\.name))
    }
}
