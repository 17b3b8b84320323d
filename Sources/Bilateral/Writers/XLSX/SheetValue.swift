/// A cell as the workbook writes it: what the tabular view's `Cell` becomes in a spreadsheet.
enum SheetValue: Equatable {
    case blank
    /// Always a string cell, whatever it starts with.
    case text(String)
    case number(Double, ValueFormat)
    /// A date cell shown at its precision.
    case date(PartialDate)
    case boolean(Bool)
    /// A hyperlink; written as plain text when the sheet has used up its links.
    case link(LinkTarget, text: String, tooltip: String?)

    /// About how many columns the value takes when shown, for column widths.
    var width: Int {
        switch self {
        case .blank: return 0
        case .text(let text), .link(_, let text, _): return DisplayWidth.of(text)
        case .number(let value, let format):
            // Digits, separators every three digits, decimals, and the format's text.
            let digits = Number(value, fractionDigits: 0).description.count
            let decimals = format.code.split(separator: ".").dropFirst().first.map { $0.prefix { $0 == "0" }.count } ?? 0
            return digits + (digits - 1) / 3 + (decimals > 0 ? decimals + 1 : 0) + format.affixWidth
        case .date(let date): return [PartialDate.Precision.year: 4, .month: 8, .day: 11][date.precision]!
        case .boolean(let value): return value ? 4 : 5
        }
    }
}
