extension Rules {
    /// `unknown-reference` and `wrong-reference-kind`: every reference names a record of the right kind,
    /// as the record kinds' field declarations say; and `invalid-value` for a dataset or a joint body
    /// that does not name two different countries.
    static func references(_ context: RuleContext, _ log: inout FindingLog) {
        // The nearest id, once per wrong id and kinds: a shared record renamed leaves every reference to it
        // wrong, and each would otherwise measure itself against every id again.
        var suggestions: [Set<RecordKind>: [String: String?]] = [:]
        var candidates: [Set<RecordKind>: [String]] = [:]
        func nearest(_ id: String, _ expected: Set<RecordKind>) -> String? {
            if let known = suggestions[expected]?[id] { return known }
            let ids = candidates[expected] ?? context.ids(of: expected)
            candidates[expected] = ids
            let found = Suggestion.closest(to: id, in: ids)
            suggestions[expected, default: [:]][id] = .some(found)
            return found
        }
        func check(_ id: String?, _ expected: Set<RecordKind>, at location: SourceLocation, field: String) {
            guard let id else { return }
            let names = expected.sorted().map(\.rawValue).joined(separator: " or ")
            if let kind = context.kinds[id] {
                if !expected.contains(kind) {
                    log.add(.wrongReferenceKind, at: location, "'\(field)' names '\(id)', which is \(kind.withArticle), not \(expected.sorted().map(\.withArticle).joined(separator: " or "))",
                            hint: nearest(id, expected).map(Suggestion.sentence))
                }
                return
            }
            if context.declaredIDs[id] != nil { return }
            let suggestion = nearest(id, expected)
            var finding = Finding(.unknownReference, at: location, "'\(field)' names '\(id)', but no \(names) has that id",
                                  hint: suggestion.map(Suggestion.sentence) ?? "add the record, or correct the id")
            finding.missingID = id
            finding.fix = suggestion.map(FindingFix.replace)
            log.add(finding)
        }
        func checkAll(_ ids: [String], _ expected: Set<RecordKind>, _ origin: Origin, _ field: String) {
            for (index, id) in ids.enumerated() { check(id, expected, at: origin[field, index], field: field) }
        }
        /// Checks every reference field of the records, as their kind declares it.
        func checkFields<R: DeclaredFields>(_ records: [R]) {
            let referring = R.fields.compactMap { field -> (Field<R>, Set<RecordKind>)? in
                guard field.placement != .citations else { return nil }
                switch field.column.kind {
                case .reference(let tables), .references(let tables): return (field, Set(tables.compactMap(RecordKind.init(collection:))))
                default: return nil
                }
            }
            guard !referring.isEmpty else { return }
            for record in records {
                for (field, kinds) in referring {
                    switch field.cell(record) {
                    case .reference(let id): check(id, kinds, at: record.origin[field.name], field: field.name)
                    case .references(let ids): checkAll(ids, kinds, record.origin, field.name)
                    default: break
                    }
                }
            }
        }
        let d = context.dataset
        checkFields([d.metadata])
        if d.metadata.countries.count != 2 || Set(d.metadata.countries).count != 2 {
            log.add(.invalidValue, at: d.metadata.origin["countries"],
                    "the dataset names \(d.metadata.countries.count) countries; a bilateral dataset names two different ones",
                    hint: "write 'countries: [first, second]' with two country ids")
        }
        checkFields(d.people); checkFields(d.offices); checkFields(d.organizations); checkFields(d.mechanisms)
        checkFields(d.events); checkFields(d.agreements); checkFields(d.statements); checkFields(d.series)
        checkFields(d.observations)
        checkFields(d.acknowledgements)
        for r in d.organizations where !r.countries.isEmpty {
            if r.country != nil {
                log.add(.invalidValue, at: r.origin["countries"], "\(r.label) has both 'country' and 'countries'",
                        hint: "a body of one country has 'country'; a joint body of both has 'countries' alone")
            } else if r.countries.count != 2 || Set(r.countries).count != 2 {
                log.add(.invalidValue, at: r.origin["countries"], "\(r.label) names \(r.countries.count) countries; a joint body names the two countries that own it",
                        hint: "write 'countries: [first, second]'")
            }
        }
        for record in context.citingRecords {
            for (index, citation) in record.citations.enumerated() {
                let location = record.origin.fields["sources[\(index)].source"] ?? record.origin["sources", index]
                check(citation.source, [.source], at: location, field: "sources")
            }
        }
    }
}
