/// Dates and periods in the brief's English style, at the precision they were recorded with:
/// `28 April 1952`, `April 2019`, `2019`, `20–24 October 2019`, `Fiscal year 2018–19 (July–June)`.
enum EnglishDates {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// `28 April 1952`, `April 2019` or `2019`.
    static func date(_ date: PartialDate) -> String {
        var parts: [String] = []
        if let day = date.day { parts.append(String(day)) }
        if let month = date.month { parts.append(monthNames[month - 1]) }
        parts.append(String(date.year))
        return parts.joined(separator: " ")
    }

    /// The date with its preposition: `on 28 April 1952`, `in April 2019`, `in 2019`.
    static func when(_ date: PartialDate) -> String {
        (date.precision == .day ? "on " : "in ") + Self.date(date)
    }

    /// A span of dates, sharing what the two ends share: `20–24 October 2019`, `30 April – 1 May 2005`,
    /// `July–December 2020`, `April 2001 – March 2009`, `2001–2008`.
    static func range(_ start: PartialDate, _ end: PartialDate?) -> String {
        guard let end, end != start else { return date(start) }
        switch (start.precision, end.precision) {
        case (.day, .day) where start.year == end.year && start.month == end.month:
            return "\(start.day!)–\(date(end))"
        case (.day, .day) where start.year == end.year:
            return "\(start.day!) \(monthNames[start.month! - 1]) – \(date(end))"
        case (.month, .month) where start.year == end.year:
            return "\(monthNames[start.month! - 1])–\(date(end))"
        case (.year, .year):
            return "\(start.year)–\(end.year)"
        default:
            return "\(date(start)) – \(date(end))"
        }
    }

    /// An observation's period read as its kind says: a fiscal year by its name and months, anything
    /// else as a date or span.
    static func period(_ period: Period, kind: PeriodKind?) -> String {
        if let end = period.end, let months = fiscalMonths(kind), period.start.month == months.first,
           period.start.day == nil, end.month == months.last, end.day == nil, end.year == period.start.year + 1 {
            let next = String(end.year % 100)
            return "Fiscal year \(period.start.year)–\(next.count == 1 ? "0" + next : next) (\(months.name))"
        }
        return range(period.start, period.end)
    }

    private static func fiscalMonths(_ kind: PeriodKind?) -> (first: Int, last: Int, name: String)? {
        switch kind {
        case .fiscalYearJulyJune: (7, 6, "July–June")
        case .fiscalYearAprilMarch: (4, 3, "April–March")
        default: nil
        }
    }
}
