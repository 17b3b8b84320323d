extension Rules {
    /// `duplicate-id`: ids are unique across the whole dataset, whatever the record kind.
    static func uniqueIDs(_ context: RuleContext, _ log: inout FindingLog) {
        var first: [String: (RecordKind, SourceLocation)] = [:]
        func visit(_ id: String?, _ kind: RecordKind, _ origin: Origin) {
            guard let id else { return }
            let location = origin["id"]
            if let (kind, earlier) = first[id] {
                log.add(.duplicateID, at: location, "duplicate id '\(id)'; \(kind.withArticle) at line \(earlier.line) has it already",
                        hint: "give each record its own id")
            } else {
                first[id] = (kind, location)
            }
        }
        func visit<R: IdentifiedRecord>(_ records: [R]) { for record in records { visit(record.id, R.kind, record.origin) } }
        let d = context.dataset
        visit(d.sources); visit(d.countries); visit(d.people); visit(d.offices); visit(d.organizations)
        visit(d.mechanisms); visit(d.events); visit(d.agreements); visit(d.statements); visit(d.series)
        for observation in d.observations { visit(observation.id, .observation, observation.origin) }
    }
}
