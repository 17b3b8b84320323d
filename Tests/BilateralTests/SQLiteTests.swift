import Foundation
import Testing
@testable import Bilateral

/// The SQLite export: typed tables with keys, rows as the tabular view has them, full-text search,
/// views, Datasette's metadata, the same bytes each time.
struct SQLiteTests {
    static func exported(_ path: String = "Fixtures/pakistan-japan.yaml") throws -> (files: [String: Data], directory: URL) {
        let directory = try Export.temporaryDirectory()
        let output = directory.appending(path: "out")
        try Exporter().export(try Export.validated(path), format: "sqlite", to: .path(output.path))
        return (try Export.contents(of: output), output)
    }

    @Test func everyTableHoldsTheTabularViewsRowsWithKeysThatHold() throws {
        let (files, directory) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(files.keys.sorted() == ["dataset.sqlite", "metadata.json"])
        let database = try SQLiteDatabase(path: directory.appending(path: "dataset.sqlite").path)
        #expect(try database.rows("PRAGMA integrity_check") == [["ok"]])
        #expect(try database.rows("PRAGMA foreign_key_check").isEmpty)
        let view = TabularView(try Export.validated("Fixtures/pakistan-japan.yaml"))
        for table in view.tables {
            var count = 0
            try table.forEachRow { _ in count += 1 }
            #expect(try database.rows("SELECT count(*) FROM \"\(table.name)\"") == [[String(count)]], "\(table.name)")
        }
        // Typed: numbers are REAL, flags INTEGER, lists JSON; the primary key refuses a duplicate.
        #expect(try database.rows("SELECT DISTINCT typeof(value) FROM observations") == [["real"]])
        #expect(try database.rows("SELECT sources FROM statements LIMIT 1").first?.first??.hasPrefix("[\"") == true)
        #expect(throws: SQLiteError.self) { try database.execute("INSERT INTO countries (id, alpha2, alpha3, name) SELECT id, alpha2, alpha3, name FROM countries LIMIT 1") }
        #expect(throws: SQLiteError.self) { try database.execute("INSERT INTO observations (series, period, value) VALUES ('x', '2020', 'many')") }
        try database.execute("PRAGMA foreign_keys = ON")
        #expect(throws: SQLiteError.self) { try database.execute("INSERT INTO observations (series, period, value) VALUES ('no-such-series', '2020', 1)") }
    }

    @Test func searchAndViewsAnswerTheUsualQuestions() throws {
        let (_, directory) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let database = try SQLiteDatabase(path: directory.appending(path: "dataset.sqlite").path)
        let found = try database.rows("SELECT s.id FROM statements_fts JOIN statements AS s ON s.rowid = statements_fts.rowid WHERE statements_fts MATCH 'pandemic'")
        #expect(!found.isEmpty)
        #expect(try database.rows("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'Koizumi'").first?.first == "2")
        let years = try database.rows("SELECT year, exchanges FROM exchanges_by_year")
        #expect(years.contains(["2019", "2"]) && years.contains(["2023", "2"]))
        let latest = try database.rows("SELECT DISTINCT series FROM latest_observations")
        #expect(latest.count == (try database.rows("SELECT DISTINCT series FROM observations")).count)
    }

    @Test func datasetteMetadataDescribesEveryTableAndColumn() throws {
        let (files, directory) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let data = try #require(files["metadata.json"])
        let metadata = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(metadata["title"] as? String == "Pakistan–Japan relations" && metadata["license"] as? String == "CC-BY-4.0")
        let tables = try #require(((metadata["databases"] as? [String: Any])?["dataset"] as? [String: Any])?["tables"] as? [String: Any])
        let statements = try #require(tables["statements"] as? [String: Any])
        #expect(statements["fts_table"] as? String == "statements_fts")
        #expect((statements["columns"] as? [String: String])?["text"] == "The fact, in a sentence.")
        #expect((tables["series"] as? [String: Any])?["label_column"] as? String == "title")
        #expect(tables["exchanges_by_year"] != nil && tables["latest_observations"] != nil)
    }

    /// The schema (as the sqlite3 shell lists it) and the metadata, against golden files.
    @Test func theSchemaAndMetadataMatchTheirGoldenFiles() throws {
        let (files, directory) = try Self.exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let database = try SQLiteDatabase(path: directory.appending(path: "dataset.sqlite").path)
        let schema = try database.rows("SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").compactMap { $0.first ?? nil }
        #expect(schema.joined(separator: "\n") + "\n" == (try BriefTests.text("Tests/Golden/sqlite/schema.sql")),
                "Tests/Golden/sqlite/schema.sql is out of date: run scripts/update-goldens.sh and review the diff")
        #expect(files["metadata.json"] == (try Data(contentsOf: Repository.url("Tests/Golden/sqlite/metadata.json"))))
    }

    @Test func theSameDatasetGivesTheSameBytes() throws {
        let first = try Self.exported("Fixtures/valid/edge-cases.yaml")
        let second = try Self.exported("Fixtures/valid/edge-cases.yaml")
        defer {
            try? FileManager.default.removeItem(at: first.directory.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.directory.deletingLastPathComponent())
        }
        #expect(first.files == second.files)
    }

    /// `--output relations.sqlite` (or `.db`) is the database file itself, with Datasette's metadata
    /// beside it named after it; a path without such an extension stays a directory.
    @Test func aPathEndingInSqliteOrDbIsTheDatabaseFile() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let validated = try Export.validated("Fixtures/valid/minimal.yaml")
        for name in ["relations.sqlite", "relations.db"] {
            let path = directory.appending(path: name).path
            try Exporter().export(validated, format: "sqlite", to: .path(path))
            var isDirectory: ObjCBool = true
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue)
            let database = try SQLiteDatabase(path: path)
            #expect(try database.rows("PRAGMA integrity_check") == [["ok"]])
            try database.close()
            // Again: the file is replaced whole.
            try Exporter().export(validated, format: "sqlite", to: .path(path))
        }
        let metadata = try Data(contentsOf: directory.appending(path: "relations.metadata.json"))
        let object = try #require(JSONSerialization.jsonObject(with: metadata) as? [String: Any])
        #expect((object["databases"] as? [String: Any])?.keys.sorted() == ["relations"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                == ["relations.db", "relations.metadata.json", "relations.sqlite"])
        // A directory of that name is not overwritten by a file.
        let taken = directory.appending(path: "taken.sqlite")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: false)
        #expect(throws: ExportError.self) { try Exporter().export(validated, format: "sqlite", to: .path(taken.path)) }
        // Without the extension: a directory, as before.
        try Exporter().export(validated, format: "sqlite", to: .path(directory.appending(path: "plain").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appending(path: "plain").path).sorted() == ["dataset.sqlite", "metadata.json"])
    }
}
