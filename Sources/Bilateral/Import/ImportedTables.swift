import Foundation

/// The tables of an edited export, read back row by row as the text the CSV export writes for each
/// cell, with where each cell is for findings: from a workbook (`edited.xlsx:Events!E12`) or from a
/// directory of CSV files (`export/events.csv:12:5`). Rows are streamed, never all held.
struct ImportedTables {
    /// One row: the text of each column (empty for a blank cell) and where it was read.
    struct Row {
        var texts: [String]
        /// The sheet (or file) and row number.
        var sheet: String
        var number: Int
        /// The column each table column was read from, for places.
        var sourceColumns: [Int]
    }

    private enum Source {
        case workbook(WorkbookReader)
        case csv(directory: String)
    }

    /// The file the tables were read from, as findings name it.
    let file: String
    private let source: Source
    private(set) var findings: [ImportFinding] = []
    /// What the workbook's About sheet says it was made from.
    private(set) var madeFrom: ExportProvenance?

    /// Sheets an export writes that hold no table.
    static let ignoredSheets: Set<String> = ["About", SeriesCharts.dataSheet, ChoiceLists.sheetName]

    /// The workbook at `path`, with what its About sheet records.
    init(workbook path: String, displayName: String) throws(WorkbookError) {
        try self.init(workbook: try WorkbookReader(path: path), displayName: displayName)
    }

    init(workbook reader: WorkbookReader, displayName: String) throws(WorkbookError) {
        file = displayName
        source = .workbook(reader)
        if let about = reader.sheets.first(where: { $0.name == "About" && $0.isWorksheet }) {
            do { madeFrom = try ExportProvenance(aboutSheet: reader, about) } catch let error as WorkbookError { throw error } catch {
                throw WorkbookError(.malformedXML, "\(error)")
            }
        }
    }

    /// The CSV files of an export directory.
    init(csvDirectory path: String) {
        file = path
        source = .csv(directory: path)
    }

    /// The place of a cell: `edited.xlsx:Events!E12` or `export/events.csv:12:5`.
    func place(_ row: Row, column: Int) -> String {
        let source = column < row.sourceColumns.count ? row.sourceColumns[column] : 0
        guard case .workbook = self.source else { return "\(file)/\(row.sheet):\(row.number):\(source + 1)" }
        return "\(file):\(row.sheet)!\(CellReference.name(column: source, row: row.number))"
    }

    /// The place of a row as a whole.
    func place(_ row: Row) -> String {
        guard case .workbook = source else { return "\(file)/\(row.sheet):\(row.number)" }
        return "\(file):\(row.sheet)!\(row.number):\(row.number)"
    }

    /// Calls `body` with each row of `table`, over all the sheets it continues on; false (with a
    /// finding) when the export has no sheet or file for it.
    mutating func forEachRow(of table: Table, _ body: (Row) throws -> Void) throws -> Bool {
        switch source {
        case .workbook(let reader):
            let sheets = reader.sheets.filter { $0.isWorksheet && Self.isSheet($0.name, of: table) }
            guard !sheets.isEmpty else {
                findings.append(ImportFinding(.missingSheet, at: file, "the workbook has no sheet '\(table.title)'",
                                              hint: "a sheet deleted by mistake would remove every record of the table; export the workbook again"))
                return false
            }
            do {
                for sheet in sheets { try read(sheet, of: table, reader, body) }
            } catch let error as WorkbookError {
                throw error
            }
            return true
        case .csv(let directory):
            return try readCSV(directory, table, body)
        }
    }

    /// The names the header row of `table`'s first sheet gives its columns, in order; nil when the
    /// export has no such sheet, or is a directory of CSV files.
    func headerNames(of table: Table) throws -> [String]? {
        guard case .workbook(let reader) = source,
              let sheet = reader.sheets.first(where: { $0.isWorksheet && Self.isSheet($0.name, of: table) }) else { return nil }
        struct HeaderRead: Error {}
        var names: [String] = []
        let text = SheetCellText(reader: reader)
        do {
            _ = try reader.forEachRow(of: sheet) { _, cells in
                names = cells.map { (try? text.text($0, kind: .text)) ?? "" }
                throw HeaderRead()
            }
        } catch is HeaderRead {}
        return names
    }

    /// Forgets the findings made after the first `count`, for rows read again.
    mutating func forgetFindings(after count: Int) { findings.removeSubrange(count...) }

    /// Reports the workbook's sheets that hold data but no table of `view`.
    mutating func checkUnknownSheets(_ view: TabularView) throws {
        guard case .workbook(let reader) = source else { return }
        for sheet in reader.sheets where sheet.isWorksheet && !Self.ignoredSheets.contains(sheet.name)
            && !view.tables.contains(where: { Self.isSheet(sheet.name, of: $0) }) {
            var hasData = false
            try reader.forEachRow(of: sheet) { _, cells in
                if cells.contains(where: { $0.value != .text("") }) { hasData = true }
            }
            if hasData {
                findings.append(ImportFinding(.unknownSheet, at: "\(file):\(sheet.name)",
                                              "the sheet '\(sheet.name)' holds data but is no table of the dataset",
                                              hint: "move its rows to the sheet of their table, or delete the sheet"))
            }
        }
    }

    static func isSheet(_ name: String, of table: Table) -> Bool {
        if name == table.title { return true }
        guard name.hasPrefix(table.title + " ("), name.hasSuffix(")") else { return false }
        return Int(name.dropFirst(table.title.count + 2).dropLast()) != nil
    }

