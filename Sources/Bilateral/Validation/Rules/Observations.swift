extension Rules {
    /// `missing-field` on series: a series says what it counts, money (`currency`) or a `unit`; and
    /// `invalid-value`: its dimensions do not take the name of an observation's own field.
    static func seriesUnits(_ context: RuleContext, _ log: inout FindingLog) {
        for series in context.dataset.series {
            if series.currency == nil && series.unit == nil {
                log.add(.missingField, at: series.origin.location, "series '\(series.id)' has neither 'currency' nor 'unit'",
                        hint: "add 'currency: USD' for money or 'unit: persons' for counts")
            }
            for (index, name) in series.dimensions.enumerated() where Observation.reservedNames.contains(name) {
                log.add(.invalidValue, at: series.origin["dimensions", index],
                        "dimension '\(name)' has the name of an observation field",
                        hint: "rename it, for example to '\(series.id.replacingOccurrences(of: "-", with: "_"))_\(name)'")
            }
        }
    }

    /// Observations in the document: period, decimals and dimensions.
    static func observations(_ context: RuleContext, _ log: inout FindingLog) {
        for observation in context.dataset.observations {
            guard let series = context.seriesByID[observation.series] else { continue }
            if let problem = ObservationChecks.period(observation.period, kind: observation.periodKind ?? series.periodKind) {
                log.add(problem.code, at: observation.origin["period"], problem.message, hint: problem.hint)
            }
            if let problem = ObservationChecks.decimals(observation.value, series: series) {
                log.add(problem.code, at: observation.origin["value"], problem.message, hint: problem.hint)
            }
            for name in observation.dimensions.keys.sorted() where !series.dimensions.contains(name) {
                log.add(.unknownField, at: observation.origin["dimensions.\(name)"],
                        "dimension '\(name)' is not one of series '\(series.id)''s dimensions",
                        hint: Suggestion.hint(for: name, in: series.dimensions) ?? "add it to the series' 'dimensions'")
            }
        }
    }

    /// `components-mismatch`: the components of a total add up to it, within the total's written precision.
    static func components(_ context: RuleContext, _ log: inout FindingLog) {
        var parts: [String: [Observation]] = [:]
        for observation in context.dataset.observations {
            if let total = observation.partOf { parts[total, default: []].append(observation) }
        }
        for (totalID, components) in parts.sorted(by: { $0.key < $1.key }) {
            guard let total = context.observationsByID[totalID] else { continue }
            let sum = components.reduce(0.0) { $0 + $1.value.value }
            let digits = max(total.value.fractionDigits, components.map(\.value.fractionDigits).max() ?? 0)
            let tolerance = 0.5 * Number.powerOfTen(-total.value.fractionDigits) + 1e-9 * max(1, abs(total.value.value))
            guard abs(sum - total.value.value) > tolerance else { continue }
            let shown = components.map { "\($0.id ?? $0.period.description) \($0.value)" }.joined(separator: " + ")
            log.add(.componentsMismatch, at: total.origin["value"],
                    "total '\(totalID)' is \(total.value), but its components add up to \(Number(sum, fractionDigits: digits)) (\(shown))",
                    hint: "correct the total or a component; a rounded total may differ by half its last digit")
        }
    }
}
