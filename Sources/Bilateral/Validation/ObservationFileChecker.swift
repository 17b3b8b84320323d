/// Streams a series' observations CSV file and checks every row, reporting each problem at the
/// physical line and column of its cell; on request it also hands each sound row on as an observation,
/// which is how exports read the file.
///
/// The file has a header row naming its columns: `period` and `value` are required; `period_kind`
/// and `note` are optional; every other column must be one of the series' `dimensions`.
struct ObservationFileChecker {
    static let standardColumns = ["period", "value", "period_kind", "value_status", "note"]

    let series: Series
    let files: DatasetFiles
    let limit: Int
    /// Findings beyond the limit, counted but not reported.
    private(set) var suppressed = 0
    private var reported = 0

    /// Whether the series is in a historic currency, whose years each row's period must fall in;
    /// looked up once, not per row.
    private let historicCurrency: Bool

    init(series: Series, files: DatasetFiles, limit: Int) {
        self.series = series
        self.files = files
        self.limit = limit
        historicCurrency = series.currency.map { HistoricCurrencies.years[$0] != nil } ?? false
    }

    /// Checks the file, reporting into `log`, and calls `each` with every row that has no problem.
    ///
    /// - Throws: only what `each` throws.
    mutating func check(_ log: inout FindingLog, each: ((Observation) throws -> Void)? = nil) throws {
        guard let path = series.observationsFile else { return }
        let display = files.displayPath(path)
        let stream: ByteStream
        do {
            stream = try files.open(path)
        } catch let error as DatasetFileError {
            log.add(error.finding("observations file", at: series.origin["observations_file"]))
            return
        } catch {
            log.add(.missingFile, at: series.origin["observations_file"], "cannot read observations file '\(display)'",
                    hint: "the path is relative to the dataset file")
            return
        }
        var tokenizer = CSVTokenizer(stream: stream)
        defer { tokenizer.deallocate() }
        // The counts are kept in locals while the rows are read, so that reporting does not capture
        // `self`, which would make each row's check work on a copy of the checker.
        var reported = self.reported, suppressed = self.suppressed
        let limit = self.limit
        defer { (self.reported, self.suppressed) = (reported, suppressed) }
        func report(_ code: FindingCode, line: Int, column: Int, _ message: String, hint: String? = nil) {
            if reported >= limit { suppressed += 1; return }
            reported += 1
            log.add(code, at: SourceLocation(file: display, line: line, column: column), message, hint: hint)
        }
        do {
            guard try tokenizer.nextRecord() else {
                report(.malformedCSV, line: 1, column: 1, "the observations file is empty", hint: "start it with a header row: period,value")
                return
            }
            guard let columns = header(tokenizer, report: report) else { return }
            let file = display
            while try tokenizer.nextRecord() {
                let problems = reported + suppressed
                let observation = checkRow(tokenizer, columns, building: each != nil, file: file, report: report)
                if let each, let observation, reported + suppressed == problems {
                    do { try each(observation) } catch { throw RowHandlerError(underlying: error) }
                }
            }
        } catch let failure as RowHandlerError {
            throw failure.underlying
        } catch let problem as CSVTokenizer.Problem {
            report(.malformedCSV, line: problem.line, column: problem.column, problem.message, hint: problem.hint)
        } catch {
            report(.missingFile, line: tokenizer.recordLine, column: 1, "cannot read '\(display)': \(error)")
        }
    }

    private struct RowHandlerError: Error { var underlying: any Error }

    /// Where each column is, by role.
    struct Columns {
        var count: Int
        /// The header's names, in order.
        var names: [String] = []
        var period = -1, value = -1, periodKind = -1, status = -1, note = -1
        /// The dimension columns.
        var dimensions: [(index: Int, name: String)] = []
    }

