extension Rules {
    /// `too-long-for-cell` (warning): no text is longer than a spreadsheet cell holds, so that what
    /// validates also exports to XLSX (`--strict` makes it fail validation).
    static func cellLengths(_ context: RuleContext, _ log: inout FindingLog) {
        let d = context.dataset
        for (name, cell) in d.metadata.cells {
            report(cell, field: name, of: "the dataset metadata", at: d.metadata.origin[name], &log)
        }
        check(d.sources, &log)
        check(d.countries, &log)
        check(d.people, &log)
        check(d.offices, &log)
        check(d.organizations, &log)
        check(d.mechanisms, &log)
        check(d.events, &log)
        check(d.agreements, &log)
        check(d.statements, &log)
        check(d.series, &log)
        check(d.observations, &log)
    }

    private static func check<R: TabulatedRecord>(_ records: [R], _ log: inout FindingLog) {
        for record in records {
            let name = (record as? any IdentifiedRecord).map { "\(R.kind.collection) record '\($0.id)'" } ?? "a record of \(R.kind.collection)"
            for (column, cell) in zip(R.columns, record.cells) {
                report(cell, field: column.name, of: name, at: record.origin[column.name], &log)
            }
            for (index, citation) in ((record as? any CitingRecord)?.citations ?? []).enumerated() {
                if let quote = citation.quote {
                    report(.text(quote), field: "sources[\(index)].quote", of: name, at: record.origin["sources[\(index)].quote"], &log)
                }
            }
        }
    }

    private static func report(_ cell: Cell, field: String, of record: String, at location: SourceLocation, _ log: inout FindingLog) {
        guard let text = SpreadsheetText.cellText(cell), SpreadsheetText.isTooLong(text) else { return }
        log.add(.tooLongForCell, at: location,
                "\(record), field '\(field)', has \(text.utf16.count) characters, more than the \(SpreadsheetText.maximumLength) a spreadsheet cell holds",
                hint: "shorten it or split it; the XLSX export refuses it (CSV and JSON keep it whole)")
    }
}
