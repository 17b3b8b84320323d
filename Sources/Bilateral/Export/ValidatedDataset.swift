import Foundation

/// A dataset that passed validation, with the files beside it: what writers export.
///
/// Observations kept in CSV files are not held in memory; `forEachObservation` streams them. When
/// validation left those files to the export, the first pass over each file checks it too, and the
/// exporter refuses the output if that found an error.
@dynamicMemberLookup
public struct ValidatedDataset: Sendable {
    /// The records that passed validation.
    public let dataset: Dataset
    /// Where the dataset's observation files are read from.
    public let files: DatasetFiles
    /// The warnings validation reported (it reported no errors).
    public let warnings: [Finding]
    private let fileChecks: FileChecks

    /// The ids the loader declared, when the rules were left for later: only loading vouches for it yet.
    let deferredRules: [String: RecordKind]?
    /// The dataset document's map for the edit engine, when loading made one (`DatasetLoader.mapsDocument`).
    let documentMap: YAMLDocumentMap?

    /// The dataset as `report` found it; nil when the report has an error. Only validation makes one
    /// (`CheckedDataset.validated(strict:)`), so a report cannot vouch for a dataset it was not made from.
    ///
    /// - Parameters:
    ///   - observationFilesChecked: whether the report covers the observation files.
    ///   - deferredRules: the loader's declared ids, when `report` is the loader's alone.
    ///   - documentMap: the document's map, when loading made one.
    init?(_ dataset: Dataset, files: DatasetFiles, report: ValidationReport, observationFilesChecked: Bool = true,
          deferredRules: [String: RecordKind]? = nil, documentMap: YAMLDocumentMap? = nil) {
        guard report.errorCount == 0, report.suppressed == 0 else { return nil }
        self.dataset = dataset
        self.files = files
        self.deferredRules = deferredRules
        self.documentMap = documentMap
        self.warnings = report.findings
        self.fileChecks = FileChecks(pending: observationFilesChecked ? [] : dataset.series.filter { $0.observationsFile != nil }.map(\.id))
    }

    /// The dataset's own members, so that writer code reads `dataset.metadata` and `dataset.statements`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<Dataset, Value>) -> Value { dataset[keyPath: keyPath] }

    /// Calls `body` with every observation in order: those written in the document, then each series'
    /// file rows, series by series. Rows with a problem are reported, not passed on.
    public func forEachObservation(_ body: (Observation) throws -> Void) throws {
        for observation in dataset.observations { try body(observation) }
        for series in dataset.series where series.observationsFile != nil {
            try stream(series, body)
        }
    }

    /// Checks the observation files no pass has streamed yet, and returns what the checks of the
    /// files found; empty when validation covered them.
    public func observationFileFindings() throws -> ValidationReport {
        for series in dataset.series where fileChecks.isPending(series.id) { try stream(series) { _ in } }
        return fileChecks.report
    }

    /// Runs the rules that loading left for later (`DatasetValidation.check(path:rules:)`) and returns
    /// what they found, observation files aside; empty when validation ran them.
    public func checkDeferredRules() -> ValidationReport {
        guard let declaredIDs = deferredRules else { return ValidationReport(files: [], findings: []) }
        var validator = Validator(files: files)
        validator.checksObservationFiles = false
        let checked = validator.validate(dataset, declaredIDs: declaredIDs)
        return ValidationReport(files: [], findings: checked.findings, suppressed: checked.suppressed)
    }

    private func stream(_ series: Series, _ body: (Observation) throws -> Void) throws {
        let checking = fileChecks.isPending(series.id)
        var reader = ObservationFileChecker(series: series, files: files, limit: checking ? Validator.defaultFindingLimitPerFile : 0)
        var log = FindingLog()
        try withoutActuallyEscaping(body) { try reader.check(&log, each: $0) }
        if checking { fileChecks.record(series.id, log.findings, suppressed: reader.suppressed) }
    }

    /// What the export's own checks of observation files found, shared by copies of the dataset.
    private final class FileChecks: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: Set<String>
        private var findings: [Finding] = []
        private var suppressed = 0

        init(pending: [String]) { self.pending = Set(pending) }

        func isPending(_ series: String) -> Bool { lock.withLock { pending.contains(series) } }

        func record(_ series: String, _ found: [Finding], suppressed more: Int) {
            lock.withLock {
                guard pending.remove(series) != nil else { return }
                findings += found
                suppressed += more
            }
        }

        var report: ValidationReport { lock.withLock { ValidationReport(files: [], findings: findings, suppressed: suppressed) } }
    }
}
