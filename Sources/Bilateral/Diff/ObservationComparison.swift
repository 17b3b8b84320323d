import Foundation

/// Compares each series' observations in two versions: those written in the document and those in
/// the series' CSV file. File rows identical in both versions are paired by their bytes without being
/// parsed (`CSVRows`), so a large file with a few edits costs little more than reading it; the rest
/// are matched by period and dimensions.
struct ObservationComparison {
    let old: DatasetVersion
    let new: DatasetVersion
    /// Old series ids of renamed series, with their new ids.
    let renamed: [String: String]

    func changes() throws -> [SeriesChanges] {
        let oldSeries = Dictionary(old.dataset.series.map { (renamed[$0.id] ?? $0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newSeries = Dictionary(new.dataset.series.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldWritten = Dictionary(grouping: old.dataset.observations) { renamed[$0.series] ?? $0.series }
        let newWritten = Dictionary(grouping: new.dataset.observations, by: \.series)
        var order = new.dataset.series.map(\.id)
        var listed = Set(order)
        for id in old.dataset.series.map({ renamed[$0.id] ?? $0.id }) + Array(oldWritten.keys).sorted() + Array(newWritten.keys).sorted()
        where !listed.contains(id) {
            order.append(id)
            listed.insert(id)
        }
        var changes: [SeriesChanges] = []
        for id in order {
            var oldObservations = oldWritten[id] ?? [], newObservations = newWritten[id] ?? []
            let rows = try ObservationFileRows.unpaired(old: oldSeries[id].map { ($0, old.files) }, new: newSeries[id].map { ($0, new.files) })
            oldObservations += rows.old
            newObservations += rows.new
            // Values are compared in the new version's unit: a series restated from millions to ones
            // with the same amounts has no revisions.
            let shift = (oldSeries[id]?.scale.exponent ?? 0) - (newSeries[id]?.scale.exponent ?? 0)
            for index in oldObservations.indices {
                oldObservations[index].series = id
                if oldSeries[id] != nil, newSeries[id] != nil, shift != 0 { oldObservations[index].value = Self.rescaled(oldObservations[index].value, by: shift) }
            }
            if let summary = Self.summarise(id, oldObservations, newObservations, unreadable: rows.unreadable) { changes.append(summary) }
        }
        return changes
    }

    private struct Key: Hashable {
        var period: Period
        var dimensions: [String: String]
    }

    /// Pairs identical observations first, then the rest by key in order: a pair is a revision, what is
    /// left is added or removed.
    static func summarise(_ series: String, _ old: [Observation], _ new: [Observation], unreadable: Int) -> SeriesChanges? {
        var waiting: [Key: [Int]] = [:]
        for (index, observation) in old.enumerated() { waiting[Key(period: observation.period, dimensions: observation.dimensions), default: []].append(index) }
        var paired = [Bool](repeating: false, count: old.count)
        var unpaired: [Int] = []
        for (index, observation) in new.enumerated() {
            let key = Key(period: observation.period, dimensions: observation.dimensions)
            if let match = waiting[key]?.first(where: { !paired[$0] && Self.same(old[$0], observation) }) {
                paired[match] = true
            } else {
                unpaired.append(index)
            }
        }
        var summary = SeriesChanges(series: series, added: 0, removed: 0, revised: 0, unreadable: unreadable,
                                    largestRevisions: [], firstAdded: [], firstRemoved: [])
        var revisions: [(magnitude: Double, change: ObservationChange)] = []
        for index in unpaired {
            let observation = new[index]
            let key = Key(period: observation.period, dimensions: observation.dimensions)
            if let match = waiting[key]?.first(where: { !paired[$0] }) {
                paired[match] = true
                summary.revised += 1
                revisions.append((abs(observation.value.value - old[match].value.value), Self.change(old[match], observation)))
            } else {
                summary.added += 1
                if summary.firstAdded.count < SeriesChanges.listed { summary.firstAdded.append(Self.change(nil, observation)) }
            }
        }
        for index in old.indices where !paired[index] {
            summary.removed += 1
            if summary.firstRemoved.count < SeriesChanges.listed { summary.firstRemoved.append(Self.change(old[index], nil)) }
        }
        // Largest change first; equal changes in the new version's order (the sort is stable).
        summary.largestRevisions = revisions.enumerated()
            .sorted { ($1.element.magnitude, $0.offset) < ($0.element.magnitude, $1.offset) }
            .prefix(SeriesChanges.listed).map(\.element.change)
        guard summary.added + summary.removed + summary.revised + summary.unreadable > 0 else { return nil }
        return summary
    }

    /// The number times 10^`shift`, its digits after the point moved with it.
    static func rescaled(_ number: Number, by shift: Int) -> Number {
        let digits = max(0, number.fractionDigits - shift)
        let value = (number.value * Number.powerOfTen(shift) * Number.powerOfTen(digits)).rounded() / Number.powerOfTen(digits)
        return Number(value, fractionDigits: digits)
    }

    /// Whether two observations say the same: equal values (however many digits a restated value got)
    /// and every other field equal.
    private static func same(_ a: Observation, _ b: Observation) -> Bool {
        var a = a
        if a.value.value == b.value.value { a.value = b.value }
        return a.cells == b.cells && a.citations == b.citations
    }

    /// Fields shown apart from the rest: the key and the value.
    private static let shownApart: Set<String> = ["series", "period", "dimensions", "value"]

    private static func change(_ old: Observation?, _ new: Observation?) -> ObservationChange {
        let either = (new ?? old)!
        var difference: String?
        if let old, let new {
            let digits = max(old.value.fractionDigits, new.value.fractionDigits)
            let delta = Number(new.value.value - old.value.value, fractionDigits: digits)
            difference = (delta.value > 0 ? "+" : "") + delta.description
        }
        let fields = old != nil && new != nil
            ? RecordFields.changes(RecordFields.of(old!), RecordFields.of(new!), ignoring: shownApart) : []
        return ObservationChange(period: either.period.description,
                                 dimensions: either.dimensions.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) },
                                 old: old?.value.description, new: new?.value.description, change: difference, fields: fields,
                                 location: either.origin.location)
    }
}

/// One version of a dataset to compare: the loaded dataset, where its files are read from, and the
/// name the user gave it.
public struct DatasetVersion: Sendable {
    /// The version as the user named it: a path, or `REV:PATH`.
    public var name: String
    /// The records read from the version.
    public var dataset: Dataset
    /// Where the version's observation files are read from.
    public var files: DatasetFiles
    /// Errors that kept some records from being read; the diff shows the records that were read.
    public var errors: [Finding]
    /// Ids of records written in the document but not read because of those errors.
    public var unreadableIDs: Set<String>

    /// A version to compare, with the errors that kept some of its records from being read.
    public init(name: String, dataset: Dataset, files: DatasetFiles, errors: [Finding] = [], unreadableIDs: Set<String> = []) {
        self.name = name
        self.dataset = dataset
        self.files = files
        self.errors = errors
        self.unreadableIDs = unreadableIDs
    }
}
