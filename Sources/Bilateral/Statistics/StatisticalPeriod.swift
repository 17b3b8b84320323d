import Foundation

/// A time period as statistics files write it (SDMX's `TIME_PERIOD`, a Comtrade or World Bank year or
/// month), read into the dataset's `Period` with the frequency it was written at.
///
/// SDMX writes a year `2023` (or `2023-A1`), a half-year `2023-S1`, a third of a year `2023-T2`, a
/// quarter `2023-Q4`, a month `2023-07` or `2023-M07`, a week `2023-W05` (ISO 8601 weeks), a day
/// `2023-07-14` or `2023-D195`. Some agencies leave out the hyphen before the letter (`2023Q4`,
/// `2023M07`), which means the same. A period that is none of these is refused, never guessed.
public struct StatisticalPeriod: Hashable, Sendable {
    /// How often a series is observed, as the period's form tells it.
    public enum Frequency: String, Sendable, Hashable, CaseIterable {
        case annual, halfYearly = "half-yearly", fourMonthly = "four-monthly", quarterly, monthly, weekly, daily

        /// SDMX's code for the frequency (the `FREQ` dimension's codes).
        public var sdmxCode: String {
            switch self {
            case .annual: "A"
            case .halfYearly: "S"
            case .fourMonthly: "T"
            case .quarterly: "Q"
            case .monthly: "M"
            case .weekly: "W"
            case .daily: "D"
            }
        }
    }

    /// The period as the dataset writes it: a year, a month, a day, or an interval of months or days.
    public var period: Period
    /// The frequency the period was written at.
    public var frequency: Frequency

    /// Reads a period as written in a statistics file; nil when it is no period of a known form.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, let year = Self.number(bytes[0..<4]), year >= 1 else { return nil }
        if bytes.count == 4 {
            self.init(period: Period(start: PartialDate(year: year)), frequency: .annual)
            return
        }
        var rest = bytes[4...]
        guard let first = rest.first else { return nil }
        if first == UInt8(ascii: "-") {
            rest = rest.dropFirst()
            // An ISO date: 2023-07 or 2023-07-14.
            if let month = rest.first, month >= UInt8(ascii: "0"), month <= UInt8(ascii: "9") {
                guard let date = PartialDate(iso: text), date.precision != .year else { return nil }
                self.init(period: Period(start: date), frequency: date.precision == .day ? .daily : .monthly)
                return
            }
        }
        guard let letter = rest.first, let count = Self.number(rest.dropFirst()) else { return nil }
        let digits = rest.count - 1
        switch letter {
        case UInt8(ascii: "A") where digits == 1 && count == 1:
            self.init(period: Period(start: PartialDate(year: year)), frequency: .annual)
        case UInt8(ascii: "S") where digits == 1 && (1...2).contains(count):
            self.init(months: (count - 1) * 6 + 1, through: count * 6, of: year, frequency: .halfYearly)
        case UInt8(ascii: "T") where digits == 1 && (1...3).contains(count):
            self.init(months: (count - 1) * 4 + 1, through: count * 4, of: year, frequency: .fourMonthly)
        case UInt8(ascii: "Q") where digits == 1 && (1...4).contains(count):
            self.init(months: (count - 1) * 3 + 1, through: count * 3, of: year, frequency: .quarterly)
        case UInt8(ascii: "M") where digits == 2 && (1...12).contains(count):
            self.init(period: Period(start: PartialDate(year: year, month: count)), frequency: .monthly)
        case UInt8(ascii: "W") where digits == 2 && (1...Self.isoWeeks(in: year)).contains(count):
            let monday = Self.isoWeekStart(year: year, week: count)
            self.init(period: Period(start: Self.date(ordinal: monday), end: Self.date(ordinal: monday + 6)), frequency: .weekly)
        case UInt8(ascii: "D") where digits == 3 && (1...Self.days(in: year)).contains(count):
            self.init(period: Period(start: Self.date(ordinal: Self.ordinal(year: year, month: 1, day: 1) + count - 1)), frequency: .daily)
        default:
            return nil
        }
    }

    /// A period of the given frequency.
    public init(period: Period, frequency: Frequency) {
        self.period = period
        self.frequency = frequency
    }

    private init(months first: Int, through last: Int, of year: Int, frequency: Frequency) {
        self.init(period: Period(start: PartialDate(year: year, month: first), end: PartialDate(year: year, month: last)), frequency: frequency)
    }

    /// The decimal number the ASCII digits spell; nil when one is not a digit, or none is given.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, days counted from 0001-01-01)

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func days(in year: Int) -> Int { isLeap(year) ? 366 : 365 }

    /// Days from 0001-01-01 (day 0) to the date.
    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        PartialDate(year: year, month: month, day: day).dayNumber
    }

    /// The date of a day count from 0001-01-01.
    private static func date(ordinal: Int) -> PartialDate {
        var year = max(1, ordinal / 366), rest = 0
        while true {
            rest = ordinal - Self.ordinal(year: year, month: 1, day: 1)
            if rest < days(in: year) { break }
            year += 1
        }
        var month = 1
        while rest >= PartialDate.days(inMonth: month, year: year) {
            rest -= PartialDate.days(inMonth: month, year: year)
            month += 1
        }
        return PartialDate(year: year, month: month, day: rest + 1)
    }

    /// Monday of ISO 8601 week `week` of `year`: week 1 is the week that holds the year's first Thursday.
    private static func isoWeekStart(year: Int, week: Int) -> Int {
        let januaryFourth = ordinal(year: year, month: 1, day: 4)
        // Day 0 (0001-01-01) was a Monday.
        let mondayOfWeekOne = januaryFourth - januaryFourth % 7
        return mondayOfWeekOne + (week - 1) * 7
    }

    /// 53 when the year has an ISO week 53 (it starts on a Thursday, or is a leap year starting on a Wednesday), else 52.
    private static func isoWeeks(in year: Int) -> Int {
        let weekday = ordinal(year: year, month: 1, day: 1) % 7  // 0 is Monday
        return weekday == 3 || (weekday == 2 && isLeap(year)) ? 53 : 52
    }
}