    private mutating func read(_ sheet: WorkbookReader.Sheet, of table: Table, _ reader: WorkbookReader, _ body: (Row) throws -> Void) throws {
        let text = SheetCellText(reader: reader)
        var sourceColumns: [Int]?
        var byColumn: [Int] = []
        var findings: [ImportFinding] = []
        let file = self.file
        var texts = [String](repeating: "", count: table.columns.count)
        let merged = try reader.forEachRow(of: sheet) { number, cells in
            guard let columns = sourceColumns else {
                let header = Self.header(cells.map { (column: $0.column, name: (try? text.text($0, kind: .text)) ?? "") }, table: table,
                                         place: { "\(file):\(sheet.name)!\(CellReference.name(column: $0, row: number))" }, findings: &findings)
                sourceColumns = header
                byColumn = [Int](repeating: -1, count: (header.max() ?? -1) + 1)
                for (index, source) in header.enumerated() where source >= 0 { byColumn[source] = index }
                return
            }
            for index in texts.indices { texts[index] = "" }
            for cell in cells {
                let index = cell.column < byColumn.count ? byColumn[cell.column] : -1
                guard index >= 0 else {
                    if cell.value != .text("") || cell.hasFormula {
                        findings.append(ImportFinding(.unknownColumn, at: "\(file):\(sheet.name)!\(CellReference.name(column: cell.column, row: number))",
                                                      "a value in a column with no header the table knows",
                                                      hint: "the columns of the \(table.name) table are: \(table.columns.map(\.name).joined(separator: ", "))"))
                    }
                    continue
                }
                do {
                    texts[index] = try text.text(cell, kind: table.columns[index].kind)
                } catch let error as SheetCellText.Refusal {
                    findings.append(ImportFinding(error.code, at: "\(file):\(sheet.name)!\(CellReference.name(column: cell.column, row: number))",
                                                  error.message, hint: error.hint))
                }
            }
            try body(Row(texts: texts, sheet: sheet.name, number: number, sourceColumns: columns))
        }
        for range in merged where range.lastRow >= 2 {
            findings.append(ImportFinding(.mergedCells, at: "\(file):\(sheet.name)!\(range.name)", "merged cells over the table's rows",
                                          hint: "unmerge them (a merged range keeps only its first value) and type each cell's value"))
        }
        self.findings += findings
    }

    /// Where each of the table's columns is, from the header; reports missing and renamed columns.
    private static func header(_ cells: [(column: Int, name: String)], table: Table, place: (Int) -> String,
                               findings: inout [ImportFinding]) -> [Int] {
        var sources: [Int] = []
        // By name, the first column of each: a header may be thousands of columns wide.
        var byName: [String: Int] = [:]
        for cell in cells where byName[cell.name] == nil { byName[cell.name] = cell.column }
        for column in table.columns {
            if let source = byName[column.name] {
                sources.append(source)
            } else {
                sources.append(-1)
                findings.append(ImportFinding(.missingColumn, at: place(sources.count - 1),
                                              "the \(table.name) table has no column '\(column.name)' (renamed or deleted)",
                                              hint: "give the column its header '\(column.name)' back; the header row must stay as exported"))
            }
        }
        let names = Set(table.columns.map(\.name))
        for cell in cells where !cell.name.isEmpty && !names.contains(cell.name) {
            findings.append(ImportFinding(.unknownColumn, at: place(cell.column), "the column '\(cell.name)' is not one of the \(table.name) table",
                                          hint: Suggestion.hint(for: cell.name, in: table.columns.map(\.name)) ?? "delete it, or move its values to a column the table has"))
        }
        return sources
    }

    /// The rows of `table`'s CSV file in the export directory.
    private mutating func readCSV(_ directory: String, _ table: Table, _ body: (Row) throws -> Void) throws -> Bool {
        let name = table.name + ".csv"
        let filePath = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: filePath) else {
            findings.append(ImportFinding(.missingSheet, at: directory, "the directory has no file '\(name)'"))
            return false
        }
        let data = try DatasetDocument.read(filePath)
        var tokenizer = CSVTokenizer(stream: DataByteStream(data))
        defer { tokenizer.deallocate() }
        var sources: [Int]?
        do {
            while try tokenizer.nextRecord() {
                var texts = tokenizer.fields.map { tokenizer.text($0) }
                if sources == nil, let first = texts.first, first.hasPrefix("\u{FEFF}") { texts[0] = String(first.dropFirst()) }
                guard let columns = sources else {
                    sources = Self.header(texts.enumerated().map { ($0.offset, $0.element) }, table: table,
                                          place: { "\(directory)/\(name):1:\($0 + 1)" }, findings: &findings)
                    continue
                }
                var row = [String](repeating: "", count: table.columns.count)
                for (index, source) in columns.enumerated() where source >= 0 && source < texts.count {
                    row[index] = Self.undoNeutralised(texts[source])
                }
                try body(Row(texts: row, sheet: name, number: tokenizer.recordLine, sourceColumns: columns))
            }
        } catch let problem as CSVTokenizer.Problem {
            findings.append(ImportFinding(code: "malformed-csv", at: "\(directory)/\(name):\(problem.line):\(problem.column)", problem.message, hint: problem.hint))
        }
        return true
    }

    /// An export handed to the thread that reads it, which alone reads rows from it from then on (the
    /// merging thread only names places with its own copy).
    struct Handoff: @unchecked Sendable {
        let tables: ImportedTables
        init(_ tables: ImportedTables) { self.tables = tables }
    }

    /// The CSV export writes text that a spreadsheet would run as a formula after an apostrophe; this undoes it.
    static func undoNeutralised(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.dropFirst().first, "=+-@\t\r".contains(second) else { return text }
        return String(text.dropFirst())
    }
}
