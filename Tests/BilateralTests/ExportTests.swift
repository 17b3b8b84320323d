import Foundation
import Testing
@testable import Bilateral

/// The CSV and JSON writers against their golden files, and what every export promises: the same
/// bytes every time, a JSON document that loads back to the same dataset, whole files only.
struct ExportTests {
    static let fixtures = ["Fixtures/valid/minimal.yaml", "Fixtures/valid/observations-csv.yaml", "Fixtures/valid/edge-cases.yaml"]

    /// `Tests/Golden/<fixture>/`: the CSV export in `csv/` and the JSON export as `dataset.json`, made by
    /// `scripts/update-goldens.sh` and reviewed when they change.
    static func golden(_ fixture: String) -> URL {
        Repository.url("Tests/Golden").appending(path: ((fixture as NSString).lastPathComponent as NSString).deletingPathExtension)
    }

    @Test(arguments: fixtures)
    func csvExportMatchesItsGoldenFiles(fixture: String) throws {
        let files = try Export.run(fixture, format: "csv")
        let golden = try Export.contents(of: Self.golden(fixture).appending(path: "csv"))
        #expect(files.keys.sorted() == golden.keys.sorted())
        for (name, data) in golden.sorted(by: { $0.key < $1.key }) {
            #expect(files[name] == data, "\(name) differs from its golden file; run scripts/update-goldens.sh and review the diff")
        }
    }

    @Test(arguments: fixtures)
    func jsonExportMatchesItsGoldenFile(fixture: String) throws {
        let files = try Export.run(fixture, format: "json")
        #expect(files["out"] == (try Data(contentsOf: Self.golden(fixture).appending(path: "dataset.json"))))
    }

    @Test(arguments: fixtures + [DatasetValidation.embeddedDatasetPath])
    func exportsAreByteIdenticalAcrossRuns(fixture: String) throws {
        for format in ["csv", "json", "xlsx"] {
            #expect(try Export.run(fixture, format: format) == (try Export.run(fixture, format: format)))
        }
    }

    /// Loading the JSON export gives the dataset back, with the observations of CSV files inline.
    @Test(arguments: fixtures + [DatasetValidation.embeddedDatasetPath])
    func jsonExportLoadsBackToTheSameDataset(fixture: String) throws {
        let original = try Export.validated(fixture)
        var expected = original.dataset
        var observations: [Observation] = []
        try original.forEachObservation { observations.append($0) }
        expected.observations = observations
        for index in expected.series.indices { expected.series[index].observationsFile = nil }

        let json = try #require(try Export.run(fixture, format: "json")["out"])
        let loaded = DatasetLoader().load(json, file: "export.json")
        #expect(loaded.findings.map(\.message) == [])
        var dataset = try #require(loaded.dataset)
        // The export carries each archived text; the rest is the dataset as it was.
        #expect(dataset.sources.allSatisfy { ($0.archive == nil) == ($0.archivedText == nil) })
        for index in dataset.sources.indices { dataset.sources[index].archivedText = nil }
        #expect(dataset == expected)
        #expect(dataset.observations.count == observations.count)
    }

    @Test func csvCellsFollowRFC4180AndNeutraliseFormulas() throws {
        let files = try Export.run("Fixtures/valid/edge-cases.yaml", format: "csv")
        let statements = String(decoding: try #require(files["statements.csv"]), as: UTF8.self)
        #expect(statements.hasPrefix("id,replaces,topic,text,date,sources\r\n"))
        #expect(statements.contains("formula-plus,,trade,\"'+92 51 is a telephone code, not a sum\",,weekly\r\n"))
        #expect(statements.contains("formula-at,,culture,'@handle is a social media name,2024,weekly\r\n"))
        #expect(statements.contains("formula-apostrophe,,overview,''=1 already starts with an apostrophe,,weekly\r\n"))
        let events = String(decoding: try #require(files["events.csv"]), as: UTF8.self)
        #expect(events.contains("\"President visits Tokyo, \"\"productive\"\"\""))
        #expect(events.contains("\"Two lines:\nthe second.\""))
        let observations = String(decoding: try #require(files["observations.csv"]), as: UTF8.self)
        #expect(observations.contains(",grants,2019-04/2020-03,,1.50,,provisional,,,,,,,,total,\r\n"))
        #expect(observations.contains(",,residents,2011,,10849,true,") || observations.contains("\r\n,residents,2011,,10849,true,"))

        let kept = try Export.run("Fixtures/valid/edge-cases.yaml", format: "csv", options: ExportOptions(neutraliseFormulas: false))
        #expect(String(decoding: try #require(kept["statements.csv"]), as: UTF8.self).contains("formula-at,,culture,@handle is"))
        let bom = try Export.run("Fixtures/valid/minimal.yaml", format: "csv", options: ExportOptions(byteOrderMark: true))
        #expect(try #require(bom["events.csv"]).starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "i")]))
    }

    @Test func columnsAreTheDeclaredFieldsButSourcesAndDocumentOnlyFields() {
        #expect(Series.columns.map(\.name) == ["id", "replaces", "title", "indicator", "topic", "flow", "reporter", "partner", "currency",
                                               "unit", "scale", "period_kind", "fiscal_year_start", "dimensions", "imported_from", "import_key"])
        #expect(Source.columns.map(\.name).suffix(4) == ["archive", "dataset", "licence", "sha256"])
        #expect(Series.fields.map(\.name).suffix(4) == ["observations_file", "imported_from", "import_key", "sources"])
    }

    @Test func theTabularViewHasOneTablePerKindPlusCitationsAndAcknowledgements() throws {
        let view = TabularView(try Export.validated("Fixtures/valid/observations-csv.yaml"))
        #expect(view.tables.map(\.name) == RecordKind.allCases.map(\.collection) + ["citations", "acknowledgements"])
        let observations = try #require(view.table(named: "observations"))
        #expect(observations.columns.map(\.name) == ["id", "series", "period", "period_kind", "value", "approximate", "value_status", "part_of",
                                                     "independently_rounded", "tolerance", "stated_amount", "stated_unit", "note",
                                                     "hs_code", "description", "sources"])
        var rows: [[Cell]] = []
        try observations.forEachRow { rows.append($0) }
        #expect(rows.count == 5)
        #expect(rows[2][4] == .number(Number(0.125, fractionDigits: 3)))
        #expect(rows[4][2] == .period(Period(iso: "2018-07/2019-06")!))
        #expect(try #require(view.table(named: "people")).foreignKeys == [Table.ForeignKey(column: "country", table: "countries", referencedColumn: "id")])
    }
}
