/// Dates and periods in the brief's English style, at the precision they were recorded with:
/// `28 April 1952`, `April 2019`, `2019`, `20–24 October 2019`, `Fiscal year 2018–19 (July–June)`.
enum EnglishDates {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// The months as a chart's short labels write them.
    static let monthAbbreviations = monthNames.map { String($0.prefix(3)) }

    /// `28 April 1952`, `April 2019` or `2019`.
    static func date(_ date: PartialDate) -> String { Self.date(date, months: monthNames) }

    /// The date with the given month names (with `monthAbbreviations`, `28 Apr 1952`).
    static func date(_ date: PartialDate, months: [String]) -> String {
        var parts: [String] = []
        if let day = date.day { parts.append(String(day)) }
        if let month = date.month { parts.append(months[month - 1]) }
        parts.append(String(date.year))
        return parts.joined(separator: " ")
    }

    /// The date with its preposition: `on 28 April 1952`, `in April 2019`, `in 2019`.
    static func when(_ date: PartialDate) -> String {
        (date.precision == .day ? "on " : "in ") + Self.date(date)
    }

    /// A span of dates, sharing what the two ends share: `20–24 October 2019`, `30 April – 1 May 2005`,
    /// `July–December 2020`, `April 2001 – March 2009`, `2001–2008`.
    static func range(_ start: PartialDate, _ end: PartialDate?, months: [String] = monthNames) -> String {
        guard let end, end != start else { return date(start, months: months) }
        switch (start.precision, end.precision) {
        case (.day, .day) where start.year == end.year && start.month == end.month:
            return "\(start.day!)–\(date(end, months: months))"
        case (.day, .day) where start.year == end.year:
            return "\(start.day!) \(months[start.month! - 1]) – \(date(end, months: months))"
        case (.month, .month) where start.year == end.year:
            return "\(months[start.month! - 1])–\(date(end, months: months))"
        case (.year, .year):
            return "\(start.year)–\(end.year)"
        default:
            return "\(date(start, months: months)) – \(date(end, months: months))"
        }
    }

    /// An observation's period read as its kind says: a fiscal year by its name and months, anything
    /// else as a date or span.
    static func period(_ period: Period, kind: PeriodKind?, fiscalYearStart: Int?) -> String {
        if let fiscal = fiscalYear(period, kind: kind, fiscalYearStart: fiscalYearStart) {
            return "Fiscal year \(period.start.year)\(fiscal.next.map { "–" + $0 } ?? "") (\(fiscal.months))"
        }
        return range(period.start, period.end)
    }

    /// A period as a chart's category label: `FY2018–19`, `Jul–Dec 2019`, `Apr 2019`, `2019`.
    static func shortPeriod(_ period: Period, kind: PeriodKind?, fiscalYearStart: Int?) -> String {
        if let fiscal = fiscalYear(period, kind: kind, fiscalYearStart: fiscalYearStart) {
            return "FY\(period.start.year)\(fiscal.next.map { "–" + $0 } ?? "")"
        }
        return range(period.start, period.end, months: monthAbbreviations)
    }

    /// The fiscal year a period is, when its kind is one and it spans exactly one: the next year's last
    /// two digits (nil for a fiscal year within one calendar year) and the months' names.
    private static func fiscalYear(_ period: Period, kind: PeriodKind?, fiscalYearStart: Int?) -> (next: String?, months: String)? {
        guard let first = kind?.fiscalYearStart(fiscalYearStart) else { return nil }
        let year = FiscalYear(firstMonth: first)
        guard year.contains(exactly: period), let end = period.end else { return nil }
        guard year.spansTwoYears else { return (nil, year.months) }
        let next = String(end.year % 100)
        return (next.count == 1 ? "0" + next : next, year.months)
    }
}
