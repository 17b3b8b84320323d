/// A series of a statistics file as a series of the dataset holds it: the scale, currency or unit and
/// period kind its attributes and periods give, the areas its key names, and its observations with
/// their statuses. Missing values are left out; nothing is guessed: a scale, status or frequency the
/// dataset has no word for is an error at the place the file gives it.
public struct ImportedSeries: Sendable {
    /// One observation as the dataset writes it, with where the file gives it.
    public struct Value: Sendable, Equatable {
        /// The period, as the period kind writes it.
        public var period: Period
        /// The value, as the file writes it (a plain decimal number).
        public var text: String
        /// The value read.
        public var number: Number
        /// What the producer says of the value.
        public var status: ObservationStatus?
        /// Where the file gives it.
        public var line: Int, column: Int
    }

    /// The power of ten values are stated in (`UNIT_MULT`).
    public var scale: Series.Scale = .one
    /// The ISO 4217 currency of the values, when they are money.
    public var currency: String?
    /// What is counted, when the values are not money.
    public var unit: String?
    /// How to read the periods.
    public var periodKind: PeriodKind
    /// The first month of the fiscal year, for the period kind `fiscal-year`.
    public var fiscalYearStart: Int?
    /// The area that reports the figures (`REF_AREA`, Comtrade's reporter), as the file codes it.
    public var referenceArea: String?
    /// The partner area (`COUNTERPART_AREA`, Comtrade's partner), as the file codes it.
    public var counterpartArea: String?
    /// The observations with a value, in the order of their periods.
    public var values: [Value]

    /// The dimensions (or attributes) that name the reporting area, the partner and the unit, in the
    /// spellings of SDMX, Eurostat, UN Comtrade and the World Bank; matched without regard to case.
    static let referenceAreaNames = ["REF_AREA", "GEO", "REPORTERISO", "REPORTER"]
    static let counterpartAreaNames = ["COUNTERPART_AREA", "PARTNER", "PARTNERISO"]
    static let unitNames = ["CURRENCY", "UNIT_MEASURE", "UNIT"]

    /// Reads `series` of `message` (read from `file`).
    public init(_ series: StatisticalSeries, of message: StatisticsMessage, file: String) throws(StatisticsFileProblems) {
        var problems: [StatisticsFileError] = []
        func problem(_ line: Int, _ column: Int, _ message: String, hint: String) {
            problems.append(StatisticsFileError(.unsupportedValue, file: file, line: line, column: column, message, hint: hint))
        }
        let first = series.observations.first
        let place = (line: first?.line ?? 0, column: first?.column ?? 0)
        let code = { (names: [String]) -> String? in Self.code(series, names) }
        referenceArea = code(Self.referenceAreaNames)
        counterpartArea = code(Self.counterpartAreaNames)
        if message.format == .comtrade {
            currency = "USD"  // Comtrade's primary value is in US dollars
        } else if let unit = code(Self.unitNames) {
            if ISOCodes.minorUnits[unit] != nil { currency = unit } else { self.unit = unit }
        }
        if let multiplier = series.attributes["UNIT_MULT"] {
            if let exponent = Int(multiplier), let scale = Series.Scale.allCases.first(where: { $0.exponent == exponent }) {
                self.scale = scale
            } else {
                problem(place.line, place.column, "UNIT_MULT is \(multiplier): values in units of 10^\(multiplier), which the dataset has no scale for",
                        hint: "download the figures in units, thousands, millions or billions (UNIT_MULT 0, 3, 6 or 9)")
            }
        }
        let frequencies = Set(series.observations.map(\.period.frequency))
        if frequencies.count > 1 {
            problem(place.line, place.column, "the series mixes periods of \(frequencies.map(\.rawValue).sorted().joined(separator: " and ")) frequency",
                    hint: "select one frequency (--select FREQ=A)")
        }
        periodKind = Self.periodKind(first?.period.frequency ?? .annual)
        // SDMX's reporting years: `REPORTING_YEAR_START_DAY` `--07-01` makes 2023 the year from July 2023 to June 2024.
        var yearStart: Int?
        if let day = series.attributes["REPORTING_YEAR_START_DAY"] ?? first?.attributes["REPORTING_YEAR_START_DAY"], day != "--01-01" {
            let parts = day.split(separator: "-").compactMap { Int($0) }
            if day.hasPrefix("--"), parts.count == 2, (2...12).contains(parts[0]), parts[1] == 1, periodKind == .calendarYear {
                yearStart = parts[0]
                periodKind = parts[0] == 7 ? .fiscalYearJulyJune : parts[0] == 4 ? .fiscalYearAprilMarch : .fiscalYear
                fiscalYearStart = periodKind == .fiscalYear ? parts[0] : nil
            } else {
                problem(place.line, place.column, "REPORTING_YEAR_START_DAY is \(day), a reporting year the dataset reads only for annual figures starting on the first of a month",
                        hint: "download the figures by calendar period, or annual figures of reporting years")
            }
        }
        var values: [Value] = []
        values.reserveCapacity(series.observations.count)
        for observation in series.observations {
            // A missing value is left out, whatever its status says.
            guard let text = observation.value else { continue }
            let status: ObservationStatus?
            switch Self.status(observation.attributes, format: message.format) {
            case .success(let read): status = read
            case .failure(let refusal):
                problem(observation.line, observation.column, refusal.message, hint: refusal.hint)
                continue
            }
            guard case .success(let number) = DecimalText.parse(text) else {
                problem(observation.line, observation.column, "the value \(text) is out of the range the dataset holds",
                        hint: "numbers must be no larger than \(Int64(Number.maximumMagnitude)) in magnitude; download the figures in a larger unit")
                continue
            }
            var period = observation.period.period
            if let yearStart = yearStart {
                let year = period.start.year
                period = Period(start: PartialDate(year: year, month: yearStart), end: PartialDate(year: year + 1, month: yearStart - 1))
            }
            values.append(Value(period: period, text: text, number: number, status: status,
                                line: observation.line, column: observation.column))
        }
        guard problems.isEmpty else { throw StatisticsFileProblems(problems) }
        self.values = values.sorted { $0.period.start.firstDay < $1.period.start.firstDay }
    }