    private func header(_ tokenizer: CSVTokenizer, report: (FindingCode, Int, Int, String, String?) -> Void) -> Columns? {
        var columns = Columns(count: tokenizer.fields.count)
        let allowed = Self.standardColumns + series.dimensions
        var seen: [String: Int] = [:]
        var usable = true
        let names = tokenizer.fields.map { tokenizer.text($0) }
        columns.names = names
        guard names.contains(where: { $0 == "period" || $0 == "value" || $0 == "\u{FEFF}period" }) else {
            // Not an observations file at all: say so without quoting a line of what it holds.
            report(.malformedCSV, tokenizer.recordLine, 1, "the first row is not an observations header: it names neither 'period' nor 'value'",
                   "start the file with a header row such as period,value")
            return nil
        }
        for (index, field) in tokenizer.fields.enumerated() {
            var name = tokenizer.text(field)
            if index == 0, name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            let column = tokenizer.column(of: field)
            if let first = seen[name] {
                report(.duplicateKey, field.line, column, "column '\(name)' appears twice; first as column \(first + 1)", "keep one of the two")
                usable = false
                continue
            }
            seen[name] = index
            switch name {
            case "period": columns.period = index
            case "value": columns.value = index
            case "period_kind": columns.periodKind = index
            case "value_status": columns.status = index
            case "note": columns.note = index
            default:
                if allowed.contains(name) {
                    columns.dimensions.append((index, name))
                } else {
                    report(.unknownField, field.line, column, "unknown column '\(name)' in observations of series '\(series.id)'",
                           Suggestion.hint(for: name, in: allowed) ?? "allowed columns: \(allowed.joined(separator: ", "))")
                    usable = false
                }
            }
        }
        for required in ["period", "value"] where seen[required] == nil {
            report(.missingField, tokenizer.recordLine, 1, "the observations file has no '\(required)' column", "add a '\(required)' column to the header")
            usable = false
        }
        return usable ? columns : nil
    }

