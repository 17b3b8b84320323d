/// The first sheet: what the workbook holds. The dataset's title, countries, version, as-of date,
/// licence and maintainers; each sheet with its row count (and where a table continues); the charts;
/// anything the export had to write differently; and the sources the records cite.
struct AboutSheet {
    struct Row: Equatable {
        var values: [SheetValue]
        /// The style of the row's text cells; nil for plain.
        var style: CellStyle?
    }

    /// A sheet of the workbook, for the list of sheets.
    struct SheetEntry {
        var name: String
        var rows: Int
        /// What to know about the sheet, or nothing.
        var note: String
    }

    var metadata: Metadata
    var countries: [Country]
    var sheets: [SheetEntry]
    /// Chart sheet names with what they show.
    var charts: [(name: String, title: String)]
    var notes: [String]
    var sources: [Source]
    /// Where each source's row is.
    var sourceRows: [String: (sheet: String, row: Int)]
    /// What the workbook was made from, for `bilateral import`.
    var provenance: ExportProvenance

    var rows: [Row] {
        var rows: [Row] = [Row(values: [.text(metadata.title)], style: .title), Row(values: [], style: nil)]
        func field(_ label: String, _ value: SheetValue) { rows.append(Row(values: [.text(label), value], style: nil)) }
        field("Countries", .text(countries.map { "\($0.name) (\($0.alpha2))" }.joined(separator: " and ")))
        field("Version", .text(metadata.version))
        field("As of", SheetCells.excelYears.contains(metadata.asOf.year) ? .date(metadata.asOf) : .text(metadata.asOf.description))
        field("Licence", .text(metadata.licence))
        field("Maintainers", .text(metadata.maintainers.joined(separator: "; ")))
        if let description = metadata.description { field("Description", .text(description)) }
        field(ExportProvenance.fingerprintLabel, .text(provenance.fingerprint))
        if let file = provenance.datasetFile { field(ExportProvenance.fileLabel, .text(file)) }
        if let commit = provenance.commit { field(ExportProvenance.commitLabel, .text(commit)) }

        rows.append(Row(values: [], style: nil))
        rows.append(Row(values: [.text("Sheet"), .text("Rows"), .text("Note")], style: .header))
        for sheet in sheets {
            rows.append(Row(values: [.link(.cell(sheet: sheet.name, row: 0, column: 0), text: sheet.name, tooltip: nil),
                                     .number(Double(sheet.rows), .decimal(0)), sheet.note.isEmpty ? .blank : .text(sheet.note)], style: nil))
        }
        if !charts.isEmpty {
            rows.append(Row(values: [], style: nil))
            rows.append(Row(values: [.text("Chart"), .text(""), .text("Shows")], style: .header))
            for chart in charts { rows.append(Row(values: [.text(chart.name), .blank, .text(chart.title)], style: nil)) }
        }
        if !notes.isEmpty {
            rows.append(Row(values: [], style: nil))
            rows.append(Row(values: [.text("Notes")], style: .header))
            for note in notes { rows.append(Row(values: [.text(note)], style: nil)) }
        }
        rows.append(Row(values: [], style: nil))
        rows.append(Row(values: [.text("Sources in use"), .text("Title"), .text("Publisher"), .text("Address")], style: .header))
        for source in sources {
            let id: SheetValue = sourceRows[source.id].map {
                .link(.cell(sheet: $0.sheet, row: $0.row, column: 0), text: source.id, tooltip: "Go to source \(source.id)")
            } ?? .text(source.id)
            rows.append(Row(values: [id, .text(source.title), source.publisher.map(SheetValue.text) ?? .blank,
                                     source.url.map { .link(.web($0), text: $0, tooltip: nil) } ?? .blank], style: nil))
        }
        return rows
    }

    func write(to sheet: Worksheet) throws {
        for (row, line) in rows.enumerated() {
            for (column, value) in line.values.enumerated() {
                try sheet.write(value, row: row, column: column,
                                textStyle: line.style ?? (column > 0 || line.values.count == 1 ? .wrapped : .header))
            }
        }
        for (column, width) in [22.0, 48, 48, 48].enumerated() { try sheet.setColumnWidth(column, width) }
        try sheet.setUpPrinting(.about)
    }
}