    /// The code of the first of `names` the series' key or attributes give.
    private static func code(_ series: StatisticalSeries, _ names: [String]) -> String? {
        for name in names {
            if let code = series.key.first(where: { $0.key.uppercased() == name })?.value
                ?? series.attributes.first(where: { $0.key.uppercased() == name })?.value, !code.isEmpty {
                return code
            }
        }
        return nil
    }

    /// The period kind of a frequency: four-monthly periods have none of their own.
    static func periodKind(_ frequency: StatisticalPeriod.Frequency) -> PeriodKind {
        switch frequency {
        case .annual: .calendarYear
        case .halfYearly: .halfYear
        case .fourMonthly: .span
        case .quarterly: .quarter
        case .monthly: .month
        case .weekly: .week
        case .daily: .day
        }
    }

    /// Why an observation's status cannot be taken.
    struct StatusRefusal: Error {
        var message: String
        var hint: String
    }

    /// SDMX's `CL_OBS_STATUS` codes (upper case) and Eurostat's flags (lower case) by status; `A`
    /// (normal) has none.
    static let statusCodes: [String: ObservationStatus] = [
        "B": .breakInSeries, "D": .definitionDiffers, "E": .estimated, "F": .forecast, "G": .experimental, "I": .imputed,
        "N": .notSignificant, "P": .provisional, "U": .lowReliability, "V": .unvalidated,
        "b": .breakInSeries, "c": .confidential, "d": .definitionDiffers, "e": .estimated, "f": .forecast, "n": .notSignificant,
        "p": .provisional, "s": .estimated, "u": .lowReliability,
    ]
    /// Codes of missing values, which go with no value.
    static let missingCodes: Set<String> = ["M", "L", "O", "Q", "H", "z", ":"]
    /// `OBS_CONF` codes of values published with restrictions.
    static let confidentialCodes: Set<String> = ["C", "N", "S", "D"]

    /// The status the attributes of an observation with a value give: `OBS_STATUS` (or Eurostat's `OBS_FLAG`), `OBS_CONF`,
    /// or Comtrade's estimation flag.
    static func status(_ attributes: [String: String], format: StatisticsMessage.Format) -> Result<ObservationStatus?, StatusRefusal> {
        var found: [ObservationStatus] = []
        if format == .comtrade {
            if let flag = attributes["legacyEstimationFlag"], flag != "0", !flag.isEmpty { found.append(.estimated) }
        }
        for name in ["OBS_STATUS", "OBS_FLAG"] {
            guard let code = attributes[name], !code.isEmpty, code != "A" else { continue }
            if missingCodes.contains(code) {
                return .failure(StatusRefusal(message: "\(name) is \(code), which marks a missing value, but the observation has one",
                                              hint: "the file contradicts itself; download it again or ask its producer"))
            }
            // Eurostat joins flags: `bp` is a break in series and provisional.
            let codes = statusCodes[code] != nil ? [code] : code.allSatisfy(\.isLowercase) ? code.map(String.init) : [code]
            for code in codes {
                guard let status = statusCodes[code] else {
                    let known = statusCodes.keys.sorted().joined(separator: ", ")
                    return .failure(StatusRefusal(message: "\(name) is \(code), a status the dataset has no word for",
                                                  hint: "the statuses read are A (normal), \(known), and the codes of missing values"))
                }
                if !found.contains(status) { found.append(status) }
            }
        }
        if let conf = attributes["OBS_CONF"], confidentialCodes.contains(conf), !found.contains(.confidential) { found.append(.confidential) }
        guard found.count <= 1 else {
            return .failure(StatusRefusal(message: "the observation has several statuses (\(found.map(\.rawValue).joined(separator: ", ")))",
                                          hint: "an observation of the dataset takes one status; note the others by hand after the import"))
        }
        return .success(found.first)
    }
}
