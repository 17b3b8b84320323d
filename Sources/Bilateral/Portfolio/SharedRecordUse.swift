/// Which records of its included record documents a relationship uses: those its own document refers
/// to, directly or through other records it uses (a shared person in an event, that person's source),
/// and the offices of the people it uses, which describe them.
public struct SharedRecordUse: Sendable {
    /// Every record the dataset took from an included record document.
    public let shared: [RecordIdentity]
    /// The ids of those the relationship uses.
    public let used: Set<String>

    /// - Parameter dataset: a dataset whose records' origins say which file each came from.
    public init(_ dataset: Dataset) {
        let own = dataset.metadata.origin.location.file
        var references: [String: [String]] = [:]
        var reached: [String] = dataset.metadata.referencedIDs
        var shared: [RecordIdentity] = []
        func add<R: IdentifiedRecord & DeclaredFields>(_ records: [R]) {
            for record in records {
                var ids = record.referencedIDs
                if let citing = record as? any CitingRecord { ids += citing.citations.map(\.source) }
                if record.origin.location.file == own { reached += ids } else {
                    references[record.id] = ids
                    shared.append(RecordIdentity(id: record.id, replaces: record.replaces, kind: R.kind, origin: record.origin))
                }
            }
        }
        add(dataset.sources); add(dataset.countries); add(dataset.people); add(dataset.offices)
        add(dataset.organizations); add(dataset.mechanisms); add(dataset.events); add(dataset.agreements)
        add(dataset.statements); add(dataset.series)
        for observation in dataset.observations { reached += observation.referencedIDs + observation.citations.map(\.source) }
        var officesOf: [String: [String]] = [:]
        for office in dataset.offices { officesOf[office.person, default: []].append(office.id) }
        var used = Set<String>()
        while let id = reached.popLast() {
            guard used.insert(id).inserted else { continue }
            reached += references[id] ?? []
            reached += officesOf[id] ?? []
        }
        self.shared = shared
        self.used = used
    }
}

extension DeclaredFields {
    /// Every id the record's reference fields name, its citations aside.
    var referencedIDs: [String] {
        Self.fields.flatMap { field -> [String] in
            // Only reference fields are read: making another field's cell would format its value.
            switch field.column.kind {
            case .reference, .references: guard field.placement != .citations else { return [] }
            default: return []
            }
            switch field.cell(self) {
            case .reference(let id): return [id]
            case .references(let ids): return ids
            default: return []
            }
        }
    }
}
