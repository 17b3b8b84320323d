internal import CXLSXWriter
import Glibc

/// A worksheet of a `Workbook`, which it keeps alive. Every write is checked: values Excel would
/// misread or libxlsxwriter would mishandle are refused or escaped first, and any `lxw_error` becomes
/// an `XLSXError` naming the sheet and cell.
final class Worksheet {
    /// Excel's limit of hyperlinks on one sheet.
    static let maximumLinks = 65_530
    /// Excel's limit on a URL's length.
    static let maximumURLLength = 2_079
    /// Rows on a sheet, the header included.
    static let maximumRows = 1_048_576

    let workbook: Workbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    /// Hyperlinks written so far.
    private(set) var links = 0

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    var canLink: Bool { links < Self.maximumLinks }

    func place(_ row: Int, _ column: Int) -> String { "sheet '\(name)', cell \(SheetNames.cellName(row: row, column: column))" }

    /// The live sheet and the cell's indexes in the library's types.
    private func cell(_ row: Int, _ column: Int) throws -> (lxw_row_t, lxw_col_t) {
        _ = try workbook.live(place(row, column))
        guard (0..<Self.maximumRows).contains(row), (0..<Int(LXW_COL_MAX)).contains(column) else {
            throw XLSXError(refusing: "the cell is outside a sheet's 1,048,576 rows and 16,384 columns", place: place(row, column))
        }
        return (lxw_row_t(row), lxw_col_t(column))
    }

    private func format(_ style: CellStyle?) throws -> UnsafeMutablePointer<lxw_format>? {
        try style.map(workbook.format)
    }

    private func safeText(_ text: String, _ row: Int, _ column: Int) throws -> String {
        if let refusal = SpreadsheetText.refusal(text) { throw XLSXError(refusing: refusal.description, place: place(row, column)) }
        return SpreadsheetText.escaped(text)
    }

