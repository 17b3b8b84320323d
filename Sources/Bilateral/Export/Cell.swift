/// One value of a record field or table cell, typed so that each writer renders it its own way: a
/// spreadsheet writes a date cell, CSV its ISO text, JSON a string.
public enum Cell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Number)
    case integer(Int)
    case boolean(Bool)
    /// A date at its precision (`2019-04` stays a month).
    case date(PartialDate)
    case period(Period)
    case url(String)
    /// The id of another record.
    case reference(String)
    /// Ids of other records, in order.
    case references([String])
    /// A list of texts (an organization's sectors).
    case texts([String])
    /// Texts by key (names by language code, values by dimension).
    case textMap([String: String])

    /// True for a cell with no value: empty, or an empty list or map.
    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .references(let ids): ids.isEmpty
        case .texts(let texts): texts.isEmpty
        case .textMap(let map): map.isEmpty
        default: false
        }
    }

    /// The cell as one line of plain text, the way CSV writes it: dates and numbers as written, ids
    /// separated by single spaces (ids never contain one), lists and maps as compact JSON with keys sorted.
    public var plainText: String {
        switch self {
        case .empty: ""
        case .text(let text), .url(let text), .reference(let text): text
        case .number(let number): number.description
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .date(let date): date.description
        case .period(let period): period.description
        case .references(let ids): ids.joined(separator: " ")
        case .texts(let texts): "[" + texts.map(JSONText.quoted).joined(separator: ",") + "]"
        case .textMap(let map):
            "{" + map.sorted { $0.key < $1.key }.map { JSONText.quoted($0.key) + ":" + JSONText.quoted($0.value) }
                .joined(separator: ",") + "}"
        }
    }
}

extension Cell {
    init(_ text: String?) { self = text.map(Cell.text) ?? .empty }
    init(_ date: PartialDate?) { self = date.map(Cell.date) ?? .empty }
    init(reference id: String?) { self = id.map(Cell.reference) ?? .empty }
    init<Choice: RawRepresentable>(_ choice: Choice?) where Choice.RawValue == String {
        self = choice.map { .text($0.rawValue) } ?? .empty
    }
}
