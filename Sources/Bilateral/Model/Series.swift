/// An indicator series, such as Pakistan's exports to Japan by fiscal year; its values are observations.
public struct Series: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.series

    /// What a series measures; the words the format uses.
    public enum Indicator: String, Sendable, Hashable, CaseIterable {
        case trade
        case foreignDirectInvestment = "foreign-direct-investment"
        case developmentAssistance = "development-assistance"
        case diasporaPopulation = "diaspora-population"
        case companies
        case other
    }

    /// Which way a flow between the two countries goes; the words the format uses.
    public enum Flow: String, Sendable, Hashable, CaseIterable {
        case export, `import`, inflow, outflow, total
    }

    /// The power of ten that values are stated in.
    public enum Scale: String, Sendable, Hashable, CaseIterable {
        case one, thousand, million, billion

        /// 0, 3, 6 or 9.
        public var exponent: Int {
            switch self {
            case .one: 0
            case .thousand: 3
            case .million: 6
            case .billion: 9
            }
        }
    }

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// Title.
    public var title: String = ""
    /// What it measures.
    public var indicator: Indicator = .other
    /// The section of a briefing note its figures belong to, when not the one its indicator suggests.
    public var topic: Statement.Topic?
    /// The direction of the flow.
    public var flow: Flow?
    /// Who compiles the figures: a country or an organization.
    public var reporter: String?
    /// The partner country.
    public var partner: String?
    /// ISO 4217 code for money, current or historic (`DEM`); nil for counts.
    public var currency: String?
    /// What is counted, when values are not money.
    public var unit: String?
    /// The power of ten values are stated in.
    public var scale: Scale = .one
    /// How to read the periods of its observations.
    public var periodKind: PeriodKind?
    /// The first month of the fiscal year (10 for October to September), for the period kind fiscal-year.
    public var fiscalYearStart: Int?
    /// Names of the extra columns that classify observations (for example `hs_code`, `flow`).
    public var dimensions: [String] = []
    /// CSV file of observations (period, value, period_kind, value_status, note and the dimensions), relative to the
    /// dataset file.
    public var observationsFile: String?
    /// The source whose statistics file (data_file) the observations are imported from; they must equal the file's.
    public var importedFrom: String?
    /// The key of the series in that file: the code of each dimension that selects it (REF_AREA: PK).
    public var importKey: [String: String] = [:]
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// A series with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Series: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Series>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("title", \.title, "Title."),
        .choice("indicator", \.indicator, "What it measures."),
        .choice("topic", \.topic, "The section of a briefing note its figures belong to, when not the one its indicator suggests."),
        .choice("flow", \.flow, "The direction of the flow."),
        .reference("reporter", \.reporter, to: [.country, .organization], "Who compiles the figures: a country or an organization."),
        .reference("partner", \.partner, to: [.country], "The partner country."),
        .text("currency", \.currency, pattern: "^[A-Z]{3}$", "ISO 4217 currency of the values."),
        .text("unit", \.unit, "What is counted, when values are not money."),
        .choice("scale", \.scale, default: .one, "The power of ten values are stated in."),
        .choice("period_kind", \.periodKind, "How to read the periods of its observations."),
        .integer("fiscal_year_start", \.fiscalYearStart, in: 1...12, "The first month of the fiscal year (10 for October to September), for the period kind fiscal-year."),
        .texts("dimensions", \.dimensions, pattern: "^[a-z][a-z0-9_]*$", "Names of the columns that classify its observations."),
        .documentText("observations_file", \.observationsFile, "CSV file of observations (period, value, period_kind, value_status, note and the dimensions), relative to the dataset file."),
        .reference("imported_from", \.importedFrom, to: [.source], "The source whose statistics file (data_file) the observations are imported from; they must equal the file's."),
        .textMap("import_key", \.importKey, "The key of the series in that file: the code of each dimension that selects it (REF_AREA: PK)."),
        .citations(\.citations),
    ]
}
