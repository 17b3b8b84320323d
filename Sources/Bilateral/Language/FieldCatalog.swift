/// The keys a place in a document may hold, from the record kinds' field declarations: what completion
/// offers at a key and what hover says of one, and what a value at a place must be.
enum FieldCatalog {
    /// The columns of the mapping a cursor path leads into: a record's, the metadata's, an
    /// acknowledgement's, a citation's, or the document's top-level keys.
    static func columns(at path: [String], recordDocument: Bool) -> [Column] {
        let keys = path.filter { $0 != "-" }
        if path.isEmpty { return topLevel(recordDocument: recordDocument) }
        if keys.count >= 2, keys.last == "sources", path.last == "-" { return citation }
        guard keys.count == 1 else { return [] }
        switch path {
        case ["dataset"]: return Metadata.fields.map(\.column)
        case [DatasetLoader.acknowledgementsKey, "-"]: return Acknowledgement.fields.map(\.column)
        default:
            guard path.count == 2, path[1] == "-", let kind = RecordKind(collection: path[0]) else { return [] }
            return columns(of: kind)
        }
    }

    /// The column of the value a cursor path leads to: the field the value belongs to.
    static func column(ofValueAt path: [String], field: String, recordDocument: Bool) -> Column? {
        var mapping = path
        while let last = mapping.last, last == "-" || last == field { mapping.removeLast() }
        if field == "source", path.contains("sources") { return citation[0] }
        let columns = columns(at: mapping.last == nil ? [] : Self.mappingPath(mapping), recordDocument: recordDocument)
        return columns.first { $0.name == field }
    }

    /// The path of the mapping a field is written in: a record's (`[people, -]`), the metadata's, a citation's.
    private static func mappingPath(_ path: [String]) -> [String] {
        if path == ["dataset"] { return path }
        if path.count == 1 { return path + ["-"] }
        return path
    }

    /// The columns of a record kind.
    static func columns(of kind: RecordKind) -> [Column] {
        guard let type = DatasetSchema.recordTypes.first(where: { $0.0 == kind })?.1 else { return [] }
        return columns(type)
    }

    private static func columns<R: DeclaredFields>(_ type: R.Type) -> [Column] { R.fields.map(\.column) }

    /// A citation's keys.
    static let citation = [
        Column("source", .reference(["sources"]), required: true, "The id of the source cited."),
        Column("quote", .text, "Words of the source that support the record, verbatim; checked against the source's archived text."),
    ]

    /// The keys of a document's top level.
    static func topLevel(recordDocument: Bool) -> [Column] {
        var columns = [
            Column("format", .text, recordDocument ? "The record document format, \(DatasetLoader.recordsFormatName)." : "The dataset format, \(DatasetLoader.formatName)."),
            Column(DatasetLoader.includeKey, .texts, "Record documents whose shared records this document includes, by paths relative to it."),
        ]
        if !recordDocument { columns.append(Column("dataset", .text, required: true, "What the dataset is: title, countries, version, as_of and licence.")) }
        for kind in recordDocument ? DatasetLoader.sharedKinds : RecordKind.allCases {
            columns.append(Column(kind.collection, .texts, "The list of \(kind.collection): \(kind.summary.prefix(1).lowercased() + kind.summary.dropFirst())"))
        }
        if !recordDocument { columns.append(Column(DatasetLoader.acknowledgementsKey, .texts, "Warnings reviewed and judged wrong for one record, with why.")) }
        return columns
    }

    /// The record kinds a reference column names.
    static func referencedKinds(_ column: Column) -> Set<RecordKind>? {
        switch column.kind {
        case .reference(let tables), .references(let tables): Set(tables.compactMap(RecordKind.init(collection:)))
        default: nil
        }
    }
}
