import Foundation

/// The dataset as a SQLite database for Datasette and SQL: `bilateral export --format sqlite`.
///
/// A directory holding `dataset.sqlite` and Datasette's `metadata.json`; or, for a destination ending
/// in `.sqlite` or `.db`, the database at that path with `NAME.metadata.json` beside it. The database has a STRICT
/// table per record kind with typed columns, primary keys and foreign keys, the observations in one
/// table indexed by series and period, the citations with their quotes, full-text search (FTS5) over
/// statements, events and agreements, and views for the usual questions. It is written in one
/// transaction into the staging directory, and the same dataset gives the same bytes.
public struct SQLiteWriter: DatasetWriter {
    /// The name given to `--format`.
    public let format = "sqlite"
    /// One line for `bilateral formats`.
    public let summary = "a SQLite database (typed tables, foreign keys, full-text search, views) and its Datasette metadata.json"
    /// What the writer produces: one file or a directory.
    public let layout = OutputLayout.directory
    /// A destination ending in `.sqlite` or `.db` gets the database there, and Datasette's metadata
    /// beside it as `NAME.metadata.json`.
    public var fileForm: FileForm? { FileForm(extensions: ["sqlite", "sqlite3", "db"], mainFile: Self.databaseName) }

    /// The writer, with its defaults.
    public init() {}

    /// The database file's name; Datasette names the database after it (`dataset`).
    static let databaseName = "dataset.sqlite"

    /// The tables searched in full text, and the columns searched.
    static let searchable: [String: [String]] = [
        "statements": ["text"], "events": ["title", "purpose", "note"], "agreements": ["title"],
    ]

    /// Writes the dataset into the staged output.
    public func write(_ input: ValidatedDataset, to output: ExportOutput) throws {
        let view = TabularView(input)
        let path = try output.path(Self.databaseName)
        var rows = 0
        do {
            let database = try SQLiteDatabase(path: path)
            // A staging file that is discarded on failure needs no journal.
            try database.execute("""
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;
                PRAGMA locking_mode = EXCLUSIVE; BEGIN
                """)
            // Foreign keys point to tables keyed by id (observations' ids are optional, so not a key).
            let keyed = Set(view.tables.filter { $0.primaryKey == ["id"] }.map(\.name))
            for table in view.tables {
                try database.execute(Self.createTable(table, keyed: keyed))
                rows += try Self.insertRows(of: table, into: database, progress: output.progress)
            }
            try database.execute(Self.indexesViewsAndSearch(view))
            try database.execute("COMMIT")
            let broken = try database.rows("PRAGMA foreign_key_check")
            guard broken.isEmpty else {
                throw ExportError.unwritable("the database's foreign keys do not hold: \(broken.prefix(3).map { $0.compactMap { $0 }.joined(separator: " ") })")
            }
            try database.close()
        } catch let error as SQLiteError {
            throw ExportError.unwritable(error.description)
        }
        try output.file("metadata.json").write(Self.metadata(input.dataset, view, database: output.fileFormName ?? "dataset").text)
        output.summary = "\(Plural.count(view.tables.count, "table")), \(Plural.count(rows, "row"))"
    }

    // MARK: Schema

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static func createTable(_ table: Table, keyed tables: Set<String>) -> String {
        let keyed = table.primaryKey == ["id"]
        let definitions = table.columns.map { column -> String in
            var sql = quoted(column.name) + " " + sqlType(column.kind)
            if keyed, column.name == "id" { sql += " PRIMARY KEY" }
            if column.required || (keyed && column.name == "id") { sql += " NOT NULL" }
            // `IS NULL OR` first: SQLite builds an IN list's lookup table for every row it checks, which an
            // empty cell (most rows of an optional column) then skips.
            switch column.kind {
            case .choice(let allowed):
                sql += " CHECK (\(quoted(column.name)) IS NULL OR \(quoted(column.name)) IN (\(allowed.map(literal).joined(separator: ", "))))"
            case .boolean: sql += " CHECK (\(quoted(column.name)) IS NULL OR \(quoted(column.name)) IN (0, 1))"
            case .reference(let targets) where targets.count == 1 && tables.contains(targets[0]):
                sql += " REFERENCES \(quoted(targets[0]))(\"id\")"
            default: break
            }
            return sql
        }
        return "CREATE TABLE \(quoted(table.name)) (\n  " + definitions.joined(separator: ",\n  ") + "\n) STRICT"
    }

    static func sqlType(_ kind: Column.Kind) -> String {
        switch kind {
        case .number: "REAL"
        case .integer, .boolean: "INTEGER"
        default: "TEXT"
        }
    }

