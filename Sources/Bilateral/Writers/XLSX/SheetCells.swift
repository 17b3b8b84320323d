/// Turns the tabular view's cells into workbook cells, without touching the C library, so that
/// the plan can be tested on its own:
///
/// - numbers are numbers (an observation's value in its series' format), booleans booleans;
/// - dates are date cells at their precision, unless Excel cannot hold them (before 1900), then ISO text;
/// - URLs are live links, unless longer than Excel allows, then text;
/// - source ids link to their row of the Sources sheet (the first id when a cell names several);
/// - periods, references, lists and maps are the plain text the CSV export writes.
struct SheetCells {
    /// The years an Excel date can have.
    static let excelYears = 1900...9999

    /// Where each source's row is: its sheet and row.
    let sourceRows: [String: (sheet: String, row: Int)]
    /// How many dates were written as text because Excel cannot hold them.
    private(set) var datesAsText = 0
    /// How many URLs were written as text because they are too long for a link.
    private(set) var urlsAsText = 0
    /// Source ids that some row cites.
    private(set) var citedSources: Set<String> = []

    init(sourceRows: [String: (sheet: String, row: Int)]) { self.sourceRows = sourceRows }

    mutating func value(_ cell: Cell, column: Column, format: ValueFormat? = nil) -> SheetValue {
        switch cell {
        case .empty: return .blank
        case .text(let text): return .text(text)
        case .number(let number): return .number(number.value, format ?? .decimal(number.fractionDigits))
        case .integer(let value): return .number(Double(value), format ?? .integer)
        case .boolean(let value): return .boolean(value)
        case .date(let date):
            guard Self.excelYears.contains(date.year) else {
                datesAsText += 1
                return .text(date.description)
            }
            return .date(date)
        case .url(let url):
            guard url.utf8.count <= Worksheet.maximumURLLength else {
                urlsAsText += 1
                return .text(url)
            }
            return .link(.web(url), text: url, tooltip: nil)
        case .reference(let id) where column.kind == .reference(["sources"]):
            return sourceLink([id])
        case .references(let ids) where column.kind == .references(["sources"]):
            return ids.isEmpty ? .blank : sourceLink(ids)
        default:
            return cell.isEmpty ? .blank : .text(cell.plainText)
        }
    }

    private mutating func sourceLink(_ ids: [String]) -> SheetValue {
        citedSources.formUnion(ids)
        let text = ids.joined(separator: " ")
        guard let first = ids.first, let place = sourceRows[first] else { return .text(text) }
        let tooltip = ids.count == 1 ? "Go to source \(first)" : "Go to the first of these sources, \(first)"
        return .link(.cell(sheet: place.sheet, row: place.row, column: 0), text: text, tooltip: tooltip)
    }
}
