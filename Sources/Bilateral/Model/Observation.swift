/// One value of an indicator series for one period.
public struct Observation: CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.observation

    /// The observation's id, needed only when another observation names it as its total; observations
    /// are otherwise known by their series, period and dimensions.
    public var id: String?
    /// The series.
    public var series: String = ""
    /// A date or an interval start/end, at their precision.
    public var period: Period = Period(start: PartialDate(year: 1))
    /// How to read the period, when not the series' kind.
    public var periodKind: PeriodKind?
    /// The value, in the series' currency or unit and scale.
    public var value: Number = Number(0)
    /// True when the source gives the value as approximate.
    public var approximate: Bool = false
    /// What the producer says of the value (provisional, estimated, break-in-series); none for a normal value.
    public var valueStatus: ObservationStatus?
    /// The total this value is a component of.
    public var partOf: String?
    /// For a total: the source rounded it and each component on its own, so the sum may differ by half a unit
    /// of the last digit per component.
    public var independentlyRounded: Bool = false
    /// For a total: how far the sum of its components may differ from it, as the source allows.
    public var tolerance: Number?
    /// The amount as the source set it in a unit of account (stated_unit), when value is its conversion.
    public var statedAmount: Number?
    /// The unit of account of stated_amount, such as UTA, UF or SDR.
    public var statedUnit: String?
    /// Values of the series' dimensions.
    public var dimensions: [String: String] = [:]
    /// A note on the value.
    public var note: String?
    /// The observation's own sources; when empty, the series' sources stand for it.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()
    /// Names a series' dimension may not take: the observation's own fields, and its sources.
    public static let reservedNames = Set(fields.map(\.name))

    /// How messages name the observation: its id, or its series and period.
    public var label: String {
        id.map { "an observation '\($0)'" } ?? "an observation of series '\(series)' for \(period)"
    }

    /// An observation with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Observation: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Observation>] = [
        .id(\.id, "The observation's id, needed only when another observation names it in part_of."),
        .reference("series", \.series, to: [.series], "The series."),
        .period("period", \.period, "A date or an interval start/end, at their precision."),
        .choice("period_kind", \.periodKind, "How to read the period, when not the series' kind."),
        .number("value", \.value, "The value, in the series' currency or unit and scale."),
        .flag("approximate", \.approximate, "True when the source gives the value as approximate."),
        .choice("value_status", \.valueStatus, "What the producer says of the value (provisional, estimated, break-in-series); none for a normal value."),
        .reference("part_of", \.partOf, to: [.observation], "The total this value is a component of."),
        .flag("independently_rounded", \.independentlyRounded, "For a total: the source rounded it and each component on its own, so the sum may differ by half a unit of the last digit per component."),
        .number("tolerance", \.tolerance, "For a total: how far the sum of its components may differ from it, as the source allows."),
        .number("stated_amount", \.statedAmount, "The amount as the source set it in a unit of account (stated_unit), when value is its conversion."),
        .text("stated_unit", \.statedUnit, "The unit of account of stated_amount, such as UTA, UF or SDR."),
        .textMap("dimensions", \.dimensions, "Values of the series' dimensions."),
        .text("note", \.note, "A note on the value."),
        .citations(\.citations, required: false),
    ]
}
