/// The portfolio overview as two tables, aligned text or Markdown: a row per relationship (countries,
/// as-of date, records, latest high-level exchange, newest observation period), then its records per
/// kind; then a warning per stale relationship and a line per invalid one. Text from the datasets is
/// escaped, so no value breaks a row or a line.
enum PortfolioTablesReport {
    static func render(_ overview: PortfolioOverview, markdown: Bool) -> String {
        let count = overview.relationships.count + overview.invalid.count
        var out = markdown ? "### Portfolio: \(count) relationships\n\n" : "Portfolio \(overview.directory): \(count) relationships\n\n"
        let relationships = overview.relationships
        if !relationships.isEmpty {
            out += table(["relationship", "countries", "as of", "records", "latest high-level exchange", "newest observations"],
                         relationships.map { summary in
                             [overview.name(summary.path), summary.countries.joined(separator: " – "), summary.asOf.description,
                              String(summary.records.values.reduce(0, +)),
                              summary.latestExchange.map { "\($0.start) \($0.kind.rawValue): \($0.title)" } ?? "—",
                              summary.newestObservationPeriod?.description ?? "—"]
                         }, markdown: markdown)
            let kinds = RecordKind.allCases.filter { kind in relationships.contains { $0.records[kind] != nil } }
            out += "\n" + table(["relationship"] + kinds.map(\.collection),
                                relationships.map { summary in [overview.name(summary.path)] + kinds.map { String(summary.records[$0] ?? 0) } },
                                markdown: markdown, numeric: true)
        }
        let stale = overview.stale
        if !stale.isEmpty || !overview.invalid.isEmpty { out += "\n" }
        for summary in stale {
            out += line("warning: \(overview.name(summary.path)) is stale: as of \(summary.asOf), more than \(overview.staleAfterMonths) months before \(overview.today)", markdown)
        }
        for invalid in overview.invalid {
            out += line("invalid: \(overview.name(invalid.path)) (\(invalid.errors) \(invalid.errors == 1 ? "error" : "errors"), \(invalid.warnings) \(invalid.warnings == 1 ? "warning" : "warnings")); run 'bilateral validate \(invalid.path)'", markdown)
        }
        return out
    }

    private static func line(_ text: String, _ markdown: Bool) -> String {
        markdown ? "- " + escaped(text, markdown: true) + "\n" : escaped(text, markdown: false) + "\n"
    }

    /// Columns padded to their widest cell (numbers on the right), or a Markdown table.
    private static func table(_ header: [String], _ rows: [[String]], markdown: Bool, numeric: Bool = false) -> String {
        let rows = rows.map { $0.map { escaped($0, markdown: markdown) } }
        if markdown {
            let rule = header.indices.map { numeric && $0 > 0 ? "--:" : "---" }
            return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |\n" }.joined()
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            let padded = cells.enumerated().map { column, cell in
                let fill = String(repeating: " ", count: widths[column] - cell.count)
                return numeric && column > 0 ? fill + cell : (column == cells.count - 1 ? cell : cell + fill)
            }
            return padded.joined(separator: "  ") + "\n"
        }.joined()
    }

    /// A cell or line: line breaks and invisible characters escaped, and in Markdown, markup and `|` too.
    private static func escaped(_ text: String, markdown: Bool) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        return VisibleText.escaped(markdown ? MarkdownText().escapeText(flat) : flat)
    }
}
