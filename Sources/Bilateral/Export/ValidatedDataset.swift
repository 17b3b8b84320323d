/// A dataset that passed validation, with the files beside it: what writers export.
///
/// Observations kept in CSV files are not held in memory; `forEachObservation` streams them.
public struct ValidatedDataset: Sendable {
    public let dataset: Dataset
    /// Where the dataset's observation files are read from.
    public let files: DatasetFiles
    /// The warnings validation reported (it reported no errors).
    public let warnings: [Finding]

    /// The dataset as `report` found it; nil when the report has an error.
    public init?(_ dataset: Dataset, files: DatasetFiles, report: ValidationReport) {
        guard report.errorCount == 0, report.suppressed == 0 else { return nil }
        self.dataset = dataset
        self.files = files
        self.warnings = report.findings
    }

    /// Calls `body` with every observation in order: those written in the document, then each series'
    /// file rows, series by series.
    public func forEachObservation(_ body: (Observation) throws -> Void) throws {
        for observation in dataset.observations { try body(observation) }
        for series in dataset.series where series.observationsFile != nil {
            var reader = ObservationFileChecker(series: series, files: files, limit: 0)
            var ignored = FindingLog()
            try withoutActuallyEscaping(body) { try reader.check(&ignored, each: $0) }
        }
    }
}
