import Foundation

/// An Excel workbook through libxlsxwriter: an About sheet first, then one sheet per table of the
/// tabular view (the CSV export's tables and columns) with typed cells and links, then a chart per
/// indicator series worth one.
///
/// Sheets are written in constant-memory mode, row by row, so a table of any length streams; one
/// longer than a sheet holds continues on further sheets. The document's creation time is the
/// dataset's as-of date (or `SOURCE_DATE_EPOCH`), so exporting the same dataset twice gives the same bytes.
public struct XLSXWriter: DatasetWriter {
    /// The name given to `--format`.
    public let format = "xlsx"
    /// One line for `bilateral formats`.
    public let summary = "an Excel workbook: an About sheet, one sheet per table with typed cells and links, and charts"
    /// What the writer produces: one file or a directory.
    public let layout = OutputLayout.file(extension: "xlsx")

    /// Data rows on a sheet before a table continues on the next: Excel's limit, lowered by tests.
    let rowsPerSheet: Int
    /// Runs after the workbook is planned and before it is written out, for tests that make the library fail.
    let beforeClose: @Sendable (_ path: String) -> Void

    /// The writer, with its defaults.
    public init() { self.init(rowsPerSheet: Worksheet.maximumRows - 1) }

    init(rowsPerSheet: Int, beforeClose: @escaping @Sendable (String) -> Void = { _ in }) {
        self.rowsPerSheet = rowsPerSheet
        self.beforeClose = beforeClose
    }

    /// Writes the dataset into the staged output.
    public func write(_ input: ValidatedDataset, to output: ExportOutput) throws {
        let view = TabularView(input)
        try Self.checkTexts(view)
        do {
            try write(view, input, to: output)
        } catch let error as XLSXError {
            throw ExportError.unwritable(error.description)
        }
    }

    private func write(_ view: TabularView, _ input: ValidatedDataset, to output: ExportOutput) throws {
        let dataset = input.dataset
        let workbook = try Workbook(path: try output.path("dataset.xlsx"), constantMemory: true)
        let aboutSheet = try workbook.addWorksheet("About")

        let sourcesTable = view.table(named: "sources")!
        var sourceRows: [String: (sheet: String, row: Int)] = [:]
        for (index, source) in dataset.sources.enumerated() {
            sourceRows[source.id] = TableSheets.place(ofRow: index, in: sourcesTable, rowsPerSheet: rowsPerSheet)
        }
        var cells = SheetCells(sourceRows: sourceRows)
        var charts = SeriesCharts(series: dataset.series)
        var entries: [AboutSheet.SheetEntry] = []
        var notes: [String] = []
        let choiceLists = ChoiceLists()

        for table in view.tables {
            let sheets = TableSheets(table, workbook: workbook, choiceLists: choiceLists, rowsPerSheet: rowsPerSheet)
            try sheets.start()
            if table.name == "observations" {
                try writeObservations(table, dataset, into: sheets, cells: &cells, charts: &charts, progress: output.progress)
            } else {
                let label = Self.recordLabel(table)
                try table.forEachRow { row in
                    let values = zip(row, table.columns).map { cells.value($0, column: $1) }
                    try sheets.append(values) { label(row, sheets.rowCount) }
                }
            }
            try sheets.finish()
            for (index, sheet) in sheets.sheets.enumerated() {
                let first = index * rowsPerSheet
                let rows = min(rowsPerSheet, sheets.rowCount - first)
                let note = sheets.sheets.count == 1 ? "" : "Rows \(first + 1) to \(first + rows) of the \(table.name) table"
                entries.append(AboutSheet.SheetEntry(name: sheet.name, rows: rows, note: note))
            }
            if sheets.sheets.count > 1 {
                notes.append("The \(table.name) table has \(sheets.rowCount) rows, more than a sheet holds: it continues on "
                    + sheets.sheets.dropFirst().map { "'\($0.name)'" }.joined(separator: ", ") + ", with the same header.")
            }
            if sheets.linksAsText > 0 {
                notes.append("\(sheets.linksAsText) source ids of the \(table.name) table are plain text, not links: Excel allows \(Worksheet.maximumLinks) links a sheet.")
            }
        }

        let (planned, skipped) = charts.charts()
        let chartNames = try SeriesCharts.write(planned, to: workbook)
        if let longest = planned.map(\.periods.count).max() {
            entries.append(AboutSheet.SheetEntry(name: SeriesCharts.dataSheet, rows: SeriesCharts.headerRows + longest,
                                                 note: "The values the charts show, one block of columns per chart"))
        }
        if let choices = try choiceLists.write(to: workbook) {
            entries.append(AboutSheet.SheetEntry(name: choices.name, rows: choiceLists.lists.map(\.count).max() ?? 0,
                                                 note: "Hidden: the words the longer drop-down lists offer, a column each"))
        }
        notes += skipped.map { "No chart: \($0)." }
        if cells.datesAsText > 0 { notes.append("\(cells.datesAsText) dates before 1900 are ISO text: Excel dates start in 1900.") }
        if cells.urlsAsText > 0 { notes.append("\(cells.urlsAsText) addresses longer than \(Worksheet.maximumURLLength) characters are text, not links.") }

        let about = AboutSheet(metadata: dataset.metadata, countries: Self.countries(of: dataset), sheets: entries,
                               charts: zip(chartNames, planned).map { ($0, $1.series.title) }, notes: notes,
                               sources: dataset.sources.filter { cells.citedSources.contains($0.id) }, sourceRows: sourceRows,
                               provenance: ExportProvenance(fingerprint: try DatasetFingerprint.of(view), datasetFile: output.options.datasetFile,
                                                            commit: output.options.commit))
        try about.write(to: aboutSheet)
        try workbook.setProperties(DocumentProperties.of(dataset))
        beforeClose(workbook.path)
        try workbook.close()
        output.notes += notes
        output.summary = "\(Plural.count(entries.count + 1 + chartNames.count, "sheet")), \(Plural.count(entries.reduce(0) { $0 + $1.rows }, "row")), "
            + Plural.count(chartNames.count, "chart")
    }

