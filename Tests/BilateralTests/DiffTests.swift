import Foundation
import Testing
@testable import Bilateral

/// `DatasetComparison`: records matched by id, renames, observations matched by key (written in the
/// document or in CSV files), and the three report formats against their golden files.
struct DiffTests {
    /// A version of a dataset given as text, with its observation files, in a temporary directory.
    static func version(_ text: String, files: [String: String] = [:], name: String = "test.yaml") throws -> DatasetVersion {
        let directory = try Export.temporaryDirectory()
        for (path, content) in files { try content.write(to: directory.appending(path: path), atomically: true, encoding: .utf8) }
        return try DatasetComparison.load(Data(text.utf8), name: name, file: name, files: DiskFiles(directory: directory.path, displayDirectory: ""))
    }

    static func fixture(_ path: String) throws -> DatasetVersion {
        let directory = (path as NSString).deletingLastPathComponent
        return try DatasetComparison.load(try Data(contentsOf: Repository.url(path)), name: path, file: path,
                                          files: DiskFiles(directory: Repository.url(directory).path, displayDirectory: directory))
    }

    static let base = """
        format: bilateral/1
        dataset: {title: T, countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
        sources:
          - {id: brief, title: Brief, tier: official}
        countries:
          - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
          - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}
        events:
          - {id: visit-a, kind: visit, title: A visits, start: 2019-10-20, country: jp, sources: [brief]}
          - {id: visit-b, kind: visit, title: B visits, start: 2020, country: pk, sources: [brief]}
        series:
          - {id: exports, title: Exports, indicator: trade, currency: USD, scale: million, period_kind: month, dimensions: [hs_code], observations_file: rows.csv, sources: [brief]}
        """

    static let rows = "period,value,hs_code\n2019-01,1.5,0306\n2019-02,2,0306\n2019-03,3,520512\n2019-04,4,0306\n"

    @Test func recordsAreMatchedByIDNotByLine() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": Self.rows])
        let reordered = Self.base.replacingOccurrences(of: "  - {id: visit-a, kind: visit, title: A visits, start: 2019-10-20, country: jp, sources: [brief]}\n", with: "")
            .replacingOccurrences(of: "sources: [brief]}\nseries:", with: "sources: [brief]}\n  - {id: visit-a, kind: visit, title: A visits, start: 2019-10-20, country: jp, sources: [brief]}\nseries:")
        #expect(reordered != Self.base)
        let same = try DatasetComparison.compare(old, try Self.version(reordered, files: ["rows.csv": Self.rows]))
        #expect(same.isEmpty)

