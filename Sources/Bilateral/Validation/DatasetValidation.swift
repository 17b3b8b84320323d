import Foundation

/// The result of validating one or more dataset documents.
public struct ValidationReport: Hashable, Sendable {
    /// The documents checked, as named in findings.
    public var files: [String]
    /// Every finding, sorted by file, line and column.
    public var findings: [Finding]
    /// Findings not listed because a file passed the per-file limit.
    public var suppressed: Int

    /// A report on `files` of `findings`, with `suppressed` more not listed.
    public init(files: [String], findings: [Finding], suppressed: Int = 0) {
        self.files = files
        var log = FindingLog()
        log.append(contentsOf: findings)
        self.findings = log.sorted
        self.suppressed = suppressed
    }

    /// How many findings are errors.
    public var errorCount: Int { findings.count { $0.severity == .error } }
    /// How many findings are warnings.
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// True when there are no errors, and under `strict` no warnings either.
    public func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0) && suppressed == 0
    }

    /// Two reports as one.
    public static func + (a: ValidationReport, b: ValidationReport) -> ValidationReport { ValidationReport(combining: [a, b]) }

    /// Many reports as one, their findings sorted once: adding a portfolio's reports one at a time
    /// sorted everything found so far again for each (seconds for 40,000 findings over 200 datasets).
    public init(combining reports: [ValidationReport]) {
        self.init(files: reports.flatMap(\.files), findings: reports.flatMap(\.findings), suppressed: reports.reduce(0) { $0 + $1.suppressed })
    }
}

/// A document loaded and validated, with the files beside it.
public struct CheckedDataset: Sendable {
    /// The loaded dataset; nil when the document could not be read as one.
    public internal(set) var dataset: Dataset?
    /// What validation found.
    public internal(set) var report: ValidationReport
    /// Where the dataset's files are read from.
    public internal(set) var files: DatasetFiles

    /// The dataset, ready to export, when it has no errors (and under `strict` no warnings).
    public func validated(strict: Bool) -> ValidatedDataset? {
        guard let dataset, report.passes(strict: strict) else { return nil }
        return ValidatedDataset(dataset, files: files, report: report, observationFilesChecked: observationFilesChecked,
                                deferredRules: deferredRules, documentMap: documentMap)
    }

    /// The ids the loader declared, kept when the rules were left for later (`check(path:rules:)`).
    var deferredRules: [String: RecordKind]?
    /// The document's map for the edit engine, when asked for (`check(path:mapsDocument:)`).
    var documentMap: YAMLDocumentMap?

    /// False when the observation files were left for the export to check as it streams them.
    public internal(set) var observationFilesChecked = true
    /// The record documents the dataset includes, as findings name them.
    public internal(set) var includedDocuments: [String] = []
}

/// Loading and validation in one step: what `bilateral validate` runs.
public enum DatasetValidation {
    /// The repository path of the dataset of record, which the library carries built in.
    public static let embeddedDatasetPath = "Fixtures/pakistan-japan.yaml"

    /// Loads and validates the document at `path`, reading the files it refers to beside it.
    ///
    /// - Throws: `DatasetFileError` when the document itself cannot be read.
    /// - Parameters:
    ///   - path: the dataset document.
    ///   - root: the directory file references must stay inside; by default the top of the git work
    ///     tree holding the document, else its directory.
    public static func validate(path: String, root: String? = nil) throws -> ValidationReport { try check(path: path, root: root).report }

    /// Loads and validates the built-in dataset of record.
    public static func validateEmbedded() -> ValidationReport { checkEmbedded().report }

    /// Loads and validates the document at `path`, keeping the dataset.
    ///
    /// - Throws: `DatasetFileError` when the document itself cannot be read.
    /// - Parameters:
    ///   - path: the dataset document.
    ///   - root: the directory file references must stay inside; by default the top of the git work
    ///     tree holding the document, else its directory.
    ///   - observationFiles: false to leave the observation files to the export, which checks them as
    ///     it writes them (one pass over the rows instead of two).
    ///   - documents: record documents already composed, shared between the datasets of a portfolio.
    ///   - rules: false to only load the document, leaving the rules to whoever takes the dataset
    ///     (`ValidatedDataset.checkDeferredRules()`): an import, which validates what it writes as a whole
    ///     and checks the dataset as it was only when that fails.
    ///   - mapsDocument: true to map the document for the edit engine from the same parse, for an import.
    public static func check(path: String, root: String? = nil, observationFiles: Bool = true,
                             documents: ComposedDocuments? = nil, rules: Bool = true, mapsDocument: Bool = false) throws -> CheckedDataset {
        let data = try DatasetDocument.read(path)
        return check(data, file: path, files: DiskFiles(directory: (path as NSString).deletingLastPathComponent, root: root),
                     observationFiles: observationFiles, documents: documents, rules: rules, mapsDocument: mapsDocument)
    }

