extension Rules {
    /// Marks each warning the dataset acknowledges for its record as acknowledged, with the reason as
    /// its hint; `invalid-value` for an acknowledgement of an error, which must be fixed, and
    /// `unused-acknowledgement` for one that matches no warning. Runs after every other rule.
    static func acknowledgements(_ context: RuleContext, _ log: inout FindingLog) {
        let acknowledgements = context.dataset.acknowledgements
        guard !acknowledgements.isEmpty else { return }
        var wanted: [String: [Int]] = [:]
        for (index, acknowledgement) in acknowledgements.enumerated() {
            guard acknowledgement.code.severity == .warning else {
                log.add(.invalidValue, at: acknowledgement.origin["code"],
                        "'\(acknowledgement.code.rawValue)' is an error; only warnings can be acknowledged",
                        hint: "fix the error instead; an error means the dataset cannot be read or exported as it is")
                continue
            }
            wanted["\(acknowledgement.record) \(acknowledgement.code.rawValue)", default: []].append(index)
        }
        let records = RecordStarts(context.dataset)
        var used = Set<Int>()
        log.update { finding in
            guard finding.severity == .warning, let record = records.record(containing: finding.location),
                  let indexes = wanted["\(record) \(finding.code.rawValue)"] else { return }
            used.formUnion(indexes)
            finding.severity = .acknowledged
            finding.hint = "acknowledged: " + acknowledgements[indexes[0]].reason
        }
        for (index, acknowledgement) in acknowledgements.enumerated()
        where acknowledgement.code.severity == .warning && !used.contains(index) {
            log.add(.unusedAcknowledgement, at: acknowledgement.origin.location,
                    "no '\(acknowledgement.code.rawValue)' warning is reported for '\(acknowledgement.record)'",
                    hint: "remove the acknowledgement if the warning was fixed, or correct its record or code")
        }
    }
}

/// Where each record with an id begins, so that a finding's location names the record it is in: the
/// last record that begins at or before it in the same file.
struct RecordStarts {
    /// Observations without an id are kept too, so that a finding on one names no record.
    private var starts: [(location: SourceLocation, id: String?)] = []

    init(_ dataset: Dataset) {
        for record in dataset.identities { starts.append((record.origin.location, record.id)) }
        for observation in dataset.observations { starts.append((observation.origin.location, observation.id)) }
        starts.sort { $0.location < $1.location }
    }

    func record(containing location: SourceLocation) -> String? {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle].location <= location { low = middle + 1 } else { high = middle }
        }
        guard low > 0, starts[low - 1].location.file == location.file else { return nil }
        return starts[low - 1].id
    }
}
