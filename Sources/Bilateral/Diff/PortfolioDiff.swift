/// What changed between two versions of a portfolio: each relationship's diff, matched by its dataset
/// file's path under the directory, and each changed shared record once, with the relationships that
/// include it (and so change with it).
public struct PortfolioDiff: Sendable {
    /// One relationship's change.
    public struct Relationship: Sendable {
        /// How a relationship changed between the two versions.
        public enum Change: String, Sendable, CaseIterable { case added, removed, changed, unchanged }

        /// The dataset file's path under the directory.
        public var name: String
        /// How the relationship changed.
        public var change: Change
        /// The dataset's title in the newer version that has it.
        public var title: String
        /// The comparison of the two versions, when both have the relationship.
        public var diff: DatasetDiff?

        /// The record changes of `diff` made in record documents rather than the relationship's own.
        public var sharedRecordChanges: [RecordChange] {
            guard let diff else { return [] }
            // A record written elsewhere than the relationship's own document came from a record document.
            return diff.records.filter { $0.location.file != diff.old && $0.location.file != diff.new }
        }
    }

    /// A record of a record document that changed, and the relationships it changed with.
    public struct SharedChange: Sendable {
        /// How the record changed.
        public var change: RecordChange.Change
        /// The record's kind.
        public var kind: RecordKind
        /// The record's id.
        public var id: String
        /// The id it had, when it was renamed.
        public var replaces: String?
        /// Where the record is written in the version that has it (the new one, unless it was removed).
        public var location: SourceLocation
        /// The names of the relationships whose diff shows the change, sorted; empty for a record of a
        /// record document that no dataset includes.
        public var relationships: [String]
    }

    /// The old version of the portfolio, as the user named it.
    public var old: String
    /// The new version, as the user named it.
    public var new: String
    /// Every relationship of either version, by name.
    public var relationships: [Relationship]
    /// Each changed record of a record document, once, with the relationships it changed.
    public var shared: [SharedChange]

    /// True when no relationship and no record document changed.
    public var isEmpty: Bool { relationships.allSatisfy { $0.change == .unchanged } && shared.isEmpty }

    /// How many relationships changed in each way.
    public func count(_ change: Relationship.Change) -> Int { relationships.count { $0.change == change } }

    /// Loads and compares the two versions of each relationship, `jobs` at a time, holding only the
    /// versions being compared.
    ///
    /// - Parameters:
    ///   - old: how the old version is named in reports: a directory or `REV:DIR`.
    ///   - new: how the new version is named in reports.
    ///   - names: every relationship of either version.
    ///   - versions: a relationship's old and new version, `nil` where a version lacks it; each version
    ///     named (`DatasetVersion.name`) as its records' locations name its document.
    ///   - jobs: how many relationships are loaded and compared at a time.
    public init(old: String, new: String, names: [String], jobs: Int = 1,
                versions: @Sendable (String) throws -> (old: DatasetVersion?, new: DatasetVersion?)) throws {
        self.old = old
        self.new = new
        let outcomes = parallelMap(names.count, jobs: jobs) { index in
            Result { () throws -> Relationship in
                let name = names[index]
                let (old, new) = try versions(name)
                guard let old, let new else {
                    let only = (new ?? old)!
                    return Relationship(name: name, change: new == nil ? .removed : .added, title: only.dataset.metadata.title)
                }
                let diff = try DatasetComparison.compare(old, new)
                return Relationship(name: name, change: diff.isEmpty ? .unchanged : .changed, title: new.dataset.metadata.title, diff: diff)
            }
        }
        relationships = try outcomes.map { try $0.get() }.sorted { $0.name < $1.name }
        /// A shared record's change, the same in every relationship that shows it.
        struct Key: Hashable { var change: RecordChange.Change, kind: RecordKind, id: String, location: SourceLocation }
        var shared: [Key: SharedChange] = [:]
        for relationship in relationships {
            for record in relationship.sharedRecordChanges {
                let key = Key(change: record.change, kind: record.kind, id: record.id, location: record.location)
                shared[key, default: SharedChange(change: record.change, kind: record.kind, id: record.id, replaces: record.replaces,
                                                  location: record.location, relationships: [])].relationships.append(relationship.name)
            }
        }
        self.shared = shared.values.sorted { ($0.location, $0.id) < ($1.location, $1.id) }
    }

    /// Adds the changes of the record documents `names` (paths under the directory) that no
    /// relationship shows: each document's two versions are compared on their own, and a changed
    /// record not already listed is a shared change of no relationship. So a changed record document
    /// that no dataset includes is not missed.
    ///
    /// - Parameters:
    ///   - names: the record documents of either version, by path under the directory.
    ///   - jobs: how many documents are loaded and compared at a time.
    ///   - versions: a record document's old and new version (`DatasetComparison.loadRecords`), nil
    ///     where a version lacks it.
    public mutating func addRecordDocuments(_ names: [String], jobs: Int = 1,
                                            versions: @Sendable (String) throws -> (old: DatasetVersion?, new: DatasetVersion?)) throws {
        let outcomes = parallelMap(names.count, jobs: jobs) { index in
            Result { () throws -> [RecordChange] in
                let (oldVersion, newVersion) = try versions(names[index])
                let empty = { (version: DatasetVersion) in DatasetVersion(name: version.name, dataset: Dataset(), files: version.files) }
                guard let old = oldVersion ?? newVersion.map(empty), let new = newVersion ?? oldVersion.map(empty) else { return [] }
                return try DatasetComparison.compare(old, new).records
            }
        }
        let shown = Set(shared.map { "\($0.kind) \($0.id) \($0.change)" })
        for change in try outcomes.flatMap({ try $0.get() }) where !shown.contains("\(change.kind) \(change.id) \(change.change)") {
            shared.append(SharedChange(change: change.change, kind: change.kind, id: change.id, replaces: change.replaces,
                                       location: change.location, relationships: []))
        }
        shared.sort { ($0.location, $0.id) < ($1.location, $1.id) }
    }
}
