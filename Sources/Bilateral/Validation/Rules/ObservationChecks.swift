/// Checks of one observation's period and value, shared by observations written in the document and
/// rows of observation CSV files.
enum ObservationChecks {
    /// A problem with one field of an observation.
    struct Problem {
        var code: FindingCode
        var message: String
        var hint: String?
    }

    /// `end-before-start` and `date-precision`: the period is ordered and fits its kind.
    /// `fiscalYearStart` is the series' `fiscal_year_start`.
    static func period(_ period: Period, kind: PeriodKind?, fiscalYearStart: Int?) -> Problem? {
        if let end = period.end, end.lastDay < period.start.firstDay {
            return Problem(code: .endBeforeStart, message: "period \(period) ends before it starts",
                           hint: "write the interval as start/end")
        }
        guard let kind else { return nil }
        let start = period.start, end = period.end
        // What a period of the kind looks like, worded only when the period does not fit.
        let expected: () -> String
        switch kind {
        case .calendarYear:
            guard end != nil || start.precision != .year else { return nil }
            expected = { "a year, such as 2019" }
        case .month:
            guard end != nil || start.precision != .month else { return nil }
            expected = { "a month, such as 2019-04" }
        case .quarter, .halfYear:
            let months = kind == .quarter ? 3 : 6
            if let end, start.precision == .month, end.precision == .month, end.year == start.year,
               (start.month! - 1) % months == 0, end.month! == start.month! + months - 1 { return nil }
            expected = { kind == .quarter ? "its three months, such as 2019-04/2019-06" : "its six months, such as 2019-07/2019-12" }
        case .week:
            if let end, start.precision == .day, end.precision == .day, start.dayNumber + 6 == end.dayNumber,
               start.dayNumber % 7 == 0 { return nil }
            expected = { "its days from Monday to Sunday, such as 2019-04-01/2019-04-07" }
        case .day:
            guard end != nil || start.precision != .day else { return nil }
            expected = { "one day, such as 2019-04-22" }
        case .fiscalYear, .fiscalYearJulyJune, .fiscalYearAprilMarch:
            guard let first = kind.fiscalYearStart(fiscalYearStart) else { return nil }  // missing-field reports the series
            let year = FiscalYear(firstMonth: first)
            guard !year.contains(exactly: period) else { return nil }
            expected = { "\(year.months), such as \(year.example)" }
        case .span:
            guard end == nil else { return nil }
            expected = { "an interval start/end, such as 2020-07/2020-12" }
        case .date:
            guard end != nil else { return nil }
            expected = { "one date, such as 2023-06" }
        }
        return Problem(code: .datePrecision, message: "period \(period) is not a \(kind.rawValue) period",
                       hint: "a \(kind.rawValue) period is written as \(expected())")
    }

    /// `currency-out-of-use`: a historic currency is used only for periods within its years.
    static func currency(_ period: Period, series: Series) -> Problem? {
        series.currency.flatMap { HistoricCurrencies.problem($0, period: period) }
    }

    /// `excess-decimals`: an amount in a currency's base unit has no more decimals than the currency.
    static func decimals(_ value: Number, series: Series) -> Problem? {
        guard series.scale == .one, let currency = series.currency, let allowed = ISOCodes.minorUnits[currency] ?? nil,
              value.fractionDigits > allowed else { return nil }
        return Problem(code: .excessDecimals,
                       message: "\(value) \(currency) has \(places(value.fractionDigits)); \(currency) has \(places(allowed))",
                       hint: "round to \(places(allowed)), or state the series in thousands, millions or billions with 'scale'")
    }

    private static func places(_ n: Int) -> String { n == 1 ? "1 decimal place" : "\(n) decimal places" }
}
