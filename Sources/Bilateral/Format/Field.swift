/// One field of a record kind, declared once: its name, type, whether it is required, what it
/// references and a line describing it (all in `column`), and how its value is read into the record
/// and written out of it. The reader, the export columns, the diff, the reference checks and the JSON
/// Schema in `Schemas/` are all derived from these declarations.
public struct Field<Record>: Sendable {
    /// Where the field goes besides the dataset document.
    public enum Placement: Sendable {
        /// A column of the record's table in every export, and a field the diff compares.
        case column
        /// In the document (and its JSON export) only: a file the loader reads, a carried text.
        case document
        /// The record's `sources`, which every writer treats on its own.
        case citations
    }

    /// The field's name, type, constraints and description.
    public let column: Column
    /// Where the field's values go in tabular exports.
    public let placement: Placement
    /// Reads the field from the reader into the record, reporting problems as it goes.
    let read: @Sendable (inout RecordReader, inout Record) -> Void
    /// The field's value as a cell; `.empty` when absent.
    let cell: @Sendable (Record) -> Cell

    /// The field's name in the dataset document.
    public var name: String { column.name }

    init(_ column: Column, _ placement: Placement = .column, read: @escaping @Sendable (inout RecordReader, inout Record) -> Void,
         cell: @escaping @Sendable (Record) -> Cell) {
        self.column = column
        self.placement = placement
        self.read = read
        self.cell = cell
    }
}

/// A key path a declaration may keep: the record's property that holds the field.
public typealias FieldPath<Record, Value> = WritableKeyPath<Record, Value> & Sendable

extension Field {
    /// The record's id, unique across the dataset.
    static func id(_ path: FieldPath<Record, String>, _ description: String = "The record's id, unique across the dataset.") -> Field {
        Field(Column("id", .id, required: true, description), read: { r, record in
            if let value = r.id() { record[keyPath: path] = value }
        }, cell: { .text($0[keyPath: path]) })
    }

    /// An id that is optional (an observation's).
    static func id(_ path: FieldPath<Record, String?>, _ description: String) -> Field {
        Field(Column("id", .id, description), read: { r, record in
            record[keyPath: path] = r.id(required: false)
        }, cell: { Cell($0[keyPath: path]) })
    }

    /// The id the record had before it was renamed.
    static func replaces(_ path: FieldPath<Record, String?>) -> Field {
        Field(Column("replaces", .id, "The id the record had before it was renamed; bilateral diff then shows a rename, not a removal and an addition."),
              read: { r, record in record[keyPath: path] = r.id("replaces", required: false) },
              cell: { Cell($0[keyPath: path]) })
    }

    /// Required text.
    static func text(_ name: String, _ path: FieldPath<Record, String>, pattern: String? = nil, _ description: String) -> Field {
        Field(Column(name, .text, required: true, pattern: pattern, description), read: { r, record in
            if let value = r.text(name, required: true) { record[keyPath: path] = value }
        }, cell: { .text($0[keyPath: path]) })
    }

    /// Optional text.
    static func text(_ name: String, _ path: FieldPath<Record, String?>, pattern: String? = nil, _ description: String) -> Field {
        Field(Column(name, .text, pattern: pattern, description), read: { r, record in
            record[keyPath: path] = r.text(name)
        }, cell: { Cell($0[keyPath: path]) })
    }

    /// Optional text kept in the document only (a file's path, a carried text), not a table column.
    static func documentText(_ name: String, _ path: FieldPath<Record, String?>, verbatim: Bool = false, _ description: String) -> Field {
        Field(Column(name, verbatim ? .verbatim : .text, description), .document, read: { r, record in
            record[keyPath: path] = r.text(name)
        }, cell: { Cell($0[keyPath: path]) })
    }

    /// An optional URL.
    static func url(_ name: String, _ path: FieldPath<Record, String?>, _ description: String) -> Field {
        Field(Column(name, .url, description), read: { r, record in
            record[keyPath: path] = r.text(name)
        }, cell: { $0[keyPath: path].map(Cell.url) ?? .empty })
    }

    /// A required date.
    static func date(_ name: String, _ path: FieldPath<Record, PartialDate>, _ description: String) -> Field {
        Field(Column(name, .date, required: true, description), read: { r, record in
            if let value = r.date(name, required: true) { record[keyPath: path] = value }
        }, cell: { .date($0[keyPath: path]) })
    }

    /// An optional date.
    static func date(_ name: String, _ path: FieldPath<Record, PartialDate?>, _ description: String) -> Field {
        Field(Column(name, .date, description), read: { r, record in
            record[keyPath: path] = r.date(name)
        }, cell: { Cell($0[keyPath: path]) })
    }

    /// A required period.
    static func period(_ name: String, _ path: FieldPath<Record, Period>, _ description: String) -> Field {
        Field(Column(name, .period, required: true, description), read: { r, record in
            if let value = r.period(name, required: true) { record[keyPath: path] = value }
        }, cell: { .period($0[keyPath: path]) })
    }

    /// A required number.
    static func number(_ name: String, _ path: FieldPath<Record, Number>, _ description: String) -> Field {
        Field(Column(name, .number, required: true, description), read: { r, record in
            if let value = r.number(name, required: true) { record[keyPath: path] = value }
        }, cell: { .number($0[keyPath: path]) })
    }

