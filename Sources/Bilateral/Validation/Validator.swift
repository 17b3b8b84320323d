/// Checks a loaded dataset against every rule and reports all findings at once.
public struct Validator: Sendable {
    /// Where the dataset's referenced files (archived sources, observation CSVs) are read from.
    public var files: DatasetFiles
    /// At most this many findings are reported for one observations CSV file; the rest are counted.
    public var findingLimitPerFile = Validator.defaultFindingLimitPerFile
    /// How many findings a file reports before the rest are only counted.
    public static let defaultFindingLimitPerFile = 1_000
    /// Whether to stream the series' observation files; an export checks them as it writes instead.
    public var checksObservationFiles = true

    /// A validator reading the dataset's files from `files`.
    public init(files: DatasetFiles) { self.files = files }

    /// The findings of every rule, unsorted.
    ///
    /// - Parameters:
    ///   - dataset: the dataset to check.
    ///   - declaredIDs: ids of records the loader dropped as unreadable, so that references to them
    ///     are not reported a second time.
    public func validate(_ dataset: Dataset, declaredIDs: [String: RecordKind] = [:]) -> (findings: [Finding], suppressed: Int) {
        let context = RuleContext(dataset: dataset, declaredIDs: declaredIDs, files: files)
        var log = FindingLog()
        Rules.uniqueIDs(context, &log)
        Rules.references(context, &log)
        Rules.citations(context, &log)
        Rules.dates(context, &log)
        Rules.codes(context, &log)
        Rules.urls(context, &log)
        Rules.seriesUnits(context, &log)
        Rules.observations(context, &log)
        Rules.components(context, &log)
        Rules.quotes(context, &log)
        Rules.importedStatistics(context, &log)
        Rules.participants(context, &log)
        Rules.duplicateEvents(context, &log)
        Rules.cellLengths(context, &log)
        Rules.acknowledgements(context, &log)
        var suppressed = 0
        for series in dataset.series where checksObservationFiles && series.observationsFile != nil {
            var checker = ObservationFileChecker(series: series, files: files, limit: findingLimitPerFile)
            try? checker.check(&log)
            suppressed += checker.suppressed
        }
        return (log.findings, suppressed)
    }
}

/// What every rule may look at: the dataset and indexes built once.
struct RuleContext {
    let dataset: Dataset
    let declaredIDs: [String: RecordKind]
    let files: DatasetFiles
    let kinds: [String: RecordKind]
    let seriesByID: [String: Series]
    let observationsByID: [String: Observation]
    /// Every record that cites sources, gathered once for the rules that read citations.
    let citingRecords: [any CitingRecord]

    init(dataset: Dataset, declaredIDs: [String: RecordKind], files: DatasetFiles) {
        self.dataset = dataset
        self.declaredIDs = declaredIDs
        self.files = files
        kinds = dataset.kindsByID
        seriesByID = Dictionary(dataset.series.map { ($0.id, $0) }) { first, _ in first }
        observationsByID = Dictionary(dataset.observations.compactMap { o in o.id.map { ($0, o) } }) { first, _ in first }
        citingRecords = dataset.citingRecords
    }

    /// The ids of all records of the given kinds, for "did you mean" hints.
    func ids(of kinds: Set<RecordKind>) -> [String] {
        self.kinds.filter { kinds.contains($0.value) }.map(\.key).sorted()
    }
}

/// The validation rules, one concern per file under `Rules/`.
enum Rules {}
