/// A row of an edited export made ready for the merge on the thread that reads it: its sources cell
/// carries the quotes the Citations sheet gives them, and its key and joined texts are worked out, so
/// that the merging thread only looks the key up and compares the joined texts (most rows are unchanged).
struct ExportRow {
    /// The row as read, with the sources cell in the form `TableRows.citations(_:quotes:)` gives.
    var row: ImportedTables.Row
    /// The row's key (`TableRows.Layout.key(_:)`), before a repeated key is told apart by its occurrence.
    var key: String
    /// The row's texts, joined as `TableRows.joined(_:)` joins them.
    var joined: String
    /// Where the Citations sheet quotes a source the row does not cite.
    var findings: [ImportFinding] = []

    /// The row made ready; nil for a row with every cell blank, which the merge skips.
    init?(_ row: ImportedTables.Row, layout: TableRows.Layout, quotes: [String: [String: String]], imported: ImportedTables) {
        guard !row.texts.allSatisfy(\.isEmpty) else { return nil }
        self.row = row
        if let sources = layout.sources {
            let id = row.texts[0]
            // Observations without an id cannot be told apart on the Citations sheet.
            let quoted = id.isEmpty ? [:] : quotes[id] ?? [:]
            if !quoted.isEmpty {
                let listed = Set(row.texts[sources].split(separator: " ").map(String.init))
                for source in quoted.keys.sorted() where !listed.contains(source) {
                    findings.append(ImportFinding(.citationsDisagree, at: imported.place(row, column: sources),
                                                  "the Citations sheet quotes the source '\(source)' for '\(id)', which this row does not cite",
                                                  hint: "add '\(source)' to the row's sources, or delete its row on the Citations sheet"))
                }
            }
            self.row.texts[sources] = TableRows.citations(row.texts[sources], quotes: quoted)
        }
        key = layout.key(self.row.texts)
        joined = TableRows.joined(self.row.texts)
    }
}
