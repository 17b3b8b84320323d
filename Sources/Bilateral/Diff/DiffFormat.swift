/// The ways `bilateral diff` prints what changed.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// Records and observations line by line, for a terminal or a CI log.
    case text
    /// Tables for a pull-request comment.
    case markdown
    /// A versioned JSON document (`Schemas/diff-report.schema.json`), for programs.
    case json

    /// The diff as this format prints it.
    public func render(_ diff: DatasetDiff) -> String {
        switch self {
        case .text: DiffTextReport.render(diff)
        case .markdown: DiffMarkdownReport.render(diff)
        case .json: DiffJSONReport.render(diff)
        }
    }

    /// A diff of two versions of a portfolio.
    public func render(_ diff: PortfolioDiff) -> String {
        switch self {
        case .text: PortfolioDiffReport.text(diff)
        case .markdown: PortfolioDiffReport.markdown(diff)
        case .json: PortfolioDiffReport.json(diff)
        }
    }
}

extension DatasetDiff {
    /// How many records changed in each way.
    func count(_ change: RecordChange.Change) -> Int { records.count { $0.change == change } }

    /// Observation counts over every series.
    var observationTotals: (added: Int, removed: Int, revised: Int, unreadable: Int) {
        observations.reduce((0, 0, 0, 0)) { ($0.0 + $1.added, $0.1 + $1.removed, $0.2 + $1.revised, $0.3 + $1.unreadable) }
    }

    /// "2 errors in the new version": the errors that left records out of the diff.
    var errorsSentence: String {
        let count = errors.count
        return "\(count) error\(count == 1 ? "" : "s") in the versions compared"
    }

    /// "1 record added, 2 changed; 3 observations revised in 1 series", or "no changes".
    var summarySentence: String {
        func plural(_ count: Int, _ word: String, _ words: String) -> String { "\(count) \(count == 1 ? word : words)" }
        var parts: [String] = []
        if !metadata.isEmpty { parts.append(plural(metadata.count, "metadata field changed", "metadata fields changed")) }
        let recordCounts = RecordChange.Change.allCases.map { ($0, count($0)) }.filter { $0.1 > 0 }
        if let (first, count) = recordCounts.first {
            parts.append(([plural(count, "record", "records") + " \(first.rawValue)"] + recordCounts.dropFirst().map { "\($0.1) \($0.0.rawValue)" })
                .joined(separator: ", "))
        }
        let totals = observationTotals
        let observationCounts = SeriesChanges.counts(totals.added, totals.removed, totals.revised, totals.unreadable)
        if let (first, count) = observationCounts.first {
            parts.append(([plural(count, "observation", "observations") + " \(first)"] + observationCounts.dropFirst().map { "\($0.1) \($0.0)" })
                .joined(separator: ", ") + " in " + plural(observations.count, "series", "series"))
        }
        if !archives.isEmpty {
            let quotes = archives.reduce(0) { $0 + $1.quotes.count }
            parts.append(plural(archives.count, "archived text changed", "archived texts changed")
                         + (quotes == 0 ? "" : " (" + plural(quotes, "quote rests", "quotes rest") + " on the change)"))
        }
        return parts.isEmpty ? "no changes" : parts.joined(separator: "; ")
    }
}

extension SeriesChanges {
    /// The counts that are not zero, named: [("added", 2), ("revised", 1)].
    static func counts(_ added: Int, _ removed: Int, _ revised: Int, _ unreadable: Int) -> [(String, Int)] {
        [("added", added), ("removed", removed), ("revised", revised), ("unreadable", unreadable)].filter { $0.1 > 0 }
    }

    var counts: [(String, Int)] { Self.counts(added, removed, revised, unreadable) }
}

extension ObservationChange {
    /// "2019-07/2020-06 [hs_code=0306]": the observation's period and dimensions.
    var label: String {
        dimensions.isEmpty ? period : period + " [" + dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + "]"
    }

    /// "12.4 → 13.1 (+0.7)" for a new value; otherwise the value ("12.4").
    var valueText: String {
        switch (old, new) {
        case (let old?, let new?) where old != new: "\(old) → \(new) (\(change ?? ""))"
        case (let value?, _), (nil, let value?): value
        case (nil, nil): ""
        }
    }
}