    /// Checks the current row; when `building`, returns it as an observation (meaningful only when
    /// the row reported nothing).
    private func checkRow(_ tokenizer: CSVTokenizer, _ columns: Columns, building: Bool, file: String,
                          report: (FindingCode, Int, Int, String, String?) -> Void) -> Observation? {
        let fields = tokenizer.fields
        guard fields.count == columns.count else {
            report(.malformedCSV, tokenizer.recordLine, 1, "row has \(fields.count) fields; the header has \(columns.count)",
                   "quote fields that contain commas")
            return nil
        }
        var kind = series.periodKind
        var ownKind: PeriodKind?
        if columns.periodKind >= 0 {
            let field = fields[columns.periodKind]
            if field.end > field.start {
                let text = tokenizer.text(field)
                if let parsed = PeriodKind(rawValue: text) {
                    kind = parsed
                    ownKind = parsed
                    if parsed == .fiscalYear, series.fiscalYearStart == nil {
                        reportFiscalYearWithoutStart(at: field, tokenizer, report: report)
                    }
                } else {
                    report(.invalidValue, field.line, tokenizer.column(of: field),
                           "period_kind is '\(text)', which is not one of: \(PeriodKind.allCases.map(\.rawValue).joined(separator: ", "))",
                           Suggestion.hint(for: text, in: PeriodKind.allCases.map(\.rawValue)))
                }
            }
        }
        var status: ObservationStatus?
        if columns.status >= 0, fields[columns.status].end > fields[columns.status].start {
            let field = fields[columns.status], text = tokenizer.text(field)
            status = ObservationStatus(rawValue: text)
            if status == nil {
                report(.invalidValue, field.line, tokenizer.column(of: field),
                       "value_status is '\(text)', which is not one of: \(ObservationStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                       Suggestion.hint(for: text, in: ObservationStatus.allCases.map(\.rawValue)))
            }
        }
        let periodField = fields[columns.period]
        let period = Period.parse(tokenizer.raw(periodField))
        if let period {
            if let problem = ObservationChecks.period(period, kind: kind, fiscalYearStart: series.fiscalYearStart) {
                report(problem.code, periodField.line, tokenizer.column(of: periodField), problem.message, problem.hint)
            }
            if historicCurrency, let problem = ObservationChecks.currency(period, series: series) {
                report(problem.code, periodField.line, tokenizer.column(of: periodField), problem.message, problem.hint)
            }
        } else {
            report(.invalidDate, periodField.line, tokenizer.column(of: periodField),
                   "period is '\(tokenizer.text(periodField))', which is not a date or a period",
                   "write a date (2019, 2019-04) or an interval (2018-07/2019-06)")
        }
        let valueField = fields[columns.value]
        var value: Number?
        switch DecimalText.parse(tokenizer.raw(valueField)) {
        case .success(let number):
            value = number
            if let problem = ObservationChecks.decimals(number, series: series) {
                report(problem.code, valueField.line, tokenizer.column(of: valueField), problem.message, problem.hint)
            }
        case .failure(let failure):
            let text = tokenizer.text(valueField)
            if valueField.end == valueField.start {
                report(.missingField, valueField.line, tokenizer.column(of: valueField), "value is empty",
                       "leave out the row when the value is unknown")
            } else if failure == .outOfRange || PlainScalar.specialFloats.contains(text) || ["nan", "NaN", "inf", "-inf", "Infinity"].contains(text) {
                report(.invalidNumber, valueField.line, tokenizer.column(of: valueField), "value is '\(text)', which is out of range or not finite",
                       "numbers must be finite and no larger than \(Int64(Number.maximumMagnitude)) in magnitude")
            } else {
                report(.wrongType, valueField.line, tokenizer.column(of: valueField), "expected a number for value, found '\(text)'",
                       "write a decimal number such as 89.022, without thousands separators")
            }
        }
        for field in fields where field.needsCheck {
            checkText(field, tokenizer, report: report)
        }
        // Escaping at most triples a text (`SpreadsheetText.isTooLong`): shorter fields need no look.
        for (index, field) in fields.enumerated() where field.end - field.start > SpreadsheetText.maximumLength / 3 {
            let text = tokenizer.text(field)
            if SpreadsheetText.isTooLong(text) {
                let words = SpreadsheetText.tooLongMessage(SpreadsheetText.writtenLength(text))
                report(.tooLongForCell, field.line, tokenizer.column(of: field), "the '\(columns.names[index])' cell \(words.message)", words.hint)
            }
        }
        guard building, let period, let value else { return nil }
        var dimensions = [String: String](minimumCapacity: columns.dimensions.count)
        for (index, name) in columns.dimensions where fields[index].end > fields[index].start {
            dimensions[name] = tokenizer.text(fields[index])
        }
        let note = columns.note >= 0 && fields[columns.note].end > fields[columns.note].start ? tokenizer.text(fields[columns.note]) : nil
        var observation = Observation()
        observation.series = series.id
        observation.period = period
        observation.periodKind = ownKind
        observation.value = value
        observation.valueStatus = status
        observation.dimensions = dimensions
        observation.note = note
        observation.origin = Origin(location: SourceLocation(file: file, line: tokenizer.recordLine, column: 1))
        return observation
    }

    /// `missing-field`: a row's period is a fiscal year, but its series does not say the fiscal year's
    /// first month.
    @inline(never)
    private func reportFiscalYearWithoutStart(at field: CSVTokenizer.Field, _ tokenizer: CSVTokenizer,
                                              report: (FindingCode, Int, Int, String, String?) -> Void) {
        report(.missingField, field.line, tokenizer.column(of: field),
               "period_kind is fiscal-year, but series '\(series.id)' has no 'fiscal_year_start'",
               "add the fiscal year's first month to the series, such as 'fiscal_year_start: 10' for October to September")
    }

    private func checkText(_ field: CSVTokenizer.Field, _ tokenizer: CSVTokenizer, report: (FindingCode, Int, Int, String, String?) -> Void) {
        let raw = tokenizer.raw(field)
        guard let problem = TextScan.firstProblem(in: raw) else { return }
        let line = field.line + problem.line - 1
        let column = problem.line == 1 ? tokenizer.column(of: field) + problem.column - 1 : problem.column
        switch problem.kind {
        case .invalidUTF8(let byte):
            report(.invalidUTF8, line, column, "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))", "save the file as UTF-8")
        case .controlCharacter(let value):
            report(.controlCharacter, line, column, "control character \(TextScan.name(value)) in a cell", "remove it")
        }
    }
}
