/// An ISO 8601 calendar date that keeps the precision it was written with: `2019`, `2019-04`, `2019-04-22`.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    /// How much of a date is known: the year, the month or the day.
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        /// Orders precisions from the year to the day.
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// The year.
    public var year: Int
    /// The month, 1 to 12, when known.
    public var month: Int?
    /// The day of the month, when known (only with a month).
    public var day: Int?

    /// The date at the precision given.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(iso text: some StringProtocol) {
        var text = String(text)
        guard let date = text.withUTF8({ PartialDate.parse($0) }) else { return nil }
        self = date
    }

    /// Parses ISO 8601 text in UTF-8 bytes without allocating.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> PartialDate? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = bytes[i] &- 48
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        let date: PartialDate
        switch bytes.count {
        case 4:
            guard let y = number(0..<4) else { return nil }
            date = PartialDate(year: y)
        case 7:
            guard bytes[4] == dash, let y = number(0..<4), let m = number(5..<7) else { return nil }
            date = PartialDate(year: y, month: m)
        case 10:
            guard bytes[4] == dash, bytes[7] == dash, let y = number(0..<4), let m = number(5..<7),
                  let d = number(8..<10) else { return nil }
            date = PartialDate(year: y, month: m, day: d)
        default:
            return nil
        }
        guard date.year >= 1 else { return nil }
        if let month = date.month, !(1...12).contains(month) { return nil }
        if let day = date.day, let month = date.month, !(1...days(inMonth: month, year: date.year)).contains(day) { return nil }
        return date
    }

    /// How much of the date is known.
    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// The first day the date can mean, as a sortable `yyyymmdd` number.
    public var firstDay: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day the date can mean, as a sortable `yyyymmdd` number.
    public var lastDay: Int {
        let m = month ?? 12
        return year * 10_000 + m * 100 + (day ?? PartialDate.days(inMonth: m, year: year))
    }

    /// The first day the date can mean, counted in days from 1 January of the year 1 (a Monday, so a
    /// multiple of 7 is a Monday) in the proleptic Gregorian calendar.
    public var dayNumber: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<(month ?? 1) { days += PartialDate.days(inMonth: m, year: year) }
        return days + (day ?? 1) - 1
    }

    /// The date in ISO 8601 at its precision: `2019`, `2019-04`, `2019-04-22`.
    public var description: String {
        var bytes: [UInt8] = []
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as UTF-8, for writers.
    public func appendISO(to bytes: inout [UInt8]) {
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var value = value
            if value >= divisor * 10 { bytes.append(contentsOf: String(value / (divisor * 10)).utf8); value %= divisor * 10 }
            while divisor > 0 { bytes.append(UInt8(48 + value / divisor % 10)); divisor /= 10 }
        }
        digits(year, 4)
        if let month { bytes.append(UInt8(ascii: "-")); digits(month, 2) }
        if let day { bytes.append(UInt8(ascii: "-")); digits(day, 2) }
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
