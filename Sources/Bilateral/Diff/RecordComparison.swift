/// Compares the records of two versions that have ids, matching them by id within their kind. A
/// record whose id is new is an addition, unless it `replaces` an id of the same kind that only the
/// old version has: then it is a rename, with the fields that differ. An added or removed record lists
/// its fields but its id.
enum RecordComparison {
    static func changes(_ old: Dataset, _ new: Dataset) -> [RecordChange] {
        // A record that replaces an id the new version still has (of any kind) is no rename.
        var newIDs = Set<String>(minimumCapacity: new.identifiedRecordCount)
        func insertIDs<R: IdentifiedRecord>(_ records: [R]) { for index in records.indices { newIDs.insert(records[index].id) } }
        insertIDs(new.sources); insertIDs(new.countries); insertIDs(new.people); insertIDs(new.offices); insertIDs(new.organizations)
        insertIDs(new.mechanisms); insertIDs(new.events); insertIDs(new.agreements); insertIDs(new.statements); insertIDs(new.series)
        // Kind by kind in the format's order, each kind's records compared as they are (none copied into a box).
        var changes: [RecordChange] = []
        compare(old.sources, new.sources, newIDs, into: &changes); compare(old.countries, new.countries, newIDs, into: &changes)
        compare(old.people, new.people, newIDs, into: &changes); compare(old.offices, new.offices, newIDs, into: &changes)
        compare(old.organizations, new.organizations, newIDs, into: &changes); compare(old.mechanisms, new.mechanisms, newIDs, into: &changes)
        compare(old.events, new.events, newIDs, into: &changes); compare(old.agreements, new.agreements, newIDs, into: &changes)
        compare(old.statements, new.statements, newIDs, into: &changes); compare(old.series, new.series, newIDs, into: &changes)
        return changes
    }

    /// The changes of one kind: in the new version's order, then the removals in the old one's.
    private static func compare<R: IdentifiedRecord & TabulatedRecord>(_ old: [R], _ new: [R], _ newIDs: Set<String>,
                                                                       into changes: inout [RecordChange]) {
        var oldIndex: [String: Int] = [:]
        oldIndex.reserveCapacity(old.count)
        for index in old.indices where oldIndex[old[index].id] == nil { oldIndex[old[index].id] = index }
        var consumed = Set<String>()
        for index in new.indices {
            let id = new[index].id
            if let previous = oldIndex[id] {
                consumed.insert(id)
                // Equal records hold the same values (where they are written never counts): most are left alone.
                guard old[previous] != new[index] else { continue }
                let changed = RecordFields.changes(RecordFields.of(old[previous]), RecordFields.of(new[index]))
                if !changed.isEmpty {
                    changes.append(RecordChange(change: .changed, kind: R.kind, id: id, location: new[index].origin.location, fields: changed))
                }
            } else if let replaced = new[index].replaces, !newIDs.contains(replaced), !consumed.contains(replaced), let previous = oldIndex[replaced] {
                consumed.insert(replaced)
                let changed = RecordFields.changes(RecordFields.of(old[previous]), RecordFields.of(new[index]), ignoring: ["id", "replaces"])
                changes.append(RecordChange(change: .renamed, kind: R.kind, id: id, replaces: replaced, location: new[index].origin.location,
                                            fields: changed))
            } else {
                changes.append(RecordChange(change: .added, kind: R.kind, id: id, location: new[index].origin.location,
                                            fields: RecordFields.of(new[index]).dropFirst().map { FieldChange(field: $0.name, old: nil, new: $0.value) }))
            }
        }
        for index in old.indices where !consumed.contains(old[index].id) {
            changes.append(RecordChange(change: .removed, kind: R.kind, id: old[index].id, location: old[index].origin.location,
                                        fields: RecordFields.of(old[index]).dropFirst().map { FieldChange(field: $0.name, old: $0.value, new: nil) }))
        }
    }
}