    /// Inserts the table's rows, read on another thread while this one writes them.
    static func insertRows(of table: Table, into database: SQLiteDatabase, progress: ExportProgress) throws -> Int {
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try database.prepare("INSERT INTO \(quoted(table.name)) VALUES (\(placeholders))")
        var written = 0
        return try RowPipe.forEachBatch(of: table) { batch in
            for cells in batch {
                for (index, cell) in cells.enumerated() { try bind(cell, at: Int32(index + 1), in: statement) }
                try statement.step()
                try statement.reset()
            }
            written += batch.count
            progress.rows(written, of: table.name)
        }
    }

    /// A cell as its SQL value: NULL when empty, numbers as numbers, lists and maps as JSON text.
    static func bind(_ cell: Cell, at index: Int32, in statement: SQLiteStatement) throws {
        switch cell {
        case _ where cell.isEmpty: try statement.bindNull(index)
        case .number(let number): try statement.bind(index, number.value)
        case .integer(let value): try statement.bind(index, Int64(value))
        case .boolean(let value): try statement.bind(index, Int64(value ? 1 : 0))
        // Ids as a JSON array, as texts and maps already are.
        case .references(let ids): try statement.bind(index, "[" + ids.map(JSONText.quoted).joined(separator: ",") + "]")
        default: try cell.isEmpty ? statement.bindNull(index) : statement.bind(index, cell.plainText)
        }
    }

    /// Indexes for the usual lookups, the full-text tables (named and linked as Datasette expects:
    /// `statements_fts` with `content="statements"`), and the views.
    static func indexesViewsAndSearch(_ view: TabularView) -> String {
        var sql = [
            "CREATE INDEX \"observations_series_period\" ON \"observations\" (\"series\", \"period\")",
            "CREATE INDEX \"citations_source\" ON \"citations\" (\"source\")",
            "CREATE INDEX \"citations_record\" ON \"citations\" (\"table\", \"record\")",
        ]
        for (table, columns) in searchable.sorted(by: { $0.key < $1.key }) where view.table(named: table) != nil {
            let names = columns.map(quoted).joined(separator: ", ")
            sql.append("CREATE VIRTUAL TABLE \(quoted(table + "_fts")) USING fts5(\(names), content=\(quoted(table)))")
            sql.append("INSERT INTO \(quoted(table + "_fts")) (rowid, \(names)) SELECT rowid, \(names) FROM \(quoted(table))")
        }
        sql.append("""
            CREATE VIEW "exchanges_by_year" AS
              SELECT substr("start", 1, 4) AS "year", count(*) AS "exchanges",
                     sum("kind" = 'visit') AS "visits", sum("kind" = 'meeting') AS "meetings"
              FROM "events"
              WHERE "kind" IN ('visit', 'meeting', 'dialogue-round') AND coalesce("status", 'held') = 'held'
              GROUP BY "year" ORDER BY "year"
            """)
        sql.append("""
            CREATE VIEW "latest_observations" AS
              SELECT "o".* FROM "observations" AS "o"
              JOIN (SELECT "series", max("period") AS "period" FROM "observations" GROUP BY "series") AS "latest"
                ON "o"."series" = "latest"."series" AND "o"."period" = "latest"."period"
            """)
        return sql.joined(separator: ";\n")
    }

    // MARK: Datasette

    /// Datasette's `metadata.json`: the dataset's title, licence and source, each table's title and
    /// label column, each column's description, and the views'. Datasette names a database after its
    /// file, so `database` is the file's name without its extension.
    static func metadata(_ dataset: Dataset, _ view: TabularView, database: String = "dataset") -> JSONValue {
        var tables: [(String, JSONValue)] = view.tables.map { table in
            var members: [(String, JSONValue)] = [("description", .string(table.title))]
            if let label = ["title", "name"].first(where: { name in table.columns.contains { $0.name == name } }) {
                members.append(("label_column", .string(label)))
            }
            if let columns = searchable[table.name] {
                members.append(("fts_table", .string(table.name + "_fts")))
                members.append(("searchable_columns", .array(columns.map(JSONValue.string))))
            }
            members.append(("columns", .object(table.columns.map { ($0.name, .string($0.description)) })))
            return (table.name, .object(members))
        }
        tables.append(("exchanges_by_year", .object([("description", "Visits, meetings and dialogue rounds held, by year.")])))
        tables.append(("latest_observations", .object([("description", "The observations of each series' latest period.")])))
        return .object([
            ("title", .string(dataset.metadata.title)),
            ("description", .string(dataset.metadata.description ?? "")),
            ("license", .string(dataset.metadata.licence)),
            ("source", .string("bilateral dataset, version \(dataset.metadata.version), as of \(dataset.metadata.asOf)")),
            ("databases", .object([(database, .object([("tables", .object(tables))]))])),
        ])
    }
}
