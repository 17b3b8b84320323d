/// One relationship of a portfolio at a glance: its row in `bilateral portfolio`.
public struct RelationshipSummary: Sendable {
    /// A high-level exchange: a visit, meeting or dialogue round that was not postponed or cancelled.
    public struct Exchange: Sendable {
        /// The event's id.
        public var id: String
        /// The event's kind.
        public var kind: Event.Kind
        /// The event's title.
        public var title: String
        /// When it took place.
        public var start: PartialDate
    }

    /// The dataset document's path.
    public var path: String
    /// The dataset's title.
    public var title: String
    /// The two countries' names, in the dataset's order.
    public var countries: [String]
    /// The dataset's as-of date.
    public var asOf: PartialDate
    /// How many records of each kind the dataset holds, its included records and its observation files' rows counted.
    public var records: [RecordKind: Int]
    /// The exchange with the latest start; nil when there is none.
    public var latestExchange: Exchange?
    /// The period of the newest observation, by the last day it covers; nil when there are none.
    public var newestObservationPeriod: Period?

    /// The event kinds that count as high-level exchanges.
    public static let exchangeKinds: Set<Event.Kind> = [.visit, .meeting, .dialogueRound]

    /// Summarises a dataset, streaming its observation files once.
    public init(path: String, dataset input: ValidatedDataset) throws {
        let dataset = input.dataset
        self.path = path
        title = dataset.metadata.title
        let names = Dictionary(dataset.countries.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        countries = dataset.metadata.countries.map { names[$0] ?? $0 }
        asOf = dataset.metadata.asOf
        records = Dictionary(dataset.identities.map { ($0.kind, 1) }, uniquingKeysWith: +)
        latestExchange = dataset.events
            .filter { Self.exchangeKinds.contains($0.kind) && $0.status != .postponed && $0.status != .cancelled }
            .max { ($0.start.lastDay, $0.start.firstDay) < ($1.start.lastDay, $1.start.firstDay) }
            .map { Exchange(id: $0.id, kind: $0.kind, title: $0.title, start: $0.start) }
        var observations = 0
        var newest: Period?
        try input.forEachObservation { observation in
            observations += 1
            if newest.map({ Self.lastDay(observation.period) > Self.lastDay($0) }) ?? true { newest = observation.period }
        }
        if observations > 0 { records[.observation] = observations }
        newestObservationPeriod = newest
    }

    private static func lastDay(_ period: Period) -> Int { (period.end ?? period.start).lastDay }

    /// Whether the as-of date is more than `months` months before `today`.
    public func isStale(today: PartialDate, months: Int) -> Bool {
        let total = today.year * 12 + (today.month ?? 1) - 1 - months
        let year = total / 12, month = total % 12 + 1
        let day = min(today.day ?? 1, PartialDate.days(inMonth: month, year: year))
        return asOf.lastDay < year * 10_000 + month * 100 + day
    }
}
