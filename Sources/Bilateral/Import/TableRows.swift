/// A dataset's tables as keyed rows of text, the way an import compares them with an edited export:
/// records by id, observations by series, period and dimensions, each row's `sources` cell holding
/// its citations with their quotes. The one pass over the tables also takes the dataset's fingerprint.
struct TableRows {
    /// A row: its text by column, where its record is written, and its place in its table.
    struct Row: Equatable {
        var texts: [String]
        /// Where the record and each of its fields are written.
        var origin: Origin?
        /// The row's position in its table, from 0.
        var index: Int
    }

    /// The tables an import changes: every record table and the observations.
    static func isImported(_ table: Table) -> Bool { table.primaryKey == ["id"] || table.name == "observations" }

    /// Rows by key, for each imported table, and the order of the keys.
    private(set) var tables: [String: [String: Row]] = [:]
    private(set) var order: [String: [String]] = [:]
    /// `DatasetFingerprint` of the dataset's tables.
    private(set) var fingerprint = ""

    /// The rows of a validated dataset. Its observation files are checked as they stream past, when
    /// validation left them to the first pass.
    init(_ dataset: ValidatedDataset, view: TabularView) throws {
        var origins: [String: Origin] = [:]
        for identity in dataset.dataset.identities { origins[identity.id] = identity.origin }
        var observationOrigins: [Origin] = []
        try dataset.forEachObservation { observationOrigins.append($0.origin) }
        let quotes = Self.quotes(view.table(named: "citations"))
        var hash = DatasetFingerprint()
        for table in view.tables {
            hash.add(table.name)
            guard Self.isImported(table) else {
                try table.forEachRow { hash.add(row: $0) }
                continue
            }
            var rows: [String: Row] = [:], keys: [String] = []
            rows.reserveCapacity(table.count ?? observationOrigins.count)
            var index = 0
            let sources = table.columns.firstIndex { $0.name == "sources" }
            try table.forEachRow { cells in
                hash.add(row: cells)
                var texts = cells.map { $0.isEmpty ? "" : $0.plainText }
                if let sources {
                    texts[sources] = Self.citations(texts[sources], quotes: texts[0].isEmpty ? [:] : quotes[Self.quoteKey(table.name, texts[0])] ?? [:])
                }
                var key = Self.key(texts, table: table)
                if rows[key] != nil {
                    // Two observations alike in series, period and dimensions (two sources' values): told
                    // apart by their order, as an export writes them.
                    repeated.insert(key)
                    var occurrence = 2
                    while rows[Self.key(key, occurrence: occurrence)] != nil { occurrence += 1 }
                    key = Self.key(key, occurrence: occurrence)
                }
                let origin = table.name == "observations" ? observationOrigins[index] : origins[texts[0]]
                keys.append(key)
                rows[key] = Row(texts: texts, origin: origin, index: index)
                index += 1
            }
            tables[table.name] = rows
            order[table.name] = keys
        }
        fingerprint = hash.text
    }

    /// Keys that more than one row of the dataset has; their later rows are keyed by `key(_:occurrence:)`.
    private(set) var repeated: Set<String> = []

    /// The key of the `occurrence`th row (from 2) with key `key`.
    static func key(_ key: String, occurrence: Int) -> String { key + "\u{1D}" + String(occurrence) }

    /// A row's key: its id, or for an observation its series, period and dimensions.
    static func key(_ texts: [String], table: Table) -> String {
        guard table.name == "observations" else { return texts[0] }
        var key = ""
        for (index, column) in table.columns.enumerated() where index < texts.count {
            if column.name == "series" || column.name == "period" || !Observation.reservedNames.contains(column.name) && column.name != "sources" {
                if !key.isEmpty { key.unicodeScalars.append("\u{1F}") }
                key += texts[index]
            }
        }
        return key
    }

    /// "the observation of series 'x' for 2019-04", "'visit-2019'": a key for people.
    static func describe(_ key: String, table: Table) -> String {
        guard table.name == "observations" else { return "'\(key)'" }
        let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        return "the observation of series '\(parts.first ?? "")' for \(parts.dropFirst().first ?? "")"
    }

    /// How quotes are keyed: the citing record's table and id.
    static func quoteKey(_ table: String, _ record: String) -> String { table + "\u{1F}" + record }

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
        guard !sources.isEmpty else { return "" }
        return sources.split(separator: " ").map { "\($0)\u{1F}\(quotes[String($0)] ?? "")" }.joined(separator: "\u{1E}")
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
