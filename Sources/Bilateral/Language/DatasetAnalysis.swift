import Foundation

/// One dataset of an editor's workspace as last checked: what loading and validating it found, by file,
/// and the files it depends on (the record documents it includes, its observation files and archives),
/// so that a change to any of them checks it again.
struct DatasetAnalysis: Sendable {
    /// The dataset document's absolute path.
    let path: String
    /// The loaded dataset, when it could be read as one.
    let dataset: Dataset?
    /// The ids the loader declared, even of records it dropped.
    let declaredIDs: [String: RecordKind]
    /// Every finding, by the absolute path of the file it is in.
    let findingsByFile: [String: [Finding]]
    /// The files a change to which changes what this dataset's check finds.
    let dependencies: Set<String>

    /// Loads and validates the dataset at `path` from `files`.
    init(path: String, data: Data, files: OverlayFiles, documents: ComposedDocuments) {
        self.path = path
        let loaded = DatasetLoader(files: files, documents: documents).load(data, file: path)
        var findings = loaded.findings
        if let dataset = loaded.dataset {
            findings += Validator(files: files).validate(dataset, declaredIDs: loaded.declaredIDs).findings
        }
        dataset = loaded.dataset
        lastLoaded = loaded.dataset
        declaredIDs = loaded.declaredIDs
        let report = ValidationReport(files: [path], findings: findings)
        findingsByFile = Dictionary(grouping: report.findings) { FilePaths.normalised($0.location.file) }
        var dependencies = Set(loaded.includedDocuments.map(FilePaths.normalised))
        dependencies.insert(path)
        if let dataset = loaded.dataset {
            let named = dataset.sources.flatMap { [$0.archive, $0.dataFile] } + dataset.series.map(\.observationsFile)
            for relative in named.compactMap({ $0 }) { dependencies.insert(files.displayPath(relative)) }
        }
        dependencies.formUnion(findingsByFile.keys)
        self.dependencies = dependencies
    }

    /// The dataset as last loaded, for completion and navigation while the document cannot be read
    /// (half-typed YAML): this check's, else the last check's that loaded it.
    var lastLoaded: Dataset?

    /// Every record with an id, with its kind and where it is, as last loaded: observations that have one too.
    var identities: [RecordIdentity] {
        guard let dataset = lastLoaded else { return [] }
        return dataset.identities + dataset.observations.compactMap { observation in
            observation.id.map { RecordIdentity(id: $0, kind: .observation, origin: observation.origin) }
        }
    }
}
