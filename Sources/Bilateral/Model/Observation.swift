/// One value of an indicator series for one period.
public struct Observation: CitingRecord {
    public static let kind = RecordKind.observation

    public var id: String
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
}
