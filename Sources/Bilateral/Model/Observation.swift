/// One value of an indicator series for one period.
public struct Observation: CitingRecord {
    public static let kind = RecordKind.observation

    /// The observation's id, needed only when another observation names it as its total; observations
    /// are otherwise known by their series, period and dimensions.
    public var id: String?
    /// The id of the series.
    public var series: String = ""
    public var period: Period = Period(start: PartialDate(year: 1))
    /// How to read the period; nil means the series' period kind.
    public var periodKind: PeriodKind?
    public var value: Number = Number(0)
    /// True when the source gives the value as approximate ("about 80").
    public var approximate: Bool = false
    /// The id of the total that this value is a component of.
    public var partOf: String?
    /// Values of the series' dimensions.
    public var dimensions: [String: String] = [:]
    public var note: String?
    /// The observation's own sources; when empty, the series' sources stand for it.
    public var citations: [Citation] = []
    public var origin: Origin = Origin()
    /// Names a series' dimension may not take: the observation's own fields, and its sources.
    public static let reservedNames = Set(fields.map(\.name))

    public var label: String {
        id.map { "an observation '\($0)'" } ?? "an observation of series '\(series)' for \(period)"
    }
}

extension Observation: ReadableRecord {
    public static let fields: [Field<Observation>] = [
        .id(\.id, "The observation's id, needed only when another observation names it in part_of."),
        .reference("series", \.series, to: [.series], "The series."),
        .period("period", \.period, "A date or an interval start/end, at their precision."),
        .choice("period_kind", \.periodKind, "How to read the period, when not the series' kind."),
        .number("value", \.value, "The value, in the series' currency or unit and scale."),
        .flag("approximate", \.approximate, "True when the source gives the value as approximate."),
        .reference("part_of", \.partOf, to: [.observation], "The total this value is a component of."),
        .textMap("dimensions", \.dimensions, "Values of the series' dimensions."),
        .text("note", \.note, "A note on the value."),
        .citations(\.citations, required: false),
    ]
}
