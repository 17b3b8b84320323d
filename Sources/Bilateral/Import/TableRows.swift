/// A dataset's tables as keyed rows of text, the way an import compares them with an edited export:
/// records by id, observations by series, period and dimensions, each row's `sources` cell holding
/// its citations with their quotes.
struct TableRows {
    /// A row: its text by column, and where its record is written.
    struct Row: Equatable {
        var texts: [String]
        /// Where the record and each of its fields are written.
        var origin: Origin?
    }

    /// The tables an import changes: every record table and the observations.
    static func isImported(_ table: Table) -> Bool { table.primaryKey == ["id"] || table.name == "observations" }

    /// Rows by key, for each imported table, and the order of the keys.
    private(set) var tables: [String: [String: Row]] = [:]
    private(set) var order: [String: [String]] = [:]

    /// The rows of a validated dataset.
    init(_ dataset: ValidatedDataset, view: TabularView) throws {
        var origins: [String: Origin] = [:]
        for identity in dataset.dataset.identities { origins[identity.id] = identity.origin }
        var observationOrigins: [Origin] = []
        try dataset.forEachObservation { observationOrigins.append($0.origin) }
        let quotes = Self.quotes(view.table(named: "citations"))
        for table in view.tables where Self.isImported(table) {
            var rows: [String: Row] = [:], keys: [String] = []
            var index = 0
            let sources = table.columns.firstIndex { $0.name == "sources" }
            try table.forEachRow { cells in
                var texts = cells.map { $0.isEmpty ? "" : $0.plainText }
                if let sources { texts[sources] = Self.citations(texts[sources], quotes: texts[0].isEmpty ? [:] : quotes[Self.quoteKey(table.name, texts[0])] ?? [:]) }
                let key = Self.key(texts, table: table)
                let origin = table.name == "observations" ? observationOrigins[index] : origins[texts[0]]
                if rows[key] == nil { keys.append(key) }
                rows[key] = Row(texts: texts, origin: origin)
                index += 1
            }
            tables[table.name] = rows
            order[table.name] = keys
        }
    }

    /// The rows of an edited export, with findings for rows that share a key or disagree with the Citations sheet.
    init(_ imported: ImportedTables, view: TabularView, findings: inout [ImportFinding]) {
        var quotes: [String: [String: String]] = [:]
        if let citations = imported.tables["citations"] {
            for row in citations.rows where row.texts.count >= 4 {
                quotes[Self.quoteKey(row.texts[1], row.texts[0]), default: [:]][row.texts[2]] = row.texts[3]
            }
        }
        for table in view.tables where Self.isImported(table) {
            guard let rows = imported.tables[table.name] else { continue }
            var keyed: [String: Row] = [:], keys: [String] = []
            var places: [String: String] = [:]
            let sources = table.columns.firstIndex { $0.name == "sources" }
            for row in rows.rows {
                var texts = row.texts
                if texts.allSatisfy(\.isEmpty) { continue }
                if let sources {
                    // Observations without an id cannot be told apart on the Citations sheet.
                    let quoted = texts[0].isEmpty ? [:] : quotes[Self.quoteKey(table.name, texts[0])] ?? [:]
                    let listed = Set(texts[sources].split(separator: " ").map(String.init))
                    for source in quoted.keys.sorted() where !listed.contains(source) && table.name != "observations" {
                        findings.append(ImportFinding(.citationsDisagree, at: imported.place(row, column: sources),
                                                      "the Citations sheet quotes the source '\(source)' for '\(texts[0])', which this row does not cite",
                                                      hint: "add '\(source)' to the row's sources, or delete its row on the Citations sheet"))
                    }
                    texts[sources] = Self.citations(texts[sources], quotes: quoted)
                }
                let key = Self.key(texts, table: table)
                if let first = places[key] {
                    findings.append(ImportFinding(.duplicateRow, at: imported.place(row),
                                                  "a second row for \(Self.describe(key, table: table)); the first is at \(first)",
                                                  hint: "keep one of the two rows"))
                    continue
                }
                places[key] = imported.place(row)
                keys.append(key)
                keyed[key] = Row(texts: texts, origin: nil)
            }
            tables[table.name] = keyed
            order[table.name] = keys
        }
        placesByKey = [:]
        for (name, table) in imported.tables {
            for row in table.rows { placesByKey[Self.placeKey(name, Self.key(row.texts, table: view.table(named: name)!))] = row }
        }
        self.imported = imported
    }

    /// The imported rows by table and key, for places.
    private var placesByKey: [String: ImportedTables.Row] = [:]
    private var imported: ImportedTables?

    /// Where an imported row's cell is, for findings.
    func place(table: String, key: String, column: Int) -> String? {
        guard let imported, let row = placesByKey[Self.placeKey(table, key)] else { return nil }
        return imported.place(row, column: column)
    }

    private static func placeKey(_ table: String, _ key: String) -> String { table + "\u{1D}" + key }

    /// A row's key: its id, or for an observation its series, period and dimensions.
    static func key(_ texts: [String], table: Table) -> String {
        guard table.name == "observations" else { return texts[0] }
        var parts: [String] = []
        for (index, column) in table.columns.enumerated() where index < texts.count {
            if column.name == "series" || column.name == "period" || !Observation.reservedNames.contains(column.name) && column.name != "sources" {
                parts.append(texts[index])
            }
        }
        return parts.joined(separator: "\u{1F}")
    }

    /// "the observation of series 'x' for 2019-04", "'visit-2019'": a key for people.
    static func describe(_ key: String, table: Table) -> String {
        guard table.name == "observations" else { return "'\(key)'" }
        let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        return "the observation of series '\(parts.first ?? "")' for \(parts.dropFirst().first ?? "")"
    }

    private static func quoteKey(_ table: String, _ record: String) -> String { table + "\u{1F}" + record }

    private static func quotes(_ table: Table?) -> [String: [String: String]] {
        var quotes: [String: [String: String]] = [:]
        try? table?.forEachRow { cells in
            let texts = cells.map(\.plainText)
            quotes[quoteKey(texts[1], texts[0]), default: [:]][texts[2]] = texts[3]
        }
        return quotes
    }

    /// The sources cell with each source's quote: "a\u{1F}quote\u{1E}b\u{1F}".
    static func citations(_ sources: String, quotes: [String: String]) -> String {
        sources.split(separator: " ").map { "\($0)\u{1F}\(quotes[String($0)] ?? "")" }.joined(separator: "\u{1E}")
    }

    /// The citations of a sources cell made by `citations(_:quotes:)`.
    static func parseCitations(_ text: String) -> [Citation] {
        text.split(separator: "\u{1E}").map { part in
            let pieces = part.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            let quote = pieces.count > 1 ? String(pieces[1]) : ""
            return Citation(source: String(pieces[0]), quote: quote.isEmpty ? nil : quote)
        }
    }
}
