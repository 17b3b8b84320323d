extension Rules {
    /// `duplicate-id`: ids are unique across the whole dataset, whatever the record kind.
    /// `replaced-id-in-use`: see `replacedIDs`.
    static func uniqueIDs(_ context: RuleContext, _ log: inout FindingLog) {
        var first: [String: (RecordKind, SourceLocation)] = [:]
        func visit(_ id: String?, _ kind: RecordKind, _ origin: Origin) {
            guard let id else { return }
            let location = origin["id"]
            if let (kind, earlier) = first[id] {
                let place = earlier.file == location.file ? "line \(earlier.line)" : "\(earlier.file):\(earlier.line)"
                var finding = Finding(.duplicateID, at: location, "duplicate id '\(id)'; \(kind.withArticle) at \(place) has it already",
                                      hint: "give each record its own id")
                finding.related = [RelatedLocation(earlier, "\(kind.withArticle) with the id '\(id)'")]
                log.add(finding)
            } else {
                first[id] = (kind, location)
            }
        }
        let identities = context.dataset.identities
        for record in identities { visit(record.id, record.kind, record.origin) }
        for observation in context.dataset.observations { visit(observation.id, .observation, observation.origin) }
        replacedIDs(identities, ids: first, &log)
    }

    /// `replaced-id-in-use`: the id a renamed record `replaces` is gone, and only one record replaces it.
    private static func replacedIDs(_ identities: [RecordIdentity], ids: [String: (RecordKind, SourceLocation)], _ log: inout FindingLog) {
        var replacer: [String: (label: String, line: Int)] = [:]
        for record in identities {
            guard let old = record.replaces else { continue }
            let location = record.origin["replaces"]
            if let (kind, holder) = ids[old] {
                log.add(.replacedIDInUse, at: location, "\(record.label) replaces '\(old)', which \(kind.withArticle) at line \(holder.line) still has",
                        hint: "rename that record too, or remove 'replaces'")
            } else if let earlier = replacer[old] {
                log.add(.replacedIDInUse, at: location, "\(record.label) replaces '\(old)', which \(earlier.label) at line \(earlier.line) replaces already",
                        hint: "a renamed id has one successor; remove one of the two 'replaces'")
            } else {
                replacer[old] = (record.label, location.line)
            }
        }
    }
}