    /// Loads and validates the built-in dataset of record, keeping the dataset.
    public static func checkEmbedded(observationFiles: Bool = true) -> CheckedDataset {
        let (data, files) = embeddedDataset
        return check(data, file: embeddedDatasetPath, files: files, observationFiles: observationFiles)
    }

    /// The built-in dataset of record's document and the files beside it.
    public static var embeddedDataset: (Data, DatasetFiles) {
        let files = EmbeddedFiles(directory: (embeddedDatasetPath as NSString).deletingLastPathComponent)
        return (Data((EmbeddedFiles.text(embeddedDatasetPath) ?? "").utf8), files)
    }

    /// Validates a dataset made or changed in code, with every rule a document gets. Its records have
    /// no place in a file, so its findings name `file` without a line.
    ///
    /// - Parameters:
    ///   - dataset: the dataset to check.
    ///   - file: how findings name the dataset.
    ///   - files: where the files it refers to (archives, observation files) are read from.
    public static func check(_ dataset: Dataset, file: String = "<memory>", files: DatasetFiles) -> CheckedDataset {
        var declared: [String: RecordKind] = [:]
        for identity in dataset.identities where declared[identity.id] == nil { declared[identity.id] = identity.kind }
        let checked = Validator(files: files).validate(dataset, declaredIDs: declared)
        return CheckedDataset(dataset: dataset, report: ValidationReport(files: [file], findings: checked.findings, suppressed: checked.suppressed),
                              files: files)
    }

    /// Loads and validates a document's bytes.
    public static func validate(_ data: Data, file: String, files: DatasetFiles) -> ValidationReport {
        check(data, file: file, files: files).report
    }

    /// Loads and validates a document's bytes, keeping the dataset; `rules` false only loads it, and
    /// `mapsDocument` maps it for the edit engine too.
    public static func check(_ data: Data, file: String, files: DatasetFiles, observationFiles: Bool = true,
                             documents: ComposedDocuments? = nil, rules: Bool = true, mapsDocument: Bool = false) -> CheckedDataset {
        var loader = DatasetLoader(files: files, documents: documents)
        loader.mapsDocument = mapsDocument
        let loaded = loader.load(data, file: file)
        guard rules else {
            var checked = checkedDataset(loaded, nil, file: file, files: files, observationFiles: observationFiles)
            checked.deferredRules = loaded.declaredIDs
            return checked
        }
        let validation = loaded.dataset.map { validator(files, observationFiles).validate($0, declaredIDs: loaded.declaredIDs) }
        return checkedDataset(loaded, validation, file: file, files: files, observationFiles: observationFiles)
    }

    /// Loads and validates a document's bytes and, while the rules run on one core, does `work` with the
    /// loaded dataset on the other; `work`'s result is nil when the document could not be loaded.
    /// `loaded` is the loader's outcome for `data` when it is already known (`EditedReload`).
    static func check<Result>(_ data: Data, file: String, files: DatasetFiles, observationFiles: Bool, loaded: DatasetLoader.Result? = nil,
                              alongside work: @Sendable (Dataset) -> Result) -> (CheckedDataset, Result?) {
        let loaded = loaded ?? DatasetLoader(files: files).load(data, file: file)
        guard let dataset = loaded.dataset else { return (checkedDataset(loaded, nil, file: file, files: files, observationFiles: observationFiles), nil) }
        let (validation, result) = inParallel({ validator(files, observationFiles).validate(dataset, declaredIDs: loaded.declaredIDs) },
                                              { work(dataset) })
        return (checkedDataset(loaded, validation, file: file, files: files, observationFiles: observationFiles), result)
    }

    private static func validator(_ files: DatasetFiles, _ observationFiles: Bool) -> Validator {
        var validator = Validator(files: files)
        validator.checksObservationFiles = observationFiles
        return validator
    }

    private static func checkedDataset(_ loaded: DatasetLoader.Result, _ validation: (findings: [Finding], suppressed: Int)?, file: String,
                                       files: DatasetFiles, observationFiles: Bool) -> CheckedDataset {
        let report = ValidationReport(files: [file], findings: loaded.findings + (validation?.findings ?? []), suppressed: validation?.suppressed ?? 0)
        return CheckedDataset(dataset: loaded.dataset, report: report, files: files, documentMap: loaded.documentMap,
                              observationFilesChecked: observationFiles, includedDocuments: loaded.includedDocuments)
    }
}