    /// Text, always as a string cell: text starting with `=` is not a formula.
    func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil) throws {
        let (r, c) = try cell(row, column)
        let safe = try safeText(text, row, column)
        let format = try format(style)
        try XLSXError.check(safe.withCString { worksheet_write_string(handle, r, c, $0, format) }, place(row, column))
    }

    func write(_ number: Double, row: Int, column: Int, style: CellStyle? = nil) throws {
        let (r, c) = try cell(row, column)
        guard number.isFinite else { throw XLSXError(refusing: "\(number) is not a number a spreadsheet can hold", place: place(row, column)) }
        try XLSXError.check(worksheet_write_number(handle, r, c, number, try format(style)), place(row, column))
    }

    func write(_ value: Bool, row: Int, column: Int) throws {
        let (r, c) = try cell(row, column)
        try XLSXError.check(worksheet_write_boolean(handle, r, c, value ? 1 : 0, nil), place(row, column))
    }

    /// A date cell (1900-01-01 to 9999-12-31, Excel's range); `style` gives the date format.
    func write(date: PartialDate, row: Int, column: Int, style: CellStyle) throws {
        let (r, c) = try cell(row, column)
        guard SheetCells.excelYears.contains(date.year) else {
            throw XLSXError(refusing: "\(date) is outside the dates a spreadsheet can hold", place: place(row, column))
        }
        var datetime = lxw_datetime(year: Int32(date.year), month: Int32(date.month ?? 1), day: Int32(date.day ?? 1), hour: 0, min: 0, sec: 0)
        try XLSXError.check(worksheet_write_datetime(handle, r, c, &datetime, try format(style)), place(row, column))
    }

    /// A hyperlink showing `text`: to a web address, or to a cell of another sheet.
    func writeLink(_ target: LinkTarget, text: String, tooltip: String?, row: Int, column: Int) throws {
        let (r, c) = try cell(row, column)
        guard canLink else { throw XLSXError(refusing: "a sheet holds at most \(Self.maximumLinks) links", place: place(row, column)) }
        let url = target.url
        guard url.utf8.count <= Self.maximumURLLength, SpreadsheetText.refusal(url) == nil else {
            throw XLSXError(refusing: "a link's address has at most \(Self.maximumURLLength) characters", place: place(row, column))
        }
        let shown = try safeText(text, row, column)
        let tip = tooltip.map { String($0.prefix(255)) }
        let code = url.withCString { url in
            shown.withCString { shown in
                if let tip {
                    tip.withCString { worksheet_write_url_opt(handle, r, c, url, nil, shown, $0) }
                } else {
                    worksheet_write_url_opt(handle, r, c, url, nil, shown, nil)
                }
            }
        }
        try XLSXError.check(code, place(row, column))
        links += 1
    }

    /// Writes a planned cell, text in `textStyle`. Returns false when a link had to be written as plain
    /// text, because the sheet has used up its links or the address is too long.
    @discardableResult
    func write(_ value: SheetValue, row: Int, column: Int, textStyle: CellStyle?) throws -> Bool {
        switch value {
        case .blank: break
        case .text(let text): try write(text, row: row, column: column, style: textStyle)
        case .number(let number, let format): try write(number, row: row, column: column, style: .number(format.code))
        case .date(let date): try write(date: date, row: row, column: column, style: .number(ValueFormat.date(date.precision).code))
        case .boolean(let flag): try write(flag, row: row, column: column)
        case .link(let target, let text, let tooltip):
            guard canLink, target.url.utf8.count <= Self.maximumURLLength else {
                try write(text, row: row, column: column)
                return false
            }
            try writeLink(target, text: text, tooltip: tooltip, row: row, column: column)
        }
        return true
    }

    func setColumnWidth(_ column: Int, _ width: Double) throws {
        _ = try cell(0, column)
        try XLSXError.check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil), "sheet '\(name)', column widths")
    }

    /// Freezes the first row and puts an autofilter over the header and `rows` rows below it.
    func freezeHeader(columns: Int, rows: Int) throws {
        let (lastRow, lastColumn) = try cell(rows, max(columns - 1, 0))
        worksheet_freeze_panes(handle, 1, 0)
        try XLSXError.check(worksheet_autofilter(handle, 0, 0, lastRow, lastColumn), "sheet '\(name)', autofilter")
    }

    /// A drop-down of the words in the range `formula` names (`='Choices'!$A$1:$A$12`) on rows
    /// 1…`rows` of `column`; blank cells stay allowed.
    func dropDown(range formula: String, column: Int, rows: Int) throws {
        let (lastRow, c) = try cell(max(rows, 1), column)
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        let copy = strdup(formula)
        defer { free(copy) }
        validation.value_formula = copy
        try XLSXError.check(worksheet_data_validation_range(handle, 1, c, lastRow, c, &validation),
                            "sheet '\(name)', drop-down of column \(SheetNames.cellName(row: 0, column: column))")
    }

    /// Hides the sheet (it stays in the workbook, for the formulas that refer to it).
    func hide() { worksheet_hide(handle) }

    /// A drop-down of `values` on rows 1…`rows` of `column`; blank cells stay allowed.
    func dropDown(_ values: [String], column: Int, rows: Int) throws {
        let (lastRow, c) = try cell(max(rows, 1), column)
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        let copies = values.map { value in value.withCString { strdup($0) } } + [nil]
        defer { copies.forEach { free($0) } }
        var list = copies
        let code = list.withUnsafeMutableBufferPointer { buffer in
            validation.value_list = buffer.baseAddress
            return worksheet_data_validation_range(handle, 1, c, lastRow, c, &validation)
        }
        try XLSXError.check(code, "sheet '\(name)', drop-down of column \(SheetNames.cellName(row: 0, column: column))")
    }

    /// Sets the sheet up for printing (`PageSetup`).
    func setUpPrinting(_ setup: PageSetup) throws {
        let place = "sheet '\(name)', page setup"
        worksheet_set_paper(handle, PageSetup.paperA4)
        if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_fit_to_pages(handle, 1, UInt16(setup.pagesTall))
        if setup.repeatsHeaderRow { try XLSXError.check(worksheet_repeat_rows(handle, 0, 0), place) }
        try XLSXError.check(worksheet_set_header(handle, PageSetup.header), place)
        try XLSXError.check(worksheet_set_footer(handle, PageSetup.footer), place)
    }

    /// Shows this sheet when the workbook opens.
    func activate() { worksheet_activate(handle) }
}

/// Where a hyperlink goes.
enum LinkTarget: Hashable {
    case web(String)
    /// A cell of a sheet of the same workbook, zero-based.
    case cell(sheet: String, row: Int, column: Int)

    var url: String {
        switch self {
        case .web(let url): url
        case .cell(let sheet, let row, let column): "internal:" + SheetNames.reference(sheet: sheet, row: row, column: column)
        }
    }
}
