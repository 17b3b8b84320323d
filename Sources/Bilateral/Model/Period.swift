/// A reporting period: one date at its precision (`2018`, `2019-06`) or an ISO 8601 interval
/// (`2018-07/2019-06`).
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// The period's first day, month or year.
    public var start: PartialDate
    /// The end of an interval; nil for a single date.
    public var end: PartialDate?

    /// The period from `start` to `end`; a single date when `end` is nil.
    public init(start: PartialDate, end: PartialDate? = nil) {
        self.start = start
        self.end = end
    }

    /// Parses a date or `start/end`; nil when either part is not a date.
    public init?(iso text: some StringProtocol) {
        var text = String(text)
        guard let period = text.withUTF8({ Period.parse($0) }) else { return nil }
        self = period
    }

    /// Parses UTF-8 bytes without allocating.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Period? {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            return PartialDate.parse(bytes).map { Period(start: $0) }
        }
        guard let start = PartialDate.parse(UnsafeBufferPointer(rebasing: bytes[..<slash])),
              let end = PartialDate.parse(UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])) else { return nil }
        return Period(start: start, end: end)
    }

    /// The period in ISO 8601: a date, or `start/end`.
    public var description: String {
        var bytes: [UInt8] = []
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the date or `start/end` as UTF-8, for writers.
    public func appendISO(to bytes: inout [UInt8]) {
        start.appendISO(to: &bytes)
        if let end {
            bytes.append(UInt8(ascii: "/"))
            end.appendISO(to: &bytes)
        }
    }
}

/// How an observation's period is to be read.
public enum PeriodKind: String, Sendable, Hashable, CaseIterable {
    /// A calendar year, written `YYYY`.
    case calendarYear = "calendar-year"
    /// A fiscal year starting in the month the series gives as `fiscal_year_start` (10 for October to
    /// September), written `YYYY-10/YYYY-09`; `YYYY-01/YYYY-12` for a fiscal year that is the calendar year.
    case fiscalYear = "fiscal-year"
    /// A fiscal year running July to June (Pakistan's), written `YYYY-07/YYYY-06`: `fiscal-year` starting in July.
    case fiscalYearJulyJune = "fiscal-year-jul-jun"
    /// A fiscal year running April to March (Japan's), written `YYYY-04/YYYY-03`: `fiscal-year` starting in April.
    case fiscalYearAprilMarch = "fiscal-year-apr-mar"
    /// A calendar quarter, written as its months `YYYY-01/YYYY-03`, `YYYY-04/YYYY-06`, `YYYY-07/YYYY-09`
    /// or `YYYY-10/YYYY-12`.
    case quarter
    /// A calendar half-year, written as its months `YYYY-01/YYYY-06` or `YYYY-07/YYYY-12`.
    case halfYear = "half-year"
    /// A calendar month, written `YYYY-MM`.
    case month
    /// An ISO 8601 week, Monday to Sunday, written as its days `YYYY-MM-DD/YYYY-MM-DD`.
    case week
    /// One day, written `YYYY-MM-DD`.
    case day
    /// Any other interval, such as half a fiscal year or several years together.
    case span
    /// A count or stock at one date, at any precision.
    case date

    /// The first month of the fiscal year the kind names, given the series' `fiscal_year_start`; nil
    /// for a kind that is not a fiscal year, or `fiscal-year` without its first month.
    public func fiscalYearStart(_ declared: Int?) -> Int? {
        switch self {
        case .fiscalYear: declared
        case .fiscalYearJulyJune: 7
        case .fiscalYearAprilMarch: 4
        default: nil
        }
    }
}
