/// A fiscal year that starts in a given month and lasts twelve months: Pakistan's starts in July,
/// Japan's and India's in April, the United States' in October.
public struct FiscalYear: Hashable, Sendable {
    /// 1 (January) to 12.
    public var firstMonth: Int

    /// A fiscal year starting in month `firstMonth` (1 to 12).
    public init(firstMonth: Int) {
        self.firstMonth = firstMonth
    }

    /// The last month: the one before the first.
    public var lastMonth: Int { firstMonth == 1 ? 12 : firstMonth - 1 }

    /// Whether the year's last month falls in the calendar year after its first.
    public var spansTwoYears: Bool { firstMonth != 1 }

    /// `July–June`.
    public var months: String { "\(EnglishDates.monthNames[firstMonth - 1])–\(EnglishDates.monthNames[lastMonth - 1])" }

    /// A period written as one such year: `2018-10/2019-09`.
    public var example: String {
        let first = firstMonth < 10 ? "0\(firstMonth)" : "\(firstMonth)", last = lastMonth < 10 ? "0\(lastMonth)" : "\(lastMonth)"
        return "2018-\(first)/\(spansTwoYears ? 2019 : 2018)-\(last)"
    }

    /// True when `period` is exactly one fiscal year: from its first month to its last, written as months.
    public func contains(exactly period: Period) -> Bool {
        guard let end = period.end else { return false }
        return period.start.precision == .month && end.precision == .month && period.start.month == firstMonth
            && end.month == lastMonth && end.year == period.start.year + (spansTwoYears ? 1 : 0)
    }
}