    /// An optional number.
    static func number(_ name: String, _ path: FieldPath<Record, Number?>, _ description: String) -> Field {
        Field(Column(name, .number, description), read: { r, record in
            record[keyPath: path] = r.number(name)
        }, cell: { $0[keyPath: path].map(Cell.number) ?? .empty })
    }

    /// An optional whole number within `bounds`.
    static func integer(_ name: String, _ path: FieldPath<Record, Int?>, in bounds: ClosedRange<Int>, _ description: String) -> Field {
        Field(Column(name, .integer, bounds: bounds, description), read: { r, record in
            record[keyPath: path] = r.integer(name, in: bounds)
        }, cell: { $0[keyPath: path].map(Cell.integer) ?? .empty })
    }

    /// A flag, false when absent (and then left out of the document).
    static func flag(_ name: String, _ path: FieldPath<Record, Bool>, _ description: String) -> Field {
        Field(Column(name, .boolean, description), read: { r, record in
            record[keyPath: path] = r.flag(name)
        }, cell: { $0[keyPath: path] ? .boolean(true) : .empty })
    }

    /// One of a fixed set of words, required.
    static func choice<Choice>(_ name: String, _ path: FieldPath<Record, Choice>, _ description: String) -> Field
    where Choice: RawRepresentable & CaseIterable & Sendable, Choice.RawValue == String {
        Field(.choice(name, Choice.self, required: true, description), read: { r, record in
            if let value: Choice = r.choice(name, required: true) { record[keyPath: path] = value }
        }, cell: { .text($0[keyPath: path].rawValue) })
    }

    /// One of a fixed set of words that takes `default` when absent (and is then written out).
    static func choice<Choice>(_ name: String, _ path: FieldPath<Record, Choice>, default: Choice, _ description: String) -> Field
    where Choice: RawRepresentable & CaseIterable & Sendable, Choice.RawValue == String {
        Field(.choice(name, Choice.self, description), read: { r, record in
            record[keyPath: path] = r.choice(name) ?? `default`
        }, cell: { .text($0[keyPath: path].rawValue) })
    }

    /// One of a fixed set of words, optional.
    static func choice<Choice>(_ name: String, _ path: FieldPath<Record, Choice?>, _ description: String) -> Field
    where Choice: RawRepresentable & CaseIterable & Sendable, Choice.RawValue == String {
        Field(.choice(name, Choice.self, description), read: { r, record in
            record[keyPath: path] = r.choice(name)
        }, cell: { Cell($0[keyPath: path]) })
    }

    /// A required reference to a record of one of `kinds`.
    static func reference(_ name: String, _ path: FieldPath<Record, String>, to kinds: [RecordKind], _ description: String) -> Field {
        Field(Column(name, .reference(kinds.map(\.collection)), required: true, description), read: { r, record in
            if let value = r.reference(name, required: true) { record[keyPath: path] = value }
        }, cell: { .reference($0[keyPath: path]) })
    }

    /// An optional reference to a record of one of `kinds`.
    static func reference(_ name: String, _ path: FieldPath<Record, String?>, to kinds: [RecordKind], _ description: String) -> Field {
        Field(Column(name, .reference(kinds.map(\.collection)), description), read: { r, record in
            record[keyPath: path] = r.reference(name)
        }, cell: { Cell(reference: $0[keyPath: path]) })
    }

    /// A list of references to records of one of `kinds`, of a length within `bounds` when given.
    static func references(_ name: String, _ path: FieldPath<Record, [String]>, to kinds: [RecordKind],
                           count bounds: ClosedRange<Int>? = nil, _ description: String) -> Field {
        Field(Column(name, .references(kinds.map(\.collection)), bounds: bounds, description), read: { r, record in
            record[keyPath: path] = r.references(name)
        }, cell: { .references($0[keyPath: path]) })
    }

    /// A list of texts, each matching `pattern` when given.
    static func texts(_ name: String, _ path: FieldPath<Record, [String]>, pattern: String? = nil, _ description: String) -> Field {
        Field(Column(name, .texts, pattern: pattern, description), read: { r, record in
            record[keyPath: path] = r.texts(name)
        }, cell: { .texts($0[keyPath: path]) })
    }

    /// Texts by key, each key matching `pattern` when given.
    static func textMap(_ name: String, _ path: FieldPath<Record, [String: String]>, keys pattern: String? = nil,
                        _ description: String) -> Field {
        Field(Column(name, .textMap, pattern: pattern, description), read: { r, record in
            record[keyPath: path] = r.textMap(name)
        }, cell: { .textMap($0[keyPath: path]) })
    }

    /// Names in other languages, keyed by language code.
    static func names(_ path: FieldPath<Record, [String: String]>) -> Field {
        textMap("names", path, keys: Column.languageCodePattern, "Names in other languages, by language code.")
    }

    /// The record's `sources`: source ids, each with an optional quote. Required unless `required` is
    /// false (an observation's series may stand for it); `missing-source` reports it, not the reader.
    static func citations(_ path: FieldPath<Record, [Citation]>, required: Bool = true) -> Field {
        Field(Column("sources", .references(["sources"]), required: required,
                     "Sources of the record's facts: a source id, or a source id with a short verbatim quote."), .citations,
              read: { r, record in record[keyPath: path] = r.citations() },
              cell: { .references($0[keyPath: path].map(\.source)) })
    }
}
