extension Rules {
    /// `duplicate-id`: ids are unique across the whole dataset, whatever the record kind.
    static func uniqueIDs(_ context: RuleContext, _ log: inout FindingLog) {
        var first: [String: (RecordKind, SourceLocation)] = [:]
        func visit<R: Record>(_ records: [R]) {
            for record in records {
                let location = record.origin["id"]
                if let (kind, earlier) = first[record.id] {
                    log.add(.duplicateID, at: location, "duplicate id '\(record.id)'; \(kind.withArticle) at line \(earlier.line) has it already",
                            hint: "give each record its own id")
                } else {
                    first[record.id] = (R.kind, location)
                }
            }
        }
        let d = context.dataset
        visit(d.sources); visit(d.countries); visit(d.people); visit(d.offices); visit(d.organizations)
        visit(d.mechanisms); visit(d.events); visit(d.agreements); visit(d.statements); visit(d.series)
        visit(d.observations)
    }
}
