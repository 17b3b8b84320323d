import Foundation

/// The tables of an edited export, read back as the text the CSV export writes for each cell, with
/// where each cell is for findings: from a workbook (`edited.xlsx:Events!E12`) or from a directory
/// of CSV files (`export/events.csv:12:5`).
struct ImportedTables {
    /// One table's rows.
    struct Table {
        /// The table's columns, in the tabular view's order.
        var columns: [Column]
        var rows: [Row] = []
    }

    /// One row: the text of each column (empty for a blank cell) and where it was read.
    struct Row {
        var texts: [String]
        /// The sheet (or file) and row number.
        var sheet: String
        var number: Int
        /// The column each table column was read from, for places.
        var sourceColumns: [Int]
    }

    /// The file the tables were read from, as findings name it.
    let file: String
    /// Whether it is a workbook (places `Sheet!E12`) or CSV files (places `file.csv:12:5`).
    let isWorkbook: Bool
    private(set) var tables: [String: Table] = [:]
    private(set) var findings: [ImportFinding] = []
    /// What the workbook's About sheet says it was made from.
    private(set) var madeFrom: ExportProvenance?

    /// The place of a cell: `edited.xlsx:Events!E12` or `export/events.csv:12:5`.
    func place(_ row: Row, column: Int) -> String {
        let source = column < row.sourceColumns.count ? row.sourceColumns[column] : 0
        return isWorkbook ? "\(file):\(row.sheet)!\(CellReference.name(column: source, row: row.number))"
            : "\(file)/\(row.sheet):\(row.number):\(source + 1)"
    }

    /// The place of a row as a whole.
    func place(_ row: Row) -> String {
        isWorkbook ? "\(file):\(row.sheet)!\(row.number):\(row.number)" : "\(file)/\(row.sheet):\(row.number)"
    }

    /// Sheets an export writes that hold no table.
    static let ignoredSheets: Set<String> = ["About", SeriesCharts.dataSheet, ChoiceLists.sheetName]

    /// Reads the sheets of `workbook` that hold `view`'s tables.
    init(workbook path: String, displayName: String, view: TabularView) throws(WorkbookError) {
        file = displayName
        isWorkbook = true
        let reader = try WorkbookReader(path: path)
        try read(reader, view: view)
    }

    init(workbook reader: WorkbookReader, displayName: String, view: TabularView) throws(WorkbookError) {
        file = displayName
        isWorkbook = true
        try read(reader, view: view)
    }

