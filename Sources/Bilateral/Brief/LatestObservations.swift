/// The observations of each series' latest periods, gathered from a stream of any length while
/// holding only a few periods per series.
struct LatestObservations {
    /// How many of a series' periods a brief shows.
    static let periodsPerSeries = 3

    private(set) var bySeries: [String: [Observation]] = [:]

    mutating func add(_ observation: Observation) {
        bySeries[observation.series, default: []].append(observation)
        if bySeries[observation.series]!.count > 64 { prune(observation.series) }
    }

    /// The observations of the series' latest periods, newest period first, each period's in the order
    /// they were read.
    mutating func latest(_ series: String) -> [Observation] {
        prune(series)
        return bySeries[series] ?? []
    }

    /// Sorts the series' observations newest period first and keeps those of the latest periods.
    private mutating func prune(_ series: String) {
        guard let observations = bySeries[series] else { return }
        let ordered = observations.enumerated().sorted { a, b in
            let (x, y) = (Self.order(a.element.period), Self.order(b.element.period))
            if x != y { return x > y }
            let (p, q) = (a.element.period.description, b.element.period.description)
            return p != q ? p < q : a.offset < b.offset
        }.map(\.element)
        var periods: [Period] = []
        bySeries[series] = ordered.filter { observation in
            if periods.last != observation.period { periods.append(observation.period) }
            return periods.count <= Self.periodsPerSeries
        }
    }

    /// Later periods sort higher: by the last day they cover, then by their first.
    private static func order(_ period: Period) -> (Int, Int) {
        ((period.end ?? period.start).lastDay, period.start.firstDay)
    }
}
