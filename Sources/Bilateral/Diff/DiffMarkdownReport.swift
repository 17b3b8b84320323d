/// The diff as a pull-request comment (GitHub-flavoured Markdown): a summary line, a table of record
/// changes with a row per field, and a table of the series whose observations changed. Text from the
/// dataset is escaped, so nothing in it is read as markup.
enum DiffMarkdownReport {
    static func render(_ diff: DatasetDiff) -> String {
        var out = "### Dataset changes: `\(code(diff.old))` → `\(code(diff.new))`\n\n"
        guard !diff.isEmpty else { return out + "No changes.\n" }
        if !diff.errors.isEmpty {
            out += "> [!WARNING]\n> \(diff.errorsSentence); the records they keep from being read are left out of this diff:\n"
            for error in diff.errors {
                out += "> - \(escaped("\(error.location)")): `\(error.code.rawValue)` \(escaped(error.message))\n"
            }
            out += "\n"
        }
        out += "**Changes:** \(diff.summarySentence).\n"
        if !diff.metadata.isEmpty || !diff.records.isEmpty {
            out += "\n| change | record | field | old | new |\n|---|---|---|---|---|\n"
            for (index, field) in diff.metadata.enumerated() {
                out += row([index == 0 ? "changed" : "", index == 0 ? "dataset" : "", field.field, cell(field.old), cell(field.new)])
            }
            for record in diff.records {
                let name = "\(record.kind.rawValue) `\(code(record.id))`" + (record.replaces.map { " (was `\(code($0))`)" } ?? "")
                let place = "\(record.location.file):\(record.location.line)"
                if record.fields.isEmpty { out += row([record.change.rawValue, name + "<br>" + escaped(place), "", "", ""]) }
                for (index, field) in record.fields.enumerated() {
                    out += row([index == 0 ? record.change.rawValue : "", index == 0 ? name + "<br>" + escaped(place) : "",
                                escaped(field.field), cell(field.old), cell(field.new)])
                }
            }
        }
        if !diff.observations.isEmpty {
            out += "\n| series | added | removed | revised | largest revisions |\n|---|---|---|---|---|\n"
            for series in diff.observations {
                var revisions = series.largestRevisions.map { escaped("\($0.label): \($0.valueText)") }.joined(separator: "<br>")
                if series.unreadable > 0 { revisions += (revisions.isEmpty ? "" : "<br>") + "\(series.unreadable) rows could not be read" }
                out += row(["`\(code(series.series))`", "\(series.added)", "\(series.removed)", "\(series.revised)", revisions])
            }
        }
        if !diff.archives.isEmpty {
            out += "\n> [!IMPORTANT]\n> Evidence changed: quotes are checked against these archived texts.\n\n"
            out += "| source | archived text | lines | quotes now resting on the change |\n|---|---|---|---|\n"
            for archive in diff.archives {
                let quotes = archive.quotes.map { escaped("\($0.record): \"\($0.quote)\" (\($0.location.file):\($0.location.line))") }
                out += row(["`\(code(archive.source))`", escaped("\(archive.location.file):\(archive.location.line)"), escaped(archive.linesText),
                            quotes.isEmpty ? "—" : quotes.joined(separator: "<br>")])
            }
        }
        return out
    }

    private static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    /// A value in a table cell: escaped, line breaks as `<br>`, an absent value as a dash.
    private static func cell(_ text: String?) -> String {
        guard let text else { return "—" }
        return text.isEmpty ? "" : escaped(text)
    }

    static func escaped(_ text: String) -> String {
        VisibleText.escaped(MarkdownText().escapeText(text).replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>"))
    }

    /// Text inside a code span, which cannot hold a backtick or a line break.
    static func code(_ text: String) -> String {
        VisibleText.escaped(text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
    }
}