        let edited = Self.base.replacingOccurrences(of: "title: B visits, start: 2020, country: pk", with: "title: B visits, start: 2020-05, country: jp")
            .replacingOccurrences(of: "  - {id: visit-a, kind: visit, title: A visits, start: 2019-10-20, country: jp, sources: [brief]}\n",
                                  with: "  - {id: visit-c, kind: meeting, title: C meets, start: 2021, sources: [brief]}\n")
        let diff = try DatasetComparison.compare(old, try Self.version(edited, files: ["rows.csv": Self.rows]))
        #expect(diff.records.map { "\($0.change) \($0.id)" } == ["added visit-c", "changed visit-b", "removed visit-a"])
        #expect(diff.records[1].fields == [FieldChange(field: "start", old: "2020", new: "2020-05"), FieldChange(field: "country", old: "pk", new: "jp")])
        #expect(diff.records[0].fields.first == FieldChange(field: "kind", old: nil, new: "meeting"))
        #expect(diff.records[2].fields.contains(FieldChange(field: "title", old: "A visits", new: nil)))
        #expect(diff.records[0].location.line == 9 && diff.records[2].location.line == 9)
        #expect(diff.observations.isEmpty && diff.metadata.isEmpty)
    }

    @Test func aRenameIsShownOnlyWhenTheRecordSaysWhichIDItReplaces() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": Self.rows])
        let renamed = Self.base.replacingOccurrences(of: "{id: visit-a, kind: visit, title: A visits", with: "{id: visit-2019-a, replaces: visit-a, kind: visit, title: A visits Tokyo")
        let diff = try DatasetComparison.compare(old, try Self.version(renamed, files: ["rows.csv": Self.rows]))
        #expect(diff.records.count == 1)
        #expect(diff.records[0].change == .renamed && diff.records[0].id == "visit-2019-a" && diff.records[0].replaces == "visit-a")
        #expect(diff.records[0].fields == [FieldChange(field: "title", old: "A visits", new: "A visits Tokyo")])

        let unsaid = Self.base.replacingOccurrences(of: "{id: visit-a,", with: "{id: visit-2019-a,")
        let plain = try DatasetComparison.compare(old, try Self.version(unsaid, files: ["rows.csv": Self.rows]))
        #expect(plain.records.map { "\($0.change) \($0.id)" } == ["added visit-2019-a", "removed visit-a"])
    }

    @Test func aRenamedSeriesKeepsItsObservationsPaired() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": Self.rows])
        let renamed = Self.base.replacingOccurrences(of: "{id: exports, title", with: "{id: pk-exports, replaces: exports, title")
        let diff = try DatasetComparison.compare(old, try Self.version(renamed, files: ["rows.csv": Self.rows]))
        #expect(diff.records.map(\.change) == [.renamed])
        #expect(diff.observations.isEmpty)
    }

    @Test func fileRowsAreMatchedByPeriodAndDimensionsWhateverTheirOrderOrLineEndings() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": Self.rows])
        let shuffled = "period,value,hs_code\r\n2019-04,4,0306\r\n2019-02,2,0306\r\n\r\n2019-01,1.5,0306\r\n2019-03,3,520512\r\n"
        #expect(try DatasetComparison.compare(old, try Self.version(Self.base, files: ["rows.csv": shuffled])).isEmpty)

        let edited = "period,value,hs_code\n2019-01,1.5,0306\n2019-02,2.5,0306\n2019-03,13,520512\n2019-05,5,0306\n2019-06,\"6\",\"0306\"\n"
        let diff = try DatasetComparison.compare(old, try Self.version(Self.base, files: ["rows.csv": edited]))
        let series = try #require(diff.observations.first)
        #expect((series.added, series.removed, series.revised, series.unreadable) == (2, 1, 2, 0))
        #expect(series.largestRevisions.map(\.label) == ["2019-03 [hs_code=520512]", "2019-02 [hs_code=0306]"])
        #expect(series.largestRevisions.map(\.change) == ["+10", "+0.5"])
        #expect(series.largestRevisions.map(\.location.line) == [4, 3])
        #expect(series.firstAdded.map(\.period) == ["2019-05", "2019-06"] && series.firstAdded.map(\.location.line) == [5, 6])
        #expect(series.firstRemoved.map(\.period) == ["2019-04"] && series.firstRemoved[0].old == "4" && series.firstRemoved[0].location.line == 5)
        #expect(diff.records.isEmpty)
    }

    @Test func quotedLineBreaksStayInsideTheirRow() throws {
        let rows = CSVRows(Data("period,note\n2019,\"one\ntwo\"\n\n2020,plain\r\n2021,\"a \"\"b\"\"\"".utf8))
        #expect(rows.count == 4)
        #expect(rows.lines == [1, 2, 5, 6])
        #expect(String(decoding: rows.bytes(1), as: UTF8.self) == "2019,\"one\ntwo\"")
        #expect(String(decoding: rows.bytes(2), as: UTF8.self) == "2020,plain")
    }

    @Test func unreadableRowsAreCountedNotGuessed() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": Self.rows])
        let broken = Self.rows.replacingOccurrences(of: "2019-02,2,0306", with: "2019-02,two,0306")
        let diff = try DatasetComparison.compare(old, try Self.version(Self.base, files: ["rows.csv": broken]))
        let series = try #require(diff.observations.first)
        #expect((series.added, series.removed, series.revised, series.unreadable) == (0, 1, 0, 1))
    }

    @Test func valuesTwoSourcesGiveForOnePeriodStayApart() throws {
        let old = try Self.fixture("Fixtures/diff/old.yaml"), new = try Self.fixture("Fixtures/diff/new.yaml")
        let residents = try #require(try DatasetComparison.compare(old, new).observations.first { $0.series == "residents" })
        // 2018 has 16,000 from one source and 17,000 from another in both versions, listed in another order.
        #expect((residents.added, residents.removed, residents.revised) == (0, 0, 1))
        #expect(residents.largestRevisions.first?.fields == [FieldChange(field: "note", old: nil, new: "Revised by the embassy.")])
    }

    @Test func aVersionWithAnUnreadableRecordShowsTheRecordsThatWereRead() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": Self.rows])
        let broken = Self.base.replacingOccurrences(of: "title: B visits, start: 2020", with: "title: B visits, start: 2020-13")
            .replacingOccurrences(of: "title: A visits", with: "title: A visits Tokyo")
        let diff = try DatasetComparison.compare(old, try Self.version(broken, files: ["rows.csv": Self.rows]))
        #expect(diff.records.map { "\($0.change) \($0.id)" } == ["changed visit-a"], "visit-b is unread, not removed")
        #expect(diff.errors.map(\.code) == [.invalidDate])
        #expect(!diff.isEmpty)
        let text = DiffFormat.text.render(diff)
        #expect(text.contains("! 1 error in the versions compared; the records they keep from being read are left out:\n!   test.yaml:10:56: error[invalid-date]:"))
        #expect(DiffFormat.markdown.render(diff).contains("> [!WARNING]"))
        #expect(DiffFormat.json.render(diff).contains(#"{"code": "invalid-date", "file": "test.yaml", "line": 10, "column": 56"#))
    }

    @Test func aDocumentThatCannotBeReadAtAllIsRefusedNotCompared() throws {
        #expect(throws: DiffError.self) { try Self.version("dataset: [not, a, mapping]\n") }
        let missing = try Self.version(Self.base)
        #expect(throws: DiffError.self) { try DatasetComparison.compare(missing, missing) }
    }

    @Test(arguments: [DiffFormat.text, .markdown, .json])
    func reportsMatchTheirGoldenFiles(_ format: DiffFormat) throws {
        let diff = try DatasetComparison.compare(try Self.fixture("Fixtures/diff/old.yaml"), try Self.fixture("Fixtures/diff/new.yaml"))
        let golden = "Tests/Golden/diff/diff." + ["text": "txt", "markdown": "md", "json": "json"][format.rawValue]!
        #expect(format.render(diff) == (try String(contentsOf: Repository.url(golden), encoding: .utf8)),
                "regenerate with scripts/update-goldens.sh and review")
    }

    @Test func equalVersionsSayNoChanges() throws {
        let version = try Self.fixture("Fixtures/diff/old.yaml")
        let diff = try DatasetComparison.compare(version, version)
        #expect(diff.isEmpty)
        #expect(DiffFormat.text.render(diff).hasSuffix("No changes.\n"))
        #expect(DiffFormat.json.render(diff).contains("\"equal\": true"))
    }

    @Test func aSeriesRestatedInAnotherScaleHasNoRevisions() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": "period,value,hs_code\n2019-01,1.5,0306\n2019-02,2,0306\n"])
        let restated = Self.base.replacingOccurrences(of: "scale: million", with: "scale: one")
        let same = try DatasetComparison.compare(old, try Self.version(restated, files: ["rows.csv": "period,value,hs_code\n2019-01,1500000,0306\n2019-02,2000000,0306\n"]))
        #expect(same.observations.isEmpty)
        #expect(same.records.first?.fields == [FieldChange(field: "scale", old: "million", new: "one")])
        // The same bytes in another scale are other amounts.
        let other = try DatasetComparison.compare(old, try Self.version(restated, files: ["rows.csv": "period,value,hs_code\n2019-01,1.5,0306\n2019-02,2,0306\n"]))
        #expect(other.observations.first?.revised == 2)
        #expect(other.observations.first?.largestRevisions.first?.old == "2000000")
        #expect(ObservationComparison.rescaled(Number(12.42, fractionDigits: 2), by: 3) == Number(12420, fractionDigits: 0))
        #expect(ObservationComparison.rescaled(Number(12420, fractionDigits: 0), by: -3) == Number(12.42, fractionDigits: 3))
    }

    @Test func aNewlyAcknowledgedWarningShowsInTheDiff() throws {
        let old = try Self.version(Self.base, files: ["rows.csv": Self.rows])
        let acknowledged = Self.base + "\nacknowledgements:\n  - {record: visit-b, code: participant-without-office, reason: The sources name no office}\n"
        let diff = try DatasetComparison.compare(old, try Self.version(acknowledged, files: ["rows.csv": Self.rows]))
        #expect(diff.metadata == [FieldChange(field: "acknowledgements", old: nil, new: "visit-b participant-without-office: The sources name no office")])
    }

    /// Hole: a changed archive file made a fabricated quote verify while `diff` said "No changes". The
    /// archived text is evidence: its change is shown, with the quotes that now rest on it.
    @Test func aChangedArchivedTextIsAChangeOfItsSource() throws {
        let text = Self.base.replacingOccurrences(of: "  - {id: brief, title: Brief, tier: official}",
                                                  with: "  - {id: brief, title: Brief, tier: official, archive: brief.txt}")
            .replacingOccurrences(of: "title: B visits, start: 2020, country: pk, sources: [brief]}",
                                  with: "title: B visits, start: 2020, country: pk, sources: [{source: brief, quote: B promised a billion}]}")
        let old = try Self.version(text, files: ["rows.csv": Self.rows, "brief.txt": "A visited.\nB visited.\n"])
        let forged = try Self.version(text, files: ["rows.csv": Self.rows, "brief.txt": "A visited.\nB visited.\nB promised\n a billion.\n"])
        let diff = try DatasetComparison.compare(old, forged)
        #expect(!diff.isEmpty && diff.records.isEmpty)
        let change = try #require(diff.archives.first)
        #expect(diff.archives.count == 1 && change.source == "brief" && change.linesAdded == 2 && change.linesRemoved == 0)
        #expect(change.quotes.map(\.quote) == ["B promised a billion"] && change.quotes.first?.record == "an event 'visit-b'")
        #expect(DiffFormat.text.render(diff).contains("~ archived text of source brief: +2 −0 lines"))
        #expect(DiffFormat.markdown.render(diff).contains("| `brief` |"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(DiffFormat.json.render(diff).utf8)) as? [String: Any])
        #expect(json["equal"] as? Bool == false)
        #expect((json["summary"] as? [String: Any])?["archives"] as? Int == 1)
        #expect(((json["archives"] as? [[String: Any]])?.first?["quotes"] as? [Any])?.count == 1)
        // The same text carried in the document (as the JSON export writes it) is compared the same way.
        let carried = text.replacingOccurrences(of: "archive: brief.txt", with: "archived_text: \"A visited.\"")
        let carriedDiff = try DatasetComparison.compare(try Self.version(carried, files: ["rows.csv": Self.rows]),
                                                        try Self.version(carried.replacingOccurrences(of: "\"A visited.\"", with: "\"A visited. B promised a billion.\""), files: ["rows.csv": Self.rows]))
        #expect(carriedDiff.archives.map(\.source) == ["brief"] && carriedDiff.records.isEmpty)
        // An unchanged text is no change.
        #expect(try DatasetComparison.compare(old, old).isEmpty)
    }
}
