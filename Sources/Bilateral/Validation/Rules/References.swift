extension Rules {
    /// `unknown-reference` and `wrong-reference-kind`: every reference names a record of the right kind.
    static func references(_ context: RuleContext, _ log: inout FindingLog) {
        func check(_ id: String?, _ expected: Set<RecordKind>, at location: SourceLocation, field: String) {
            guard let id else { return }
            let names = expected.sorted().map(\.rawValue).joined(separator: " or ")
            if let kind = context.kinds[id] {
                if !expected.contains(kind) {
                    log.add(.wrongReferenceKind, at: location, "'\(field)' names '\(id)', which is \(kind.withArticle), not \(expected.sorted().map(\.withArticle).joined(separator: " or "))",
                            hint: Suggestion.hint(for: id, in: context.ids(of: expected)))
                }
                return
            }
            if context.declaredIDs[id] != nil { return }
            log.add(.unknownReference, at: location, "'\(field)' names '\(id)', but no \(names) has that id",
                    hint: Suggestion.hint(for: id, in: context.ids(of: expected)) ?? "add the record, or correct the id")
        }
        func checkAll(_ ids: [String], _ expected: Set<RecordKind>, _ origin: Origin, _ field: String) {
            for (index, id) in ids.enumerated() { check(id, expected, at: origin[field, index], field: field) }
        }
        let d = context.dataset
        checkAll(d.metadata.countries, [.country], d.metadata.origin, "countries")
        if d.metadata.countries.count != 2 || Set(d.metadata.countries).count != 2 {
            log.add(.invalidValue, at: d.metadata.origin["countries"],
                    "the dataset names \(d.metadata.countries.count) countries; a bilateral dataset names two different ones",
                    hint: "write 'countries: [first, second]' with two country ids")
        }
        for r in d.people { check(r.country, [.country], at: r.origin["country"], field: "country") }
        for r in d.offices {
            check(r.person, [.person], at: r.origin["person"], field: "person")
            check(r.organization, [.organization], at: r.origin["organization"], field: "organization")
            check(r.country, [.country], at: r.origin["country"], field: "country")
        }
        for r in d.organizations { check(r.country, [.country], at: r.origin["country"], field: "country") }
        for r in d.events {
            check(r.country, [.country], at: r.origin["country"], field: "country")
            checkAll(r.visitors, [.person], r.origin, "visitors")
            checkAll(r.hosts, [.person], r.origin, "hosts")
            checkAll(r.participants, [.person], r.origin, "participants")
            checkAll(r.invitedBy, [.person], r.origin, "invited_by")
            check(r.mechanism, [.mechanism], at: r.origin["mechanism"], field: "mechanism")
        }
        for r in d.agreements { check(r.supersededBy, [.agreement], at: r.origin["superseded_by"], field: "superseded_by") }
        for r in d.series {
            check(r.reporter, [.country, .organization], at: r.origin["reporter"], field: "reporter")
            check(r.partner, [.country], at: r.origin["partner"], field: "partner")
        }
        for r in d.observations {
            check(r.series, [.series], at: r.origin["series"], field: "series")
            check(r.partOf, [.observation], at: r.origin["part_of"], field: "part_of")
        }
        for record in context.citingRecords {
            for (index, citation) in record.citations.enumerated() {
                let location = record.origin.fields["sources[\(index)].source"] ?? record.origin["sources", index]
                check(citation.source, [.source], at: location, field: "sources")
            }
        }
    }
}
