/// A column of a table, or a field of a record: its name, what its cells hold, and what they may be.
public struct Column: Hashable, Sendable {
    /// What the cells of a column hold.
    public enum Kind: Hashable, Sendable {
        /// A record's id, or an id it had: lower-case letters and digits joined by hyphens.
        case id
        /// Text without control characters other than line feeds.
        case text
        /// Text kept exactly as written, any characters (a source's archived text).
        case verbatim
        /// Text that is one of a fixed list of words (an event's kind).
        case choice([String])
        case number, integer, boolean, date, period, url
        /// The id of a record in one of the named tables.
        case reference([String])
        /// Ids of records in the named tables.
        case references([String])
        case texts, textMap
    }

    /// The column's name, as files and sheets head it.
    public var name: String
    /// What its cells hold.
    public var kind: Kind
    /// Whether every row has a value.
    public var required: Bool
    /// What the text must match: the value, each item of a list, or each key of a map.
    public var pattern: String?
    /// The values a whole number may take, or how many items a list may have.
    public var bounds: ClosedRange<Int>?
    /// What the column holds, for people.
    public var description: String

    /// A column named `name` holding `kind`, described for people.
    public init(_ name: String, _ kind: Kind, required: Bool = false, pattern: String? = nil, bounds: ClosedRange<Int>? = nil,
                _ description: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.pattern = pattern
        self.bounds = bounds
        self.description = description
    }

    static func choice<Choice: CaseIterable & RawRepresentable>(_ name: String, _ type: Choice.Type, required: Bool = false,
                                                              _ description: String) -> Column where Choice.RawValue == String {
        Column(name, .choice(Choice.allCases.map(\.rawValue)), required: required, description)
    }

    /// An id: lower-case ASCII letters and digits in words joined by single hyphens.
    public static let idPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    /// A BCP 47 language tag as names are keyed: `ur`, `ja`, `zh-Hant`.
    public static let languageCodePattern = "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
}
