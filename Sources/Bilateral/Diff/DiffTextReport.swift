/// The diff for a terminal or a CI log: a line per record (`+` added, `-` removed, `~` changed,
/// `>` renamed) with its fields beneath, then each series' observations, then a summary line.
/// Values are quoted as JSON strings and paths go through `VisibleText`, so line breaks, separators,
/// bidirectional controls and spaces stay visible.
enum DiffTextReport {
    static func render(_ diff: DatasetDiff) -> String {
        var out = "--- \(VisibleText.escaped(diff.old))\n+++ \(VisibleText.escaped(diff.new))\n"
        if !diff.errors.isEmpty {
            out += "! \(diff.errorsSentence); the records they keep from being read are left out:\n"
            for error in diff.errors {
                out += VisibleText.escaped("!   \(error.location): error[\(error.code.rawValue)]: \(error.message)") + "\n"
            }
        }
        if !diff.metadata.isEmpty {
            out += "~ dataset\n"
            for field in diff.metadata { out += "    " + line(field) + "\n" }
        }
        for record in diff.records {
            let mark = switch record.change { case .added: "+"; case .removed: "-"; case .changed: "~"; case .renamed: ">" }
            let renamed = record.replaces.map { ", renamed from \($0)" } ?? ""
            out += VisibleText.escaped("\(mark) \(record.kind.rawValue) \(record.id)\(renamed)  (\(record.location.file):\(record.location.line))") + "\n"
            let whole = record.change == .added || record.change == .removed
            for field in record.fields { out += "    " + line(field, whole: whole) + "\n" }
        }
        for series in diff.observations {
            let counts = series.counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
            out += "~ observations of series \(series.series): \(counts)\n"
            for (word, changes) in [("revised", series.largestRevisions), ("added", series.firstAdded), ("removed", series.firstRemoved)] {
                for change in changes {
                    out += VisibleText.escaped("    \(word) \(change.label): \(change.valueText)  (\(change.location.file):\(change.location.line))") + "\n"
                    for field in change.fields { out += "        " + line(field) + "\n" }
                }
            }
        }
        for archive in diff.archives {
            out += VisibleText.escaped("~ archived text of source \(archive.source): \(archive.linesText)  (\(archive.location.file):\(archive.location.line))") + "\n"
            for quote in archive.quotes {
                out += VisibleText.escaped("    now supports \(quote.record): \(JSONText.quoted(quote.quote))  (\(quote.location.file):\(quote.location.line))") + "\n"
            }
        }
        out += diff.isEmpty ? "No changes.\n" : "Changes: \(diff.summarySentence).\n"
        return out
    }

    /// "title: "…"" for a field of a record added or removed; "title: "…" → "…"" for a change.
    private static func line(_ field: FieldChange, whole: Bool = false) -> String {
        if whole, let value = field.new ?? field.old { return VisibleText.escaped("\(field.field): \(JSONText.quoted(value))") }
        return VisibleText.escaped("\(field.field): \(field.old.map(JSONText.quoted) ?? "(none)") → \(field.new.map(JSONText.quoted) ?? "(none)")")
    }
}
