/// What `bilateral import` prints: its findings and notes, then the record-level diff of what it
/// changed (or would change), as text, Markdown or versioned JSON (`Schemas/import-report.schema.json`).
public struct ImportReport: Sendable {
    /// The import's outcome.
    public var outcome: DatasetImport.Outcome
    /// Nothing is written.
    public var dryRun: Bool
    /// The files are being written.
    public var applied: Bool

    /// A report of `outcome`.
    public init(outcome: DatasetImport.Outcome, dryRun: Bool, applied: Bool) {
        self.outcome = outcome
        self.dryRun = dryRun
        self.applied = applied
    }

    /// The report in `format`.
    public func render(_ format: DiffFormat) -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: json
        }
    }

    private var text: String {
        var lines: [String] = outcome.findings.map(\.description)
        lines += outcome.notes.map { "note: " + VisibleText.escaped($0) }
        var text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        if let diff = outcome.diff, !outcome.hasErrors {
            text += diff.isEmpty ? "nothing to import: the dataset already has everything the input holds\n" : DiffFormat.text.render(diff)
        }
        return text
    }

    private var markdown: String {
        var text = ""
        if !outcome.findings.isEmpty {
            text += "### Import refused\n\n" + outcome.findings.map { finding in
                "- `\(DiffMarkdownReport.code(finding.place))` **\(finding.code)**: \(DiffMarkdownReport.escaped(finding.message))"
                    + (finding.landsAt.map { " (lands on `\(DiffMarkdownReport.code($0.description))`)" } ?? "")
            }.joined(separator: "\n") + "\n\n"
        }
        for note in outcome.notes { text += "> " + DiffMarkdownReport.escaped(note) + "\n\n" }
        if let diff = outcome.diff, !outcome.hasErrors {
            text += diff.isEmpty ? "Nothing to import: the dataset already has everything the input holds.\n" : DiffFormat.markdown.render(diff)
        }
        return text
    }

    private var json: String {
        let findings = outcome.findings.map { finding in
            var fields = ["\"code\":" + JSONText.quoted(finding.code), "\"place\":" + JSONText.quoted(finding.place),
                          "\"severity\":" + JSONText.quoted(finding.isError ? "error" : "warning"), "\"message\":" + JSONText.quoted(finding.message)]
            if let hint = finding.hint { fields.append("\"hint\":" + JSONText.quoted(hint)) }
            if let landsAt = finding.landsAt {
                fields.append("\"lands_on\":{\"file\":\(JSONText.quoted(landsAt.file)),\"line\":\(landsAt.line),\"column\":\(landsAt.column)}")
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let diff = outcome.diff.map { outcome.hasErrors ? "null" : DiffFormat.json.render($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "null"
        return "{\"format\":\"bilateral-import/1\",\"dry_run\":\(dryRun),\"applied\":\(applied),"
            + "\"findings\":[" + findings.joined(separator: ",") + "],"
            + "\"notes\":[" + outcome.notes.map(JSONText.quoted).joined(separator: ",") + "],"
            + "\"files\":[" + outcome.files.map { JSONText.quoted($0.path) }.joined(separator: ",") + "],"
            + "\"diff\":" + diff + "}\n"
    }
}
