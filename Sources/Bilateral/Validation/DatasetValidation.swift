import Foundation

/// The result of validating one or more dataset documents.
public struct ValidationReport: Sendable {
    /// The documents checked, as named in findings.
    public var files: [String]
    /// Every finding, sorted by file, line and column.
    public var findings: [Finding]
    /// Findings not listed because a file passed the per-file limit.
    public var suppressed: Int

    public init(files: [String], findings: [Finding], suppressed: Int = 0) {
        self.files = files
        var log = FindingLog()
        log.append(contentsOf: findings)
        self.findings = log.sorted
        self.suppressed = suppressed
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// True when there are no errors, and under `strict` no warnings either.
    public func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0) && suppressed == 0
    }

    /// Two reports as one.
    public static func + (a: ValidationReport, b: ValidationReport) -> ValidationReport {
        ValidationReport(files: a.files + b.files, findings: a.findings + b.findings, suppressed: a.suppressed + b.suppressed)
    }
}

/// Loading and validation in one step: what `bilateral validate` runs.
public enum DatasetValidation {
    /// The repository path of the dataset of record, which the library carries built in.
    public static let embeddedDatasetPath = "Fixtures/pakistan-japan.yaml"

    /// Loads and validates the document at `path`, reading the files it refers to beside it.
    ///
    /// - Throws: an I/O error when the document itself cannot be read.
    public static func validate(path: String) throws -> ValidationReport {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return validate(data, file: path, files: DiskFiles(directory: (path as NSString).deletingLastPathComponent))
    }

    /// Loads and validates the built-in dataset of record.
    public static func validateEmbedded() -> ValidationReport {
        let (data, files) = embeddedDataset
        return validate(data, file: embeddedDatasetPath, files: files)
    }

    /// The built-in dataset of record's document and the files beside it.
    public static var embeddedDataset: (Data, DatasetFiles) {
        let files = EmbeddedFiles(directory: (embeddedDatasetPath as NSString).deletingLastPathComponent)
        return (Data((EmbeddedFiles.text(embeddedDatasetPath) ?? "").utf8), files)
    }

    /// Loads and validates a document's bytes.
    public static func validate(_ data: Data, file: String, files: DatasetFiles) -> ValidationReport {
        let loaded = DatasetLoader().load(data, file: file)
        var findings = loaded.findings
        var suppressed = 0
        if let dataset = loaded.dataset {
            let checked = Validator(files: files).validate(dataset, declaredIDs: loaded.declaredIDs)
            findings += checked.findings
            suppressed = checked.suppressed
        }
        return ValidationReport(files: [file], findings: findings, suppressed: suppressed)
    }
}
