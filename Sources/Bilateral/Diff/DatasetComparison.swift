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

    /// Loads a record document on its own, as a dataset that includes only it would read it, for
    /// comparing a record document that no dataset includes.
    ///
    /// - Parameters:
    ///   - name: the version as reports name it.
    ///   - document: the record document's path relative to `files`' directory.
    ///   - files: where the record document is read from.
    /// - Throws: `DiffError.unreadableDataset` when its records cannot be read at all.
    public static func loadRecords(name: String, document: String, files: DatasetFiles) throws -> DatasetVersion {
        let including = """
            format: bilateral/1
            include: [\(JSONText.quoted(document))]
            dataset: {title: "-", countries: [], version: "0", as_of: 2000, licence: CC0-1.0}

            """
        var version = try load(Data(including.utf8), name: name, file: name, files: files)
        version.errors = version.errors.filter { $0.location.file != name }
        return version
    }
}
