/// Compares the records of two versions that have ids, matching them by id. A record whose id is new
/// is an addition, unless it `replaces` an id of the same kind that only the old version has: then
/// it is a rename, with the fields that differ. An added or removed record lists its fields but its id.
enum RecordComparison {
    static func changes(_ old: Dataset, _ new: Dataset) -> [RecordChange] {
        let oldRecords = old.identifiedRecords, newRecords = new.identifiedRecords
        let oldByID = Dictionary(oldRecords.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(newRecords.map(\.id))
        var consumed = Set<String>()
        var changes: [RecordChange] = []
        for record in newRecords {
            let kind = type(of: record).kind
            if let previous = oldByID[record.id], type(of: previous).kind == kind, Self.same(previous, record) {
                consumed.insert(record.id)
                continue
            }
            let fields = Self.fields(of: record)
            if let previous = oldByID[record.id], type(of: previous).kind == kind {
                consumed.insert(record.id)
                let changed = RecordFields.changes(Self.fields(of: previous), fields)
                if !changed.isEmpty {
                    changes.append(RecordChange(change: .changed, kind: kind, id: record.id, location: record.origin.location, fields: changed))
                }
            } else if let replaced = record.replaces, !newIDs.contains(replaced), !consumed.contains(replaced),
                      let previous = oldByID[replaced], type(of: previous).kind == kind {
                consumed.insert(replaced)
                let changed = RecordFields.changes(Self.fields(of: previous), fields, ignoring: ["id", "replaces"])
                changes.append(RecordChange(change: .renamed, kind: kind, id: record.id, replaces: replaced,
                                            location: record.origin.location, fields: changed))
            } else {
                changes.append(RecordChange(change: .added, kind: kind, id: record.id, location: record.origin.location,
                                            fields: fields.dropFirst().map { FieldChange(field: $0.name, old: nil, new: $0.value) }))
            }
        }
        for record in oldRecords where !consumed.contains(record.id) {
            changes.append(RecordChange(change: .removed, kind: type(of: record).kind, id: record.id, location: record.origin.location,
                                        fields: fields(of: record).dropFirst().map { FieldChange(field: $0.name, old: $0.value, new: nil) }))
        }
        // Kinds in the format's order; within a kind, the new version's order, then removals.
        return changes.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
    }

    /// Whether two records of one kind hold the same values (where they are written never counts), which
    /// spares building the fields of the many records an edit leaves alone.
    private static func same(_ a: any IdentifiedRecord, _ b: any IdentifiedRecord) -> Bool {
        func equal<R: IdentifiedRecord>(_ a: R) -> Bool { (b as? R) == a }
        return equal(a)
    }

    /// Every kind with an id is tabulated (`RecordColumns.swift`).
    private static func fields(of record: any IdentifiedRecord) -> [(name: String, value: String)] {
        RecordFields.of(record as! any TabulatedRecord)
    }
}
