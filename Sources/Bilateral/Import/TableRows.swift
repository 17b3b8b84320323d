/// A dataset's tables as keyed rows of text, the way an import compares them with an edited export:
/// records by id, observations by series, period and dimensions, each row's `sources` cell holding
/// its citations with their quotes. The one pass over the tables also takes the dataset's fingerprint.
struct TableRows {
    /// A row: its cells' texts joined (compact: a table may have a million rows), where its record
    /// and its fields are written, and its place in its table.
    struct Row: Equatable {
        /// The cells' texts, each followed by `separator`.
        var joined: String
        /// Where the record and its fields are written.
        var origin: Origin?
        /// The row's position in its table, from 0.
        var index: Int

        /// Where the record starts.
        var location: SourceLocation? { origin?.location }

        /// Where the row's field is written: the field's value, else the record.
        func location(of field: String) -> SourceLocation? { origin.map { $0.fields[field] ?? $0.location } }

        /// The cells' texts, by column.
        var texts: [String] { joined.split(separator: separator, omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// What ends each cell's text in a joined row: a control character, which no text holds.
    static let separator: Character = "\u{1C}"

    /// The texts of a row, joined.
    static func joined(_ texts: [String]) -> String { join(texts.indices, of: texts, separator: separatorByte, after: true) }

    /// The texts at `indices` of `texts`, each followed (`after`) or each but the first preceded by
    /// `separator`, written byte by byte into one allocation (appending text by text costs more than copying).
    static func join(_ indices: some Collection<Int>, of texts: [String], separator: UInt8, after: Bool) -> String {
        let count = indices.reduce(indices.count) { $0 + texts[$1].utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = 0, isFirst = true
            for index in indices {
                if !after, !isFirst {
                    buffer[end] = separator
                    end += 1
                }
                isFirst = false
                var text = texts[index]
                text.withUTF8 { bytes in
                    if let source = bytes.baseAddress { (buffer.baseAddress! + end).initialize(from: source, count: bytes.count) }
                    end += bytes.count
                }
                if after {
                    buffer[end] = separator
                    end += 1
                }
            }
            return end
        }
    }

    /// `separator` as the byte UTF-8 writes it.
    static let separatorByte = separator.asciiValue!

    /// The tables an import changes: every record table and the observations.
    static func isImported(_ table: Table) -> Bool { table.primaryKey == ["id"] || table.name == "observations" }

    /// Rows by key, for each imported table, and the order of the keys.
    private(set) var tables: [String: [String: Row]] = [:]
    private(set) var order: [String: [String]] = [:]
    /// `DatasetFingerprint` of the dataset's tables.
    private(set) var fingerprint = ""

    /// The rows of a validated dataset. Its observation files are checked as they stream past, when
    /// validation left them to the first pass. The observations' rows are gathered on a second core
    /// while this one gathers the records'; the fingerprint is taken here, table by table in order.
    init(_ dataset: ValidatedDataset, view: TabularView) throws {
        // A record table lists its kind's records in the order the dataset holds them, as `identities` does.
        let identities = dataset.dataset.identities
        var identitiesByTable: [String: ArraySlice<RecordIdentity>] = [:]
        var start = 0
        for index in identities.indices where index + 1 == identities.count || identities[index + 1].kind != identities[index].kind {
            identitiesByTable[identities[index].kind.collection] = identities[start...index]
            start = index + 1
        }
        // The citations are read once: for the quotes the record tables' rows carry, and for the fingerprint.
        var citations: [[String]] = []
        var quotes = CitationQuotes()
        try view.table(named: "citations")?.forEachRow { cells in
            let texts = DatasetFingerprint.texts(of: cells)
            citations.append(texts)
            // A citation without a quote adds nothing to the sources cell.
            if !texts[3].isEmpty { quotes.add(texts) }
        }
        let observations = view.table(named: "observations").map { table in
            let quoted = quotes.of(table: table.name)
            return Pending<Result<Gathered, Error>> {
                Result { () throws -> Gathered in
                    var gathered = Gathered(table, quotes: quoted, keepsSources: true)
                    // The observations with their origins, in the one pass that also checks their files.
                    try TabularView.forEachObservationRow(dataset) { observation, cells in
                        var texts = DatasetFingerprint.texts(of: cells)
                        gathered.add(&texts, origin: observation.origin)
                    }
                    return gathered
                }
            }
        }
        var hash = DatasetFingerprint()
        for table in view.tables {
            hash.add(table.name)
            let gathered: Gathered
            if table.name == "observations", let observations {
                gathered = try observations.value.get()
                for (joined, sources) in zip(gathered.joined, gathered.sources) { hash.add(joined: joined, replacing: gathered.layout.sources, with: sources) }
            } else if Self.isImported(table) {
                var records = Gathered(table, quotes: quotes.of(table: table.name), keepsSources: false)
                let identified = identitiesByTable[table.name] ?? []
                try table.forEachRow { cells in
                    var texts = DatasetFingerprint.texts(of: cells)
                    hash.add(texts: texts)
                    records.add(&texts, origin: Self.origin(of: texts[0], at: records.keys.count, in: identified, identities))
                }
                gathered = records
            } else {
                if table.name == "citations" {
                    for texts in citations { hash.add(texts: texts) }
                } else {
                    try table.forEachRow { hash.add(row: $0) }
                }
                continue
            }
            tables[table.name] = gathered.rows
            order[table.name] = gathered.keys
            repeated.formUnion(gathered.repeated)
        }
        fingerprint = hash.text
    }

    /// One table's rows as they are gathered, in the table's order.
    private struct Gathered: Sendable {
        let layout: Layout
        let quoted: [String: [String: String]]
        var rows: [String: Row] = [:]
        var keys: [String] = []
        var repeated: Set<String> = []
        /// When the rows are gathered away from the fingerprint: each row's texts joined, and its sources
        /// cell as the table gives it (before `citations(_:quotes:)`), from which the fingerprint is taken.
        let keepsSources: Bool
        var joined: [String] = []
        var sources: [String] = []

        init(_ table: Table, quotes: [String: [String: String]], keepsSources: Bool) {
            layout = Layout(table)
            quoted = quotes
            self.keepsSources = keepsSources
            rows.reserveCapacity(table.count ?? 1024)
            keys.reserveCapacity(table.count ?? 1024)
        }

        /// Adds the next row, given its cells' texts, and where it is written.
        mutating func add(_ texts: inout [String], origin: Origin?) {
            if keepsSources { self.sources.append(layout.sources.map { texts[$0] } ?? "") }
            if let sources = layout.sources {
                texts[sources] = TableRows.citations(texts[sources], quotes: texts[0].isEmpty ? [:] : quoted[texts[0]] ?? [:])
            }
            var key = layout.key(texts)
            let row = Row(joined: TableRows.joined(texts), origin: origin, index: keys.count)
            if keepsSources { joined.append(row.joined) }
            if let first = rows.updateValue(row, forKey: key) {
                // Two observations alike in series, period and dimensions (two sources' values): told
                // apart by their order, as an export writes them.
                rows[key] = first
                repeated.insert(key)
                var occurrence = 2
                while rows[TableRows.key(key, occurrence: occurrence)] != nil { occurrence += 1 }
                key = TableRows.key(key, occurrence: occurrence)
                rows[key] = row
            }
            keys.append(key)
        }
    }

    /// Where the record with id `id`, the `index`th of its table, is written.
    private static func origin(of id: String, at index: Int, in records: ArraySlice<RecordIdentity>, _ identities: [RecordIdentity]) -> Origin? {
        let position = records.startIndex + index
        if position < records.endIndex, records[position].id == id { return records[position].origin }
        return identities.first { $0.id == id }?.origin
    }


    /// Keys that more than one row of the dataset has; their later rows are keyed by `key(_:occurrence:)`.
    private(set) var repeated: Set<String> = []

    /// The key of the `occurrence`th row (from 2) with key `key`.
    static func key(_ key: String, occurrence: Int) -> String { key + "\u{1D}" + String(occurrence) }

    /// Where a table's rows have their key and their sources, found once per table.
    struct Layout {
        /// The `sources` column, when the table has one.
        let sources: Int?
        /// The columns an observation's key is made of (series, period and dimensions); nil for a
        /// table of records, whose key is the id.
        private let keyColumns: [Int]?

        init(_ table: Table) {
            sources = table.columns.firstIndex { $0.name == "sources" }
            guard table.name == "observations" else { keyColumns = nil; return }
            keyColumns = table.columns.indices.filter { index in
                let name = table.columns[index].name
                return name == "series" || name == "period" || !Observation.reservedNames.contains(name) && name != "sources"
            }
        }

        /// A row's key: its id, or for an observation its series, period and dimensions.
        func key(_ texts: [String]) -> String {
            guard let keyColumns else { return texts[0] }
            return TableRows.join(keyColumns.prefix { $0 < texts.count }, of: texts, separator: 0x1F, after: false)
        }
    }

    /// "the observation of series 'x' for 2019-04", "'visit-2019'": a key for people.
    static func describe(_ key: String, table: Table) -> String {
        guard table.name == "observations" else { return "'\(key)'" }
        let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        return "the observation of series '\(parts.first ?? "")' for \(parts.dropFirst().first ?? "")"
    }

    /// The sources cell with each source's quote: "a\u{1F}quote\u{1E}b\u{1F}".
    static func citations(_ sources: String, quotes: [String: String]) -> String {
        guard !sources.isEmpty else { return "" }
        var cell = ""
        cell.reserveCapacity(sources.utf8.count * 2)
        for source in sources.split(separator: " ") {
            if !cell.isEmpty { cell.unicodeScalars.append("\u{1E}") }
            cell += source
            cell.unicodeScalars.append("\u{1F}")
            if !quotes.isEmpty, let quote = quotes[String(source)] { cell += quote }
        }
        return cell
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
