import Foundation

/// `bilateral diff`: what changed between two versions of a dataset.
public enum DatasetComparison {
    /// Compares two loaded versions.
    ///
    /// - Throws: `DiffError.unreadableFile` when an observations file cannot be read.
    public static func compare(_ old: DatasetVersion, _ new: DatasetVersion) throws -> DatasetDiff {
        // A record left unread by an error in one version is neither removed nor added.
        let records = RecordComparison.changes(old.dataset, new.dataset).filter { change in
            !(change.change == .removed && new.unreadableIDs.contains(change.id)) && !(change.change == .added && old.unreadableIDs.contains(change.id))
        }
        var renamed: [String: String] = [:]
        for change in records where change.kind == .series && change.change == .renamed { renamed[change.replaces!] = change.id }
        let observations = try ObservationComparison(old: old, new: new, renamed: renamed).changes()
        return DatasetDiff(old: old.name, new: new.name,
                           metadata: RecordFields.changes(RecordFields.of(old.dataset), RecordFields.of(new.dataset)),
                           records: records, observations: observations, archives: ArchiveChange.changes(old, new),
                           errors: (old.errors + new.errors).sorted())
    }

    /// Loads a version's document for comparison. Errors that keep some records from being read are
    /// kept with the version, whose other records are compared; errors found by validation do not
    /// matter to a diff.
    ///
    /// - Throws: `DiffError.unreadableDataset` when the document cannot be read as a dataset at all.
    public static func load(_ data: Data, name: String, file: String, files: DatasetFiles) throws -> DatasetVersion {
        let loaded = DatasetLoader(files: files).load(data, file: file)
        let errors = loaded.findings.filter { $0.severity == .error }.sorted()
        guard let dataset = loaded.dataset else {
            throw DiffError.unreadableDataset(name, firstError: errors.first, errors: max(errors.count, 1))
        }
        let read = Set(dataset.identities.map(\.id))
        return DatasetVersion(name: name, dataset: dataset, files: files, errors: errors,
                              unreadableIDs: Set(loaded.declaredIDs.keys).subtracting(read))
    }
}
