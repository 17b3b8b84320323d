/// A column of a table, or a field of a record: its name, what its cells hold, and what they may be.
public struct Column: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        /// Text that is one of a fixed list of words (an event's kind).
        case choice([String])
        case number, integer, boolean, date, period, url
        /// The id of a record in one of the named tables.
        case reference([String])
        /// Ids of records in the named table.
        case references(String)
        case texts, textMap
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var description: String

    public init(_ name: String, _ kind: Kind, required: Bool = false, _ description: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.description = description
    }

    static func choice<Choice: CaseIterable & RawRepresentable>(_ name: String, _ type: Choice.Type, required: Bool = false,
                                                              _ description: String) -> Column where Choice.RawValue == String {
        Column(name, .choice(Choice.allCases.map(\.rawValue)), required: required, description)
    }

    static func reference(_ name: String, to tables: [String], required: Bool = false, _ description: String) -> Column {
        Column(name, .reference(tables), required: required, description)
    }
}
