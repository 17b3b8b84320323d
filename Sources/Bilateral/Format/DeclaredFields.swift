/// A kind of record (or the metadata) whose fields are declared once, in `fields`; reading it,
/// writing it as columns or JSON, comparing two versions, checking its references and describing it
/// in the JSON Schema all follow from that list.
public protocol DeclaredFields: Sendable {
    /// Every field, in the order the document and its exports write them.
    static var fields: [Field<Self>] { get }
    /// Where the record was read from.
    var origin: Origin { get set }
}

/// A kind of record the loader reads through its declared fields.
protocol ReadableRecord: DeclaredFields {
    /// A record with every field empty, which the reader fills.
    init()
}

extension ReadableRecord {
    /// Reads a record, or nil (after reporting) when it is not a mapping or a required field is
    /// missing or unreadable.
    static func read(_ node: Node, what: String, context: LoadContext) -> Self? {
        let fields = Self.fields
        guard var reader = RecordReader(node, what: what, isField: { key in fields.contains { $0.name == key } },
                                        fieldNames: { fields.map(\.name) }, context: context) else { return nil }
        var record = Self()
        for field in fields { field.read(&reader, &record) }
        guard reader.isComplete else { return nil }
        record.origin = reader.origin
        return record
    }
}

extension DeclaredFields {
    /// The fields that are columns of the record's table.
    public static var columns: [Column] { fields.filter { $0.placement == .column }.map(\.column) }

    /// One cell per column, in the same order.
    public var cells: [Cell] {
        Self.fields.compactMap { $0.placement == .column ? $0.cell(self) : nil }
    }

    /// Whether the record has sources (a field placed `.citations`).
    static var cites: Bool { fields.contains { $0.placement == .citations } }

    /// The record's row of its table: a cell per column, then its sources' ids when it cites.
    var row: [Cell] {
        let fields = Self.fields
        var cells: [Cell] = []
        cells.reserveCapacity(fields.count)
        var sources: Cell?
        for field in fields {
            switch field.placement {
            case .column: cells.append(field.cell(self))
            case .citations: sources = field.cell(self)
            case .document: break
            }
        }
        if let sources { cells.append(sources) }
        return cells
    }

    /// Every field but the citations with its value (empty when absent), in the format's order.
    public var values: [(name: String, cell: Cell)] {
        Self.fields.compactMap { $0.placement == .citations ? nil : ($0.name, $0.cell(self)) }
    }
}

/// A record kind whose fields are the columns of its table in the tabular view.
public typealias TabulatedRecord = Record & DeclaredFields