    /// Observations, with each value in its series' format, gathered for the charts as they pass.
    private func writeObservations(_ table: Table, _ dataset: Dataset, into sheets: TableSheets, cells: inout SheetCells,
                                   charts: inout SeriesCharts, progress: ExportProgress) throws {
        let columns = table.columns
        let index = Dictionary(columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let seriesColumn = index["series"]!, periodColumn = index["period"]!, valueColumn = index["value"]!
        let seriesByID = Dictionary(dataset.series.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var formats: [String: [Int: ValueFormat]] = [:]
        var values: [SheetValue] = []
        values.reserveCapacity(columns.count)
        try table.forEachRow { row in
            guard case .reference(let id) = row[seriesColumn], let series = seriesByID[id],
                  case .number(let number) = row[valueColumn], case .period(let period) = row[periodColumn] else {
                throw ExportError.unwritable("an observation row without its series, period or value")
            }
            let format: ValueFormat
            if let known = formats[id]?[number.fractionDigits] {
                format = known
            } else {
                format = .value(of: series, fractionDigits: number.fractionDigits)
                formats[id, default: [:]][number.fractionDigits] = format
            }
            values.removeAll(keepingCapacity: true)
            for (column, cell) in zip(columns, row) {
                values.append(cells.value(cell, column: column, format: column.name == "value" ? format : nil))
            }
            let line = series.dimensions.map { "\($0): \(row[index[$0]!].plainText)" }.joined(separator: "; ")
            charts.add(series: id, period: period, line: line, value: number)
            try sheets.append(values) { "the observation of series '\(id)' for \(period)" + (line.isEmpty ? "" : " (\(line))") }
            progress.rows(sheets.rowCount, of: table.name)
        }
    }

    /// Names a row in an error: by its id where the table has one.
    private static func recordLabel(_ table: Table) -> ([Cell], Int) -> String {
        if table.primaryKey == ["id"] {
            return { row, _ in "\(table.name) record '\(row[0].plainText)'" }
        }
        return { _, count in "row \(count + 1) of the \(table.name) table" }
    }

    /// Refuses, before a workbook exists, a text the workbook cannot hold in any table held in memory;
    /// rows streamed from observation files are checked as they are written, and a failure there
    /// still leaves no file.
    static func checkTexts(_ view: TabularView) throws {
        for table in view.tables where table.count != nil {
            let label = recordLabel(table)
            var count = 0
            try table.forEachRow { row in
                for (cell, column) in zip(row, table.columns) {
                    guard let text = SpreadsheetText.cellText(cell) else { continue }
                    if let refusal = SpreadsheetText.refusal(text) {
                        var error = XLSXError(refusing: refusal.description, place: "sheet '\(table.title)'")
                        error.record = "\(label(row, count)), field '\(column.name)'"
                        throw ExportError.unwritable(error.description)
                    }
                }
                count += 1
            }
        }
    }

    static func countries(of dataset: Dataset) -> [Country] {
        dataset.metadata.countries.compactMap { id in dataset.countries.first { $0.id == id } }
    }
}
