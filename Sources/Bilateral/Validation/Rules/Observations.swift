extension Rules {
    /// `missing-field` on series: a series says what it counts, money (`currency`) or a `unit`, and
    /// the first month of its `fiscal-year` periods; and
    /// `invalid-value`: its dimensions do not take the name of an observation's own field.
    static func seriesUnits(_ context: RuleContext, _ log: inout FindingLog) {
        let fiscalYearSeries = Set(context.dataset.observations.lazy.filter { $0.periodKind == .fiscalYear }.map(\.series))
        for series in context.dataset.series {
            if series.fiscalYearStart == nil, series.periodKind == .fiscalYear || fiscalYearSeries.contains(series.id) {
                log.add(.missingField, at: series.origin["period_kind"], "series '\(series.id)' has fiscal-year periods but no 'fiscal_year_start'",
                        hint: "add the fiscal year's first month, such as 'fiscal_year_start: 10' for October to September")
            }
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
            if let problem = ObservationChecks.period(observation.period, kind: observation.periodKind ?? series.periodKind,
                                                                fiscalYearStart: series.fiscalYearStart) {
                log.add(problem.code, at: observation.origin["period"], problem.message, hint: problem.hint)
            }
            if let problem = ObservationChecks.currency(observation.period, series: series) {
                log.add(problem.code, at: observation.origin["period"], problem.message, hint: problem.hint)
            }
            if (observation.statedAmount == nil) != (observation.statedUnit == nil) {
                let missing = observation.statedAmount == nil ? "stated_amount" : "stated_unit"
                log.add(.missingField, at: observation.origin[observation.statedAmount == nil ? "stated_unit" : "stated_amount"],
                        "\(observation.label) has \(missing == "stated_unit" ? "'stated_amount' but no 'stated_unit'" : "'stated_unit' but no 'stated_amount'")",
                        hint: "give the amount the source set and its unit of account together, such as stated_amount: 10 and stated_unit: UTA")
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
            let rounding = total.independentlyRounded
                ? 0.5 * Number.powerOfTen(-digits) * Double(components.count) + 0.5 * Number.powerOfTen(-total.value.fractionDigits)
                : 0.5 * Number.powerOfTen(-total.value.fractionDigits)
            let tolerance = max(rounding, total.tolerance?.value ?? 0) + 1e-9 * max(1, abs(total.value.value))
            guard abs(sum - total.value.value) > tolerance else { continue }
            let shown = components.map { "\($0.id ?? $0.period.description) \($0.value)" }.joined(separator: " + ")
            log.add(.componentsMismatch, at: total.origin["value"],
                    "total '\(totalID)' is \(total.value), but its components add up to \(Number(sum, fractionDigits: digits)) (\(shown))",
                    hint: total.independentlyRounded || total.tolerance != nil
                        ? "correct the total or a component; the difference is more than the total's rounding or tolerance allows"
                        : "correct the total or a component; a rounded total may differ by half its last digit, and a source that rounds each part on its own is marked 'independently_rounded: true' or given a 'tolerance'")
        }
    }
}
