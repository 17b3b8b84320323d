extension Rules {
    /// `too-long-for-cell` (warning): no text is longer than a spreadsheet cell holds, so that what
    /// validates also exports to XLSX (`--strict` makes it fail validation).
    static func cellLengths(_ context: RuleContext, _ log: inout FindingLog) {
        let d = context.dataset
        for (name, cell) in d.metadata.values {
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
        for record in context.citingRecords {
            for (index, citation) in record.citations.enumerated() {
                guard let quote = citation.quote, SpreadsheetText.isTooLong(quote) else { continue }
                report(.text(quote), field: "sources[\(index)].quote", of: name(record), at: record.origin["sources[\(index)].quote"], &log)
            }
        }
    }

    private static func check<R: TabulatedRecord>(_ records: [R], _ log: inout FindingLog) {
        let columns = R.fields.filter { $0.placement == .column }
        for record in records {
            for field in columns {
                let cell = field.cell(record)
                guard SpreadsheetText.mayBeTooLong(cell) else { continue }
                report(cell, field: field.name, of: name(record), at: record.origin[field.name], &log)
            }
        }
    }

    /// How a finding names a record: `statements record 'long-one'`.
    private static func name(_ record: some Record) -> String {
        (record as? any IdentifiedRecord).map { "\(type(of: record).kind.collection) record '\($0.id)'" }
            ?? "a record of \(type(of: record).kind.collection)"
    }

    private static func report(_ cell: Cell, field: String, of record: String, at location: SourceLocation, _ log: inout FindingLog) {
        guard let text = SpreadsheetText.cellText(cell), SpreadsheetText.isTooLong(text) else { return }
        let words = SpreadsheetText.tooLongMessage(SpreadsheetText.writtenLength(text))
        log.add(.tooLongForCell, at: location, "\(record), field '\(field)', \(words.message)", hint: words.hint)
    }
}
