import Foundation

/// `bilateral diff`: what changed between two versions of a dataset.
public enum DatasetComparison {
    /// Compares two loaded versions.
    ///
    /// - Throws: `DiffError.unreadableFile` when an observations file cannot be read.
    public static func compare(_ old: DatasetVersion, _ new: DatasetVersion) throws -> DatasetDiff {
        let records = RecordComparison.changes(old.dataset, new.dataset)
        var renamed: [String: String] = [:]
        for change in records where change.kind == .series && change.change == .renamed { renamed[change.replaces!] = change.id }
        let observations = try ObservationComparison(old: old, new: new, renamed: renamed).changes()
        return DatasetDiff(old: old.name, new: new.name,
                           metadata: RecordFields.changes(RecordFields.of(old.dataset.metadata), RecordFields.of(new.dataset.metadata)),
                           records: records, observations: observations)
    }

    /// Loads a version's document for comparison. Errors that keep records from being read make it
    /// unfit to compare (records would look removed); errors found by validation do not.
    ///
    /// - Throws: `DiffError.unreadableDataset`.
    public static func load(_ data: Data, name: String, file: String, files: DatasetFiles) throws -> DatasetVersion {
        let loaded = DatasetLoader().load(data, file: file)
        let errors = loaded.findings.filter { $0.severity == .error }
        guard let dataset = loaded.dataset, errors.isEmpty else {
            throw DiffError.unreadableDataset(name, firstError: errors.min { $0.location < $1.location }, errors: max(errors.count, 1))
        }
        return DatasetVersion(name: name, dataset: dataset, files: files)
    }
}
