/// A portfolio diff as text (a line per changed relationship and per changed shared record), Markdown
/// (two tables, for a pull-request comment) or versioned JSON (`Schemas/portfolio-diff-report.schema.json`).
/// Text from the datasets goes through `VisibleText`, and in Markdown is escaped too.
enum PortfolioDiffReport {
    static let version = 1

    static func text(_ diff: PortfolioDiff) -> String {
        var out = "--- \(VisibleText.escaped(diff.old))\n+++ \(VisibleText.escaped(diff.new))\n"
        for relationship in diff.relationships where relationship.change != .unchanged {
            out += VisibleText.escaped("\(mark(relationship.change)) \(relationship.name): \(summary(relationship))") + "\n"
        }
        for record in diff.shared {
            out += VisibleText.escaped("\(mark(record.change)) shared \(name(record)) (\(record.location.file):\(record.location.line)), \(users(record))") + "\n"
        }
        return out + (diff.isEmpty ? "No changes.\n" : "Changes: \(sentence(diff)).\n")
    }

    static func markdown(_ diff: PortfolioDiff) -> String {
        var out = "### Portfolio changes: `\(code(diff.old))` → `\(code(diff.new))`\n\n"
        guard !diff.isEmpty else { return out + "No changes.\n" }
        out += "**Changes:** \(sentence(diff)).\n\n| change | relationship | summary |\n|---|---|---|\n"
        for relationship in diff.relationships where relationship.change != .unchanged {
            out += "| \(relationship.change.rawValue) | `\(code(relationship.name))` | \(escaped(summary(relationship))) |\n"
        }
        if !diff.shared.isEmpty {
            out += "\n| change | shared record | written at | relationships |\n|---|---|---|---|\n"
            for record in diff.shared {
                out += "| \(record.change.rawValue) | \(record.kind.rawValue) `\(code(record.id))` | \(escaped("\(record.location.file):\(record.location.line)")) | "
                    + (record.relationships.isEmpty ? "none: no dataset includes its document" : record.relationships.map { "`\(code($0))`" }.joined(separator: ", ")) + " |\n"
            }
        }
        return out
    }

    static func json(_ diff: PortfolioDiff) -> String {
        let document: JSONValue = .object([
            ("report", "bilateral-portfolio-diff"),
            ("version", .integer(version)),
            ("old", .string(diff.old)),
            ("new", .string(diff.new)),
            ("equal", .bool(diff.isEmpty)),
            ("summary", .object(PortfolioDiff.Relationship.Change.allCases.map { ($0.rawValue, .integer(diff.count($0))) }
                + [("shared_records", .integer(diff.shared.count))])),
            ("relationships", .array(diff.relationships.map { relationship in
                var members: [(String, JSONValue)] = [("name", .string(relationship.name)), ("change", .string(relationship.change.rawValue)),
                                                      ("title", .string(relationship.title))]
                if let changes = relationship.diff {
                    let totals = changes.observationTotals
                    members.append(("metadata", .integer(changes.metadata.count)))
                    members.append(("records", .object(RecordChange.Change.allCases.map { ($0.rawValue, .integer(changes.count($0))) })))
                    members.append(("observations", .object([("added", .integer(totals.added)), ("removed", .integer(totals.removed)),
                                                             ("revised", .integer(totals.revised)), ("unreadable", .integer(totals.unreadable))])))
                    members.append(("archives", .integer(changes.archives.count)))
                    members.append(("shared_record_changes", .integer(relationship.sharedRecordChanges.count)))
                    members.append(("errors", .integer(changes.errors.count)))
                }
                return .object(members)
            })),
            ("shared_records", .array(diff.shared.map { record in
                var members: [(String, JSONValue)] = [("change", .string(record.change.rawValue)), ("kind", .string(record.kind.rawValue)),
                                                      ("id", .string(record.id))]
                if let replaces = record.replaces { members.append(("replaces", .string(replaces))) }
                members += [("location", .object([("file", .string(record.location.file)), ("line", .integer(record.location.line)),
                                                  ("column", .integer(record.location.column))])),
                            ("relationships", .array(record.relationships.map(JSONValue.string)))]
                return .object(members)
            })),
        ])
        return document.text
    }

    private static func mark(_ change: PortfolioDiff.Relationship.Change) -> String {
        switch change { case .added: "+"; case .removed: "-"; case .changed: "~"; case .unchanged: " " }
    }

    private static func mark(_ change: RecordChange.Change) -> String {
        switch change { case .added: "+"; case .removed: "-"; case .changed: "~"; case .renamed: ">" }
    }

    /// "in fr-de.yaml, fr-it.yaml", or that no dataset includes the record's document.
    private static func users(_ record: PortfolioDiff.SharedChange) -> String {
        record.relationships.isEmpty ? "in no relationship: no dataset includes its document" : "in " + record.relationships.joined(separator: ", ")
    }

    private static func name(_ record: PortfolioDiff.SharedChange) -> String {
        "\(record.kind.rawValue) \(record.id)" + (record.replaces.map { ", renamed from \($0)" } ?? "")
    }

    /// "added (France–Spain relations)", or the relationship diff's summary and its errors.
    private static func summary(_ relationship: PortfolioDiff.Relationship) -> String {
        guard let diff = relationship.diff else { return "\(relationship.change.rawValue) (\(relationship.title))" }
        let shared = relationship.sharedRecordChanges.count
        return diff.summarySentence + (shared == 0 ? "" : " (\(shared) of them in shared records)")
            + (diff.errors.isEmpty ? "" : "; \(diff.errorsSentence)")
    }

    /// "2 relationships changed, 1 added (3 unchanged); 1 shared record changed".
    private static func sentence(_ diff: PortfolioDiff) -> String {
        let counts = PortfolioDiff.Relationship.Change.allCases.filter { $0 != .unchanged }.map { ($0, diff.count($0)) }.filter { $0.1 > 0 }
        var text = counts.enumerated().map { index, pair in
            index == 0 ? "\(pair.1) relationship\(pair.1 == 1 ? "" : "s") \(pair.0.rawValue)" : "\(pair.1) \(pair.0.rawValue)"
        }.joined(separator: ", ")
        if counts.isEmpty { text = "no relationship changed" }
        text += " (\(diff.count(.unchanged)) unchanged)"
        if !diff.shared.isEmpty { text += "; \(diff.shared.count) shared record\(diff.shared.count == 1 ? "" : "s") changed" }
        return text
    }

    private static func escaped(_ text: String) -> String { DiffMarkdownReport.escaped(text) }

    private static func code(_ text: String) -> String { DiffMarkdownReport.code(text) }
}
