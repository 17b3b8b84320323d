/// Writes one table onto a sheet named after it, continuing onto "Observations (2)", "(3)"… when it
/// has more rows than a sheet holds, each sheet with the same bold, frozen, filtered header. Columns
/// are as wide as their content (up to `maximumWidth`; longer text wraps), and columns of a fixed
/// list of words get a drop-down of that list (inline, or drawn from the hidden "Choices" sheet when
/// the list is too long for Excel's inline form).
final class TableSheets {
    /// The widest a column gets, in characters; longer text wraps.
    static let maximumWidth = 60

    let table: Table
    let workbook: Workbook
    /// Where lists of words too long for an inline drop-down go.
    let choiceLists: ChoiceLists
    /// Data rows on one sheet, below its header.
    let rowsPerSheet: Int
    private(set) var sheets: [Worksheet] = []
    /// Data rows written, over all sheets.
    private(set) var rowCount = 0
    /// Links written as plain text because a sheet had used up Excel's links.
    private(set) var linksAsText = 0
    private var widths: [Int]
    private var rowInSheet = 0

    init(_ table: Table, workbook: Workbook, choiceLists: ChoiceLists, rowsPerSheet: Int = Worksheet.maximumRows - 1) {
        self.table = table
        self.workbook = workbook
        self.choiceLists = choiceLists
        self.rowsPerSheet = rowsPerSheet
        widths = table.columns.map { DisplayWidth.of($0.name) + 2 }  // room for the filter button
    }

    /// The name of the table's `index`th sheet (zero-based).
    static func sheetName(_ table: Table, _ index: Int) -> String { index == 0 ? table.title : "\(table.title) (\(index + 1))" }

    /// Where the table's `index`th data row (zero-based) is: its sheet and row.
    static func place(ofRow index: Int, in table: Table, rowsPerSheet: Int) -> (sheet: String, row: Int) {
        (sheetName(table, index / rowsPerSheet), index % rowsPerSheet + 1)
    }

    /// Starts the first sheet; call before any later sheet of the workbook is added.
    func start() throws {
        try startSheet()
    }

    private func startSheet() throws {
        let sheet = try workbook.addWorksheet(Self.sheetName(table, sheets.count))
        for (column, header) in table.columns.enumerated() { try sheet.write(header.name, row: 0, column: column, style: .header) }
        sheets.append(sheet)
        rowInSheet = 0
    }

    /// Writes a row; `record` names it in an error.
    func append(_ values: [SheetValue], record: () -> String) throws {
        if rowInSheet == rowsPerSheet {
            try finishSheet(sheets[sheets.count - 1], rows: rowInSheet)
            try startSheet()
        }
        let sheet = sheets[sheets.count - 1]
        let row = rowInSheet + 1
        var column = 0
        do {
            for (index, value) in values.enumerated() {
                column = index
                let width = value.width
                if try !sheet.write(value, row: row, column: column, textStyle: width > Self.maximumWidth ? .wrapped : nil) {
                    linksAsText += 1
                }
                if width > widths[column] { widths[column] = width }
            }
        } catch var error as XLSXError {
            error.record = "\(record()), field '\(table.columns[column].name)'"
            throw error
        }
        rowInSheet += 1
        rowCount += 1
    }

    /// Finishes the last sheet and sets every sheet's column widths.
    func finish() throws {
        if let last = sheets.last { try finishSheet(last, rows: rowInSheet) }
        let columnWidths = widths.map { Double(min($0, Self.maximumWidth) + 1) }
        for sheet in sheets {
            for (column, width) in columnWidths.enumerated() { try sheet.setColumnWidth(column, width) }
            try sheet.setUpPrinting(.table(columnWidths: columnWidths))
        }
    }

    private func finishSheet(_ sheet: Worksheet, rows: Int) throws {
        try sheet.freezeHeader(columns: table.columns.count, rows: rows)
        for (column, header) in table.columns.enumerated() {
            guard case .choice(let words) = header.kind, !words.isEmpty else { continue }
            if Self.fitsDropDown(words) {
                try sheet.dropDown(words, column: column, rows: rows)
            } else {
                try sheet.dropDown(range: choiceLists.range(of: words), column: column, rows: rows)
            }
        }
    }

    /// Whether Excel can offer `words` as a list: 255 characters at most, commas between them.
    static func fitsDropDown(_ words: [String]) -> Bool {
        !words.isEmpty && words.joined(separator: ",").utf16.count <= 255 && !words.contains { $0.contains(",") || $0.contains("\"") }
    }
}
