/// The observations of each series' latest periods, gathered from a stream of any length while
/// holding only a few periods per series.
struct LatestObservations {
    /// How many of a series' periods a brief shows.
    static let periodsPerSeries = 3

    private(set) var bySeries: [String: [Observation]] = [:]
    /// Every period each series has (as `key`), to count those a brief leaves out.
    private var periods: [String: Set<Int>] = [:]
    /// The count at which a series is next pruned: twice what the last pruning kept, so that pruning
    /// costs a constant per observation however many share a period.
    private var pruneAt: [String: Int] = [:]
    /// The order of the oldest period a series keeps once it has enough periods: older ones are
    /// dropped as they arrive.
    private var floor: [String: (Int, Int)] = [:]

    mutating func add(_ observation: Observation) {
        let series = observation.series
        periods[series, default: []].insert(Self.key(observation.period))
        if let floor = floor[series], Self.order(observation.period) < floor { return }
        bySeries[series, default: []].append(observation)
        if bySeries[series]!.count > pruneAt[series, default: 64] {
            prune(series)
            pruneAt[series] = max(64, 2 * bySeries[series]!.count)
        }
    }

    /// The observations of the series' latest periods, newest period first, each period's in the order
    /// they were read.
    mutating func latest(_ series: String) -> [Observation] {
        prune(series)
        return bySeries[series] ?? []
    }

    /// How many periods the series has in all.
    func periodCount(_ series: String) -> Int { periods[series]?.count ?? 0 }

    /// Sorts the series' observations newest period first and keeps those of the latest periods.
    private mutating func prune(_ series: String) {
        guard let observations = bySeries[series] else { return }
        let ordered = observations.enumerated().sorted { a, b in
            let (x, y) = (Self.order(a.element.period), Self.order(b.element.period))
            if x != y { return x > y }
            if a.element.period != b.element.period { return a.element.period.description < b.element.period.description }
            return a.offset < b.offset
        }.map(\.element)
        var periods: [Period] = []
        bySeries[series] = ordered.filter { observation in
            if periods.last != observation.period { periods.append(observation.period) }
            return periods.count <= Self.periodsPerSeries
        }
        if periods.count >= Self.periodsPerSeries { floor[series] = Self.order(periods[Self.periodsPerSeries - 1]) }
    }

    /// A number that only this period has, cheaper to hash than the period: its start and end each as
    /// `yyyymmdd` with 00 for a month or day it leaves out (below 10^8), the end plus one, or 0 when there is none.
    private static func key(_ period: Period) -> Int {
        func digits(_ date: PartialDate) -> Int { date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0) }
        return digits(period.start) * 100_000_000 + (period.end.map { digits($0) + 1 } ?? 0)
    }

    /// Later periods sort higher: by the last day they cover, then by their first.
    private static func order(_ period: Period) -> (Int, Int) {
        ((period.end ?? period.start).lastDay, period.start.firstDay)
    }
}
