/// One value of an indicator series for one period.
public struct Observation: CitingRecord {
    public static let kind = RecordKind.observation

    /// The observation's id, needed only when another observation names it as its total; observations
    /// are otherwise known by their series, period and dimensions.
    public var id: String?
    /// The id of the series.
    public var series: String
    public var period: Period
    /// How to read the period; nil means the series' period kind.
    public var periodKind: PeriodKind?
    public var value: Number
    /// True when the source gives the value as approximate ("about 80").
    public var approximate: Bool
    /// The id of the total that this value is a component of.
    public var partOf: String?
    /// Values of the series' dimensions.
    public var dimensions: [String: String]
    public var note: String?
    /// The observation's own sources; when empty, the series' sources stand for it.
    public var citations: [Citation]
    public var origin: Origin

    /// Names a series' dimension may not take: the observation's own fields, and its sources.
    public static let reservedNames: Set<String> = ["id", "series", "period", "period_kind", "value", "approximate", "part_of",
                                                    "dimensions", "note", "sources"]

    public var label: String {
        id.map { "an observation '\($0)'" } ?? "an observation of series '\(series)' for \(period)"
    }
}