    private mutating func read(_ reader: WorkbookReader, view: TabularView) throws(WorkbookError) {
        let text = SheetCellText(reader: reader)
        var seen: Set<String> = []
        do {
            for sheet in reader.sheets where sheet.isWorksheet {
                if sheet.name == "About" {
                    madeFrom = try ExportProvenance(aboutSheet: reader, sheet)
                    continue
                }
                if Self.ignoredSheets.contains(sheet.name) { continue }
                guard let table = view.tables.first(where: { Self.isSheet(sheet.name, of: $0) }) else {
                    var hasData = false
                    try reader.forEachRow(of: sheet) { _, cells in
                        if cells.contains(where: { $0.value != .text("") }) { hasData = true }
                    }
                    if hasData {
                        findings.append(ImportFinding(.unknownSheet, at: "\(file):\(sheet.name)",
                                                      "the sheet '\(sheet.name)' holds data but is no table of the dataset",
                                                      hint: "move its rows to the sheet of their table, or delete the sheet"))
                    }
                    continue
                }
                seen.insert(table.name)
                try read(sheet, of: table, reader, text)
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(.malformedXML, "\(error)")
        }
        for table in view.tables where !seen.contains(table.name) {
            findings.append(ImportFinding(.missingSheet, at: file, "the workbook has no sheet '\(table.title)'",
                                          hint: "a sheet deleted by mistake would remove every record of the table; export the workbook again"))
        }
    }

    static func isSheet(_ name: String, of table: Bilateral.Table) -> Bool {
        if name == table.title { return true }
        guard name.hasPrefix(table.title + " ("), name.hasSuffix(")") else { return false }
        return Int(name.dropFirst(table.title.count + 2).dropLast()) != nil
    }

    private mutating func read(_ sheet: WorkbookReader.Sheet, of table: Bilateral.Table, _ reader: WorkbookReader, _ text: SheetCellText) throws {
        var sourceColumns: [Int]?
        var rows: [Row] = []
        var findings: [ImportFinding] = []
        let file = self.file
        let merged = try reader.forEachRow(of: sheet) { number, cells in
            guard let columns = sourceColumns else {
                sourceColumns = Self.header(cells.map { (column: $0.column, name: (try? text.text($0, kind: .text)) ?? "") }, table: table,
                                            place: { "\(file):\(sheet.name)!\(CellReference.name(column: $0, row: number))" }, findings: &findings)
                return
            }
            var texts = [String](repeating: "", count: table.columns.count)
            var byColumn: [Int: Int] = [:]
            for (index, source) in columns.enumerated() where source >= 0 { byColumn[source] = index }
            for cell in cells {
                let place = "\(file):\(sheet.name)!\(CellReference.name(column: cell.column, row: number))"
                guard let index = byColumn[cell.column] else {
                    if cell.value != .text("") || cell.hasFormula {
                        findings.append(ImportFinding(.unknownColumn, at: place, "a value in a column with no header the table knows",
                                                      hint: "the columns of the \(table.name) table are: \(table.columns.map(\.name).joined(separator: ", "))"))
                    }
                    continue
                }
                do {
                    texts[index] = try text.text(cell, kind: table.columns[index].kind)
                } catch let error as SheetCellText.Refusal {
                    findings.append(ImportFinding(error.code, at: place, error.message, hint: error.hint))
                }
            }
            rows.append(Row(texts: texts, sheet: sheet.name, number: number, sourceColumns: columns))
        }
        for range in merged where range.lastRow >= 2 {
            findings.append(ImportFinding(.mergedCells, at: "\(file):\(sheet.name)!\(range.name)", "merged cells over the table's rows",
                                          hint: "unmerge them (a merged range keeps only its first value) and type each cell's value"))
        }
        tables[table.name, default: Table(columns: table.columns)].rows += rows
        self.findings += findings
    }

    /// Where each of the table's columns is, from the header; reports missing and renamed columns.
    private static func header(_ cells: [(column: Int, name: String)], table: Bilateral.Table, place: (Int) -> String,
                               findings: inout [ImportFinding]) -> [Int] {
        var sources: [Int] = []
        for column in table.columns {
            if let cell = cells.first(where: { $0.name == column.name }) {
                sources.append(cell.column)
            } else {
                sources.append(-1)
                findings.append(ImportFinding(.missingColumn, at: place(sources.count - 1),
                                              "the \(table.name) table has no column '\(column.name)' (renamed or deleted)",
                                              hint: "give the column its header '\(column.name)' back; the header row must stay as exported"))
            }
        }
        for cell in cells where !cell.name.isEmpty && !table.columns.contains(where: { $0.name == cell.name }) {
            findings.append(ImportFinding(.unknownColumn, at: place(cell.column), "the column '\(cell.name)' is not one of the \(table.name) table",
                                          hint: Suggestion.hint(for: cell.name, in: table.columns.map(\.name)) ?? "delete it, or move its values to a column the table has"))
        }
        return sources
    }

    /// Reads the CSV files of an export directory.
    init(csvDirectory path: String, view: TabularView) throws {
        file = path
        isWorkbook = false
        for table in view.tables {
            let filePath = (path as NSString).appendingPathComponent(table.name + ".csv")
            guard FileManager.default.fileExists(atPath: filePath) else {
                findings.append(ImportFinding(.missingSheet, at: path, "the directory has no file '\(table.name).csv'"))
                continue
            }
            let data = try DatasetDocument.read(filePath)
            var tokenizer = CSVTokenizer(stream: DataByteStream(data))
            defer { tokenizer.deallocate() }
            var sources: [Int]?
            var rows: [Row] = []
            let name = table.name + ".csv"
            do {
                while try tokenizer.nextRecord() {
                    var texts = tokenizer.fields.map { tokenizer.text($0) }
                    if sources == nil, let first = texts.first, first.hasPrefix("\u{FEFF}") { texts[0] = String(first.dropFirst()) }
                    guard let columns = sources else {
                        sources = Self.header(texts.enumerated().map { ($0.offset, $0.element) }, table: table,
                                              place: { "\(path)/\(name):1:\($0 + 1)" }, findings: &findings)
                        continue
                    }
                    var row = [String](repeating: "", count: table.columns.count)
                    for (index, source) in columns.enumerated() where source >= 0 && source < texts.count {
                        row[index] = Self.undoNeutralised(texts[source])
                    }
                    rows.append(Row(texts: row, sheet: name, number: tokenizer.recordLine, sourceColumns: columns))
                }
            } catch let problem as CSVTokenizer.Problem {
                findings.append(ImportFinding(code: "malformed-csv", at: "\(path)/\(name):\(problem.line):\(problem.column)", problem.message, hint: problem.hint))
            }
            tables[table.name] = Table(columns: table.columns, rows: rows)
        }
    }

    /// The CSV export writes text that a spreadsheet would run as a formula after an apostrophe; this undoes it.
    static func undoNeutralised(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.dropFirst().first, "=+-@\t\r".contains(second) else { return text }
        return String(text.dropFirst())
    }
}
