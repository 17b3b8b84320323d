/// What changed between two versions of a dataset, record by record: the metadata's fields, records
/// added, removed, changed or renamed (matched by id, never by line), and each series' observations
/// summarised. `DatasetComparison` computes it; `DiffFormat` prints it.
public struct DatasetDiff: Hashable, Sendable {
    /// The two versions as the user named them (a path, or `REV:PATH`).
    public var old: String
    /// The newer version, as the user named it.
    public var new: String
    /// Changed fields of the dataset's metadata (title, version, as_of…).
    public var metadata: [FieldChange]
    /// Records of every kind but observations, by kind in document order, then removed ones.
    public var records: [RecordChange]
    /// Each series whose observations changed, in the new version's order, then series removed.
    public var observations: [SeriesChanges]
    /// Sources whose archived text changed, in the new version's order.
    public var archives: [ArchiveChange] = []
    /// Errors in either version that kept records from being read: the diff is of the records read.
    public var errors: [Finding] = []

    /// True when the two versions hold the same data and evidence (and both could be read whole).
    public var isEmpty: Bool { metadata.isEmpty && records.isEmpty && observations.isEmpty && archives.isEmpty && errors.isEmpty }
}

/// One field's value in each version; nil where the field is absent.
public struct FieldChange: Hashable, Sendable {
    /// The field's name, as the document writes it.
    public var field: String
    /// The field's value in the old version, as written; nil when absent.
    public var old: String?
    /// The field's value in the new version, as written; nil when absent.
    public var new: String?

    /// The change of `field` from `old` to `new`.
    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A record that was added, removed, changed or renamed.
public struct RecordChange: Hashable, Sendable {
    /// How a record changed.
    public enum Change: String, Hashable, Sendable, CaseIterable {
        case added, removed, changed, renamed
    }

    /// How the record changed.
    public var change: Change
    /// The record's kind.
    public var kind: RecordKind
    /// The record's id: in the new version, or the old one's for a removal.
    public var id: String
    /// For a rename, the id the record had before.
    public var replaces: String?
    /// Where the record is: in the new version, or the old one for a removal.
    public var location: SourceLocation
    /// For an addition every field it has (old nil), for a removal every field it had (new nil), for a
    /// change or rename the fields that differ.
    public var fields: [FieldChange]
}

/// How one series' observations changed. Observations are matched by series, period and dimensions;
/// identical ones pair first, so values that two sources give for one period stay apart.
public struct SeriesChanges: Hashable, Sendable {
    /// The series' id in the new version (the old one when the series was removed).
    public var series: String
    /// How many observations the new version adds.
    public var added: Int
    /// How many observations the new version removes.
    public var removed: Int
    /// Observations present in both versions with a field changed (usually the value).
    public var revised: Int
    /// Observation rows of either version that could not be read and so were not compared.
    public var unreadable: Int
    /// The revisions with the largest change of value, largest first.
    public var largestRevisions: [ObservationChange]
    /// The first observations added and removed, in file order.
    public var firstAdded: [ObservationChange]
    /// The first observations removed, in file order.
    public var firstRemoved: [ObservationChange]

    /// How many revisions, additions and removals are listed.
    public static let listed = 5
}

/// One observation added, removed or revised.
public struct ObservationChange: Hashable, Sendable {
    /// The observation's period, as written.
    public var period: String
    /// The observation's dimensions, sorted by name.
    public var dimensions: [Dimension]
    /// The value in each version, as written; nil on the side where it is absent.
    public var old: String?
    /// The value in the new version, as written; nil when absent.
    public var new: String?
    /// `new - old`, at the finer of the two precisions; nil unless both are present.
    public var change: String?
    /// Other fields that differ (note, approximate, sources…).
    public var fields: [FieldChange]
    /// Where the observation is: in the new version, or the old one for a removal.
    public var location: SourceLocation

    /// One dimension of an observation and its value.
    public struct Dimension: Hashable, Sendable {
        /// The dimension's name.
        public var name: String
        /// Its value.
        public var value: String
    }
}
