/// The series of a statistics file as its reader meets their observations: each series found by its
/// key (its dataflow and the code of each dimension), and a second observation of a series for one
/// period noted, to be refused with the line of the first.
struct SeriesGathering {
    /// The series whose observations are kept; the others are only listed (with their keys).
    private let selection: SeriesSelection?
    /// Whether each series' observations are kept, by index.
    private var kept: [Bool] = []
    /// Series by a reader's own text of their key, for a lookup that builds no key (`index(lookup:)`).
    private var seriesByLookup: [String: Int] = [:]
    /// The dimensions met, in the order first met.
    private(set) var dimensions: [String] = []
    /// The series, in the order first met.
    private(set) var series: [StatisticalSeries] = []
    private var seriesByKey: [[String]: Int] = [:]
    /// The line of each series' observation for each period, to find a second one.
    private var periods: [Int: [Period: Int]] = [:]
    private var repeated: [(series: Int, period: Period, line: Int, column: Int, first: Int)] = []

    /// Gathers every series' observations, or only those of the series `selection` picks.
    init(keeping selection: SeriesSelection? = nil) { self.selection = selection }

    /// The index of the series of `key` (codes by dimension, in the file's order), added when new.
    mutating func series(key: [(dimension: String, code: String)], dataflow: Dataflow?) -> Int {
        let codes = [dataflow?.description ?? ""] + key.map { "\($0.dimension)=\($0.code)" }
        if let known = seriesByKey[codes] { return known }
        for (dimension, _) in key where !dimensions.contains(dimension) { dimensions.append(dimension) }
        let added = StatisticalSeries(dataflow: dataflow, key: Dictionary(key, uniquingKeysWith: { first, _ in first }))
        kept.append(selection?.matches(added.key) ?? true)
        series.append(added)
        seriesByKey[codes] = series.count - 1
        return series.count - 1
    }

    /// The series a reader has named `lookup` (its own text of the key) before; nil the first time.
    func index(lookup: String) -> Int? { seriesByLookup[lookup] }

    /// Names the series at `index` `lookup` for `index(lookup:)`.
    mutating func remember(_ lookup: String, as index: Int) { seriesByLookup[lookup] = index }

    /// Whether the observations of the series at `index` are kept.
    func keeps(_ index: Int) -> Bool { kept[index] }

    /// Gives the series at `index` the attributes that hold for all of it.
    mutating func setAttributes(_ attributes: [String: String], of index: Int) { series[index].attributes = attributes }

    /// Adds an observation to the series at `index`, noting it when its period is the series' already.
    mutating func add(_ observation: StatisticalObservation, to index: Int) {
        guard kept[index] else { return }
        if let first = periods[index, default: [:]][observation.period.period] {
            repeated.append((index, observation.period.period, observation.line, observation.column, first))
        } else {
            periods[index, default: [:]][observation.period.period] = observation.line
        }
        series[index].observations.append(observation)
    }

    /// An error for each observation that repeats a period of its series.
    func duplicates(_ reader: some StatisticsFileReader) -> [StatisticsFileError] {
        repeated.map { entry in
            reader.problem(.duplicateObservation, entry.line, entry.column,
                           "a second observation of series \(series[entry.series].keyText(dimensions)) for \(entry.period); the first is on line \(entry.first)",
                           hint: "a file holds one value per series and period; download the data again")
        }
    }
}
