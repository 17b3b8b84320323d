extension Rules {
    /// `missing-source` and `unused-source`: every fact-bearing record cites a source, and every source the
    /// dataset document itself holds is cited.
    static func citations(_ context: RuleContext, _ log: inout FindingLog) {
        let d = context.dataset
        var cited = Set<String>()
        for record in context.citingRecords {
            cited.formUnion(record.citations.map(\.source))
            guard record.citations.isEmpty else { continue }
            if let observation = record as? Observation,
               let series = context.seriesByID[observation.series], !series.citations.isEmpty { continue }
            log.add(.missingSource, at: record.origin.location, "\(record.label) cites no source",
                    hint: "add 'sources: [source-id]' naming where the fact comes from")
        }
        // A shared source from a record document may serve other relationships: only the document's own are reported.
        for source in d.sources where !cited.contains(source.id) && source.origin.location.file == d.metadata.origin.location.file {
            log.add(.unusedSource, at: source.origin["id"], "source '\(source.id)' is not cited by any record",
                    hint: "cite it from the records it supports, or remove it")
        }
    }
}
