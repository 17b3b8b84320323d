/// What a statistics file holds, whatever its format: the series of observations it carries, each known
/// by its key (a code for each dimension), with the attributes the producer gave them.
public struct StatisticsMessage: Sendable {
    /// The formats a statistics file can be in.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case sdmxCSV = "SDMX-CSV"
        case sdmxML = "SDMX-ML"
        case sdmxJSON = "SDMX-JSON"
        case comtrade = "UN Comtrade"
        case worldBank = "World Bank"
    }

    /// The file's format.
    public var format: Format
    /// The version of the format (`1.0`, `2.0`).
    public var formatVersion: String
    /// The dimensions that tell the series apart, in the file's order (the time period is not one of them).
    public var dimensions: [String]
    /// The series, in the order their first observation appears.
    public var series: [StatisticalSeries]

    /// A message of `series` keyed by `dimensions`.
    public init(format: Format, formatVersion: String, dimensions: [String], series: [StatisticalSeries]) {
        self.format = format
        self.formatVersion = formatVersion
        self.dimensions = dimensions
        self.series = series
    }
}

/// One series of a statistics file: its key, the attributes that hold for all of it, and its observations.
public struct StatisticalSeries: Sendable {
    /// The dataflow (or data structure) the series is defined by, when the file names one.
    public var dataflow: Dataflow?
    /// The code of each dimension, by dimension.
    public var key: [String: String]
    /// Attributes with one value for every observation of the series (`UNIT_MULT`, `UNIT_MEASURE`, `DECIMALS`).
    public var attributes: [String: String]
    /// The observations, in the file's order.
    public var observations: [StatisticalObservation]

    /// A series of `observations` with the key `key`.
    public init(dataflow: Dataflow?, key: [String: String], attributes: [String: String] = [:], observations: [StatisticalObservation] = []) {
        self.dataflow = dataflow
        self.key = key
        self.attributes = attributes
        self.observations = observations
    }

    /// The key as SDMX writes it: the codes in the order of `dimensions`, joined by dots (`A.PK.JP`).
    public func keyText(_ dimensions: [String]) -> String {
        dimensions.map { key[$0] ?? "" }.joined(separator: ".")
    }
}

/// One observation of a statistics file, with where it is written.
public struct StatisticalObservation: Sendable {
    /// The period, read.
    public var period: StatisticalPeriod
    /// The value as written (a decimal number), or nil when the file marks it missing.
    public var value: String?
    /// Attributes of this observation (`OBS_STATUS`, `OBS_CONF`, `COMMENT`), by attribute.
    public var attributes: [String: String]
    /// Where the observation is written: its line, and the column of its value.
    public var line: Int, column: Int

    /// An observation for `period`.
    public init(period: StatisticalPeriod, value: String?, attributes: [String: String] = [:], line: Int, column: Int) {
        self.period = period
        self.value = value
        self.attributes = attributes
        self.line = line
        self.column = column
    }
}

/// The SDMX dataflow, data structure or provision agreement that data are defined by: `AGENCY:ID(VERSION)`.
public struct Dataflow: Hashable, Sendable, CustomStringConvertible {
    /// The maintenance agency (`ESTAT`, `IMF`, `OECD.SDD.TPS`).
    public var agency: String
    /// The artefact's id (`NA_MAIN`).
    public var id: String
    /// Its version (`1.6.0`), when given.
    public var version: String?

    /// A dataflow of `agency`.
    public init(agency: String, id: String, version: String?) {
        self.agency = agency
        self.id = id
        self.version = version
    }

    /// Reads `AGENCY:ID(VERSION)` or `AGENCY:ID`; nil when the text is not of that form.
    public init?(sdmx text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let agency = String(text[..<colon])
        var rest = text[text.index(after: colon)...]
        var version: String?
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            version = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = rest[..<open]
        }
        let isName = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || "_-.@".contains($0) } }
        guard isName(Substring(agency)), isName(rest), version.map({ isName(Substring($0)) }) ?? true else { return nil }
        self.init(agency: agency, id: String(rest), version: version)
    }

    /// `AGENCY:ID(VERSION)`.
    public var description: String { "\(agency):\(id)" + (version.map { "(\($0))" } ?? "") }
}
