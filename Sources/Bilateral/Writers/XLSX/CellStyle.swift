/// How a cell looks: the few formats the workbook uses, as values so that each is created once.
struct CellStyle: Hashable {
    var bold = false
    /// Wraps long text within the column's width, aligned to the top of the row.
    var wrap = false
    /// Points; nil for the default 11.
    var fontSize: Double?
    /// An Excel number format ("#,##0.00", "mmm yyyy"); nil for General.
    var numberFormat: String?

    static let header = CellStyle(bold: true)
    static let title = CellStyle(bold: true, fontSize: 14)
    static let wrapped = CellStyle(wrap: true)

    static func number(_ format: String) -> CellStyle { CellStyle(numberFormat: format) }
}
