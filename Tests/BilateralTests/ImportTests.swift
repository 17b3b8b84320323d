import Foundation
import Testing
import ZIPFoundation
@testable import Bilateral

/// `bilateral import`: an edited workbook back into the dataset, with what spreadsheet programs do to
/// values refused where it cannot be undone for certain, and the dataset's own changes since kept.
@Suite struct ImportTests {
    /// A copy of Fixtures/import (and the archive it quotes) in a temporary directory, exported as a workbook.
    struct Scene {
        let directory: URL
        var dataset: String { directory.appending(path: "import/relations.yaml").path }
        var workbook: URL { directory.appending(path: "exported.xlsx") }

        init() throws {
            directory = try Export.temporaryDirectory()
            for name in ["import", "archive"] {
                try FileManager.default.copyItem(at: Repository.url("Fixtures/\(name)"), to: directory.appending(path: name))
            }
            try FileManager.default.removeItem(at: directory.appending(path: "import/expected"))
            try Exporter(registry: .standard).export(try validated(), format: "xlsx", to: .path(workbook.path))
        }

        func validated() throws -> ValidatedDataset {
            try #require(try DatasetValidation.check(path: dataset, root: directory.path).validated(strict: false))
        }

        /// The workbook with one sheet part's XML changed (sheet 8 is Events, 12 Observations).
        func edited(sheet: Int, _ change: (String) -> String, workbook part: ((String) -> String)? = nil) throws -> URL {
            let target = directory.appending(path: "edited-\(UUID().uuidString).xlsx")
            let archive = try Archive(url: target, accessMode: .create)
            for (name, data) in try WorkbookParts.read(workbook) {
                var bytes = data
                if name == "xl/worksheets/sheet\(sheet).xml" { bytes = Data(change(String(decoding: data, as: UTF8.self)).utf8) }
                if name == "xl/workbook.xml", let part { bytes = Data(part(String(decoding: data, as: UTF8.self)).utf8) }
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return target
        }

        func plan(_ workbook: URL, base: ValidatedDataset? = nil) throws -> DatasetImport.Outcome {
            try DatasetImport(current: try validated(), currentFile: dataset, importName: "edited.xlsx", base: { _ in base })
                .importWorkbook(at: workbook.path, displayName: "edited.xlsx")
        }
    }

    /// Replaces a cell of the sheet's XML (`<c r="D2" …>…</c>`) with `cell`.
    static func replacing(_ reference: String, with cell: String) -> (String) -> String {
        { xml in xml.replacingOccurrences(of: #"<c r="\#(reference)"[^>]*?(/>|>.*?</c>)"#, with: cell, options: .regularExpression) }
    }

    private func codes(_ outcome: DatasetImport.Outcome) -> [String] { outcome.findings.map { "\($0.place) \($0.code)" } }

    /// The import's rows take the fingerprint an export records (`DatasetFingerprint.of`), though they
    /// gather the observations apart, on every valid fixture: observations in files and in the document,
    /// with and without ids and quotes.
    @Test func theRowsFingerprintIsTheExportsOnEveryFixture() throws {
        let fixtures = try Repository.files(in: "Fixtures/valid").filter { $0.hasSuffix(".yaml") }
            + ["Fixtures/pakistan-japan.yaml", "Fixtures/import/relations.yaml"]
        var checked = 0
        for fixture in fixtures {
            let url = Repository.url(fixture)
            let root = url.deletingLastPathComponent().deletingLastPathComponent().path
            guard let dataset = try DatasetValidation.check(path: url.path, root: root).validated(strict: false) else { continue }
            let view = TabularView(dataset)
            let rows = try TableRows(dataset, view: view)
            #expect(rows.fingerprint == (try DatasetFingerprint.of(view)), "\(fixture)")
            var observations = 0
            try dataset.forEachObservation { _ in observations += 1 }
            #expect(rows.order["observations"]?.count == observations, "\(fixture)")
            checked += 1
        }
        #expect(checked > fixtures.count / 2)
    }

    @Test func anUnchangedWorkbookHasNothingToImport() throws {
        let scene = try Scene()
        let outcome = try scene.plan(scene.workbook)
        #expect(outcome.findings.isEmpty)
        #expect(outcome.files.isEmpty)
        #expect(outcome.diff?.isEmpty == true)
    }

    @Test func whatASpreadsheetDoesToValuesIsRefusedAtTheCell() throws {
        let scene = try Scene()
        let cases: [(sheet: Int, change: (String) -> String, expected: String)] = [
            (8, Self.replacing("D2", with: #"<c r="D2"><f>UPPER(D3)</f><v>X</v></c>"#), "edited.xlsx:Events!D2 formula-cell"),
            (8, Self.replacing("D2", with: #"<c r="D2" t="e"><v>#REF!</v></c>"#), "edited.xlsx:Events!D2 error-cell"),
            (8, Self.replacing("D2", with: #"<c r="D2" t="b"><v>1</v></c>"#), "edited.xlsx:Events!D2 wrong-cell-type"),
            (8, Self.replacing("I3", with: #"<c r="I3"><v>1.2345678901234567E+19</v></c>"#), "edited.xlsx:Events!I3 digits-lost"),
            (8, Self.replacing("D2", with: #"<c r="D2" t="inlineStr"><is><t>'Foreign Minister visits Japan</t></is></c>"#), "edited.xlsx:Events!D2 leading-apostrophe"),
            (8, Self.replacing("D2", with: #"<c r="D2" t="inlineStr"><is><t>Foreign Minister visits Japan  </t></is></c>"#), "edited.xlsx:Events!D2 surrounding-blanks"),
            (8, { $0.replacingOccurrences(of: "</sheetData>", with: "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"D2:D3\"/></mergeCells>") }, "edited.xlsx:Events!D2:D3 merged-cells"),
            (8, { $0.replacingOccurrences(of: "<t>title</t>", with: "<t>Title</t>") }, "edited.xlsx:Events!D1 missing-column"),
            (8, { xml in xml.replacingOccurrences(of: "</sheetData>", with: #"<row r="9"><c r="A9" t="inlineStr"><is><t>visit-2019-10</t></is></c></row></sheetData>"#) }, "edited.xlsx:Events!9:9 duplicate-row"),
        ]
        for (sheet, change, expected) in cases {
            let outcome = try scene.plan(try scene.edited(sheet: sheet, change))
            #expect(codes(outcome).contains(expected), "\(expected): \(codes(outcome))")
            #expect(outcome.files.isEmpty)
        }
    }

    /// Observations are read with the columns their header names before the dataset's own are known: a
    /// renamed dimension column makes them read again with the dataset's columns, and each finding is made once.
    @Test func observationsReadWithTheirHeadersColumnsAreReadAgainWhenTheDatasetsDiffer() throws {
        let scene = try Scene()
        let renamed = try scene.edited(sheet: 12, { $0.replacingOccurrences(of: "<t>hs_code</t>", with: "<t>HS code</t>") })
        let outcome = try scene.plan(renamed)
        #expect(codes(outcome) == ["edited.xlsx:Observations!N1 missing-column", "edited.xlsx:Observations!N1 unknown-column",
                                   "edited.xlsx:Observations!N3 unknown-column", "edited.xlsx:Observations!N4 unknown-column",
                                   "edited.xlsx:Observations!N5 unknown-column"])
        #expect(outcome.files.isEmpty)
        // With the header as exported, the rows read ahead are the rows: an edited value is found.
        let edited = try scene.edited(sheet: 12, Self.replacing("E3", with: #"<c r="E3" s="5"><v>0.5</v></c>"#))
        #expect(try scene.plan(edited).diff?.observations.count == 1)
    }

    /// A header of thousands of unknown columns is read ahead only until its rows reach the bound on
    /// cells (`readAheadCells`; more rows follow here), then read again with the dataset's columns:
    /// every unknown column is found, nothing is written.
    @Test func aHeaderOfThousandsOfColumnsIsReadAgainWithTheDatasetsColumns() throws {
        let scene = try Scene()
        let first = 20, extra = 16_000
        let wide = try scene.edited(sheet: 12, { xml in
            let header = (first..<first + extra).map { #"<c r="\#(CellReference.name(column: $0, row: 1))" t="inlineStr"><is><t>x\#($0)</t></is></c>"# }.joined()
            let rows = (100..<400).map { #"<row r="\#($0)"><c r="\#(CellReference.name(column: first, row: $0))"><v>1</v></c></row>"# }.joined()
            var xml = xml
            let headerEnd = xml.range(of: "</row>")!
            xml.replaceSubrange(headerEnd, with: header + "</row>")
            return xml.replacingOccurrences(of: "</sheetData>", with: rows + "</sheetData>")
        })
        #expect(ExportReading.readAheadCells / (extra + 13) < 300, "the rows outnumber what may be read ahead")
        let outcome = try scene.plan(wide)
        #expect(codes(outcome).filter { $0.hasSuffix("unknown-column") }.count == extra + 300)
        #expect(outcome.files.isEmpty)
    }

    @Test func aRenamedSheetIsAnUnknownSheetAndAMissingOneNeverARemoval() throws {
        let scene = try Scene()
        let outcome = try scene.plan(try scene.edited(sheet: 8, { $0 }, workbook: { $0.replacingOccurrences(of: "name=\"Events\"", with: "name=\"Visits\"") }))
        #expect(codes(outcome).contains("edited.xlsx:Visits unknown-sheet"))
        #expect(codes(outcome).contains("edited.xlsx missing-sheet"))
        #expect(outcome.files.isEmpty)
    }

    @Test func datesKeepThePrecisionTheirFormatShowsAndNumbersTheirDecimals() throws {
        let scene = try Scene()
        // E2 is a month (mmm yyyy): 43601 is 15 May 2019, which the month format shows as May 2019.
        let events = try scene.edited(sheet: 8, Self.replacing("E2", with: #"<c r="E2" s="3"><v>43601</v></c>"#))
        let outcome = try scene.plan(events)
        let change = try #require(outcome.diff?.records.first)
        #expect(change.fields.map { "\($0.field): \($0.old ?? "") → \($0.new ?? "")" } == ["start: 2019-04 → 2019-05"])
        // Binary noise on a value of one decimal: 12.5 becomes 0.30000000000000004, read as 0.3.
        let observations = try scene.edited(sheet: 12, Self.replacing("E3", with: #"<c r="E3" s="5"><v>0.30000000000000004</v></c>"#))
        let revised = try scene.plan(observations)
        let csv = try #require(revised.files.first { $0.path.hasSuffix("observations.csv") })
        #expect(String(decoding: csv.data, as: UTF8.self).contains("2019-01,0.3,0306,"))
    }

    @Test func aRetypedIdIsARemovalAndAnAdditionNotAnEditOfTheRecord() throws {
        let scene = try Scene()
        let outcome = try scene.plan(try scene.edited(sheet: 8, Self.replacing("A3", with: #"<c r="A3" t="inlineStr"><is><t>visit-2019-11</t></is></c>"#)))
        let records = try #require(outcome.diff?.records, "\(outcome.findings)")
        #expect(records.map { "\($0.change) \($0.id)" }.sorted() == ["added visit-2019-11", "removed visit-2019-10"])
    }

    @Test func aNewIdWithReplacesIsARenameEverywhereTheRecordIsNamed() throws {
        let scene = try Scene()
        let people = scene.directory.appending(path: "import/shared/people.yaml")
        let datasetBefore = try String(contentsOfFile: scene.dataset, encoding: .utf8)
        let peopleBefore = try String(contentsOf: people, encoding: .utf8)
        let renamed = try scene.edited(sheet: 4) { xml in
            xml.replacingOccurrences(of: #"<c r="A2" t="inlineStr"><is><t>arif-alvi</t></is></c><c r="C2" t="inlineStr"><is><t>Arif Alvi</t></is></c>"#,
                                     with: #"<c r="A2" t="inlineStr"><is><t>arif-alvi-2018</t></is></c><c r="B2" t="inlineStr"><is><t>arif-alvi</t></is></c><c r="C2" t="inlineStr"><is><t>Arif Alvi (President)</t></is></c>"#)
        }
        let outcome = try scene.plan(renamed)
        #expect(outcome.findings.filter(\.isError).isEmpty, "\(codes(outcome))")
        let files = Dictionary(uniqueKeysWithValues: outcome.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        #expect(files[people.path] == peopleBefore.replacingOccurrences(
            of: "{id: arif-alvi, name: Arif Alvi,", with: "{id: arif-alvi-2018, replaces: arif-alvi, name: Arif Alvi (President),"))
        #expect(files[scene.dataset] == datasetBefore.replacingOccurrences(of: "person: arif-alvi,", with: "person: arif-alvi-2018,")
            .replacingOccurrences(of: "visitors: [arif-alvi]", with: "visitors: [arif-alvi-2018]"))
        let text = ImportReport(outcome: outcome, dryRun: true, applied: false).render(.text)
        #expect(text.contains("> person arif-alvi-2018, renamed from arif-alvi"), "the diff shows a rename: \(text)")
        // A source is named in flow lists and in block citations with quotes, in both documents.
        let source = try scene.edited(sheet: 2) { xml in
            xml.replacingOccurrences(of: #"<c r="A2" t="inlineStr"><is><t>brief</t></is></c>"#,
                                     with: #"<c r="A2" t="inlineStr"><is><t>brief-2019</t></is></c><c r="B2" t="inlineStr"><is><t>brief</t></is></c>"#)
        }
        let sourceOutcome = try scene.plan(source)
        #expect(!sourceOutcome.hasErrors, "\(codes(sourceOutcome))")
        let sourceFiles = Dictionary(uniqueKeysWithValues: sourceOutcome.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        func withSourceRenamed(_ text: String) -> String {
            text.replacingOccurrences(of: "sources: [brief]", with: "sources: [brief-2019]")
                .replacingOccurrences(of: "- source: brief\n", with: "- source: brief-2019\n")
                .replacingOccurrences(of: "  - id: brief\n", with: "  - id: brief-2019\n    replaces: brief\n")
        }
        #expect(sourceFiles[scene.dataset] == withSourceRenamed(datasetBefore))
        #expect(sourceFiles[people.path] == withSourceRenamed(peopleBefore))
        // The same new row while the export still has the old one is a record of its own, which validation refuses.
        let both = try scene.edited(sheet: 4) { xml in
            xml.replacingOccurrences(of: "</sheetData>", with: #"<row r="5"><c r="A5" t="inlineStr"><is><t>arif-alvi-2018</t></is></c><c r="B5" t="inlineStr"><is><t>arif-alvi</t></is></c><c r="C5" t="inlineStr"><is><t>Arif Alvi</t></is></c><c r="E5" t="inlineStr"><is><t>pk</t></is></c><c r="F5" t="inlineStr"><is><t>brief</t></is></c></row></sheetData>"#)
        }
        #expect(try scene.plan(both).hasErrors)
    }

    @Test func theEditedDatasetIsValidatedAsAWholeAndFindingsPointAtTheCell() throws {
        let scene = try Scene()
        let outcome = try scene.plan(try scene.edited(sheet: 8, Self.replacing("J3", with: #"<c r="J3" t="inlineStr"><is><t>xx</t></is></c>"#)))
        let finding = try #require(outcome.findings.first)
        #expect(finding.code == "unknown-reference")
        #expect(finding.place == "edited.xlsx:Events!J3")
        #expect(finding.landsAt?.file == scene.dataset)
        #expect(outcome.hasErrors)
    }

    @Test func theDatasetAsItIsIsCheckedWhenNothingChangesOrTheImportIsRefused() throws {
        let scene = try Scene()
        let yaml = try String(contentsOfFile: scene.dataset, encoding: .utf8)
        try yaml.replacingOccurrences(of: "hosts: [taro-kono]", with: "hosts: [taro-konoo]").write(toFile: scene.dataset, atomically: true, encoding: .utf8)
        #expect(try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).validated(strict: false) == nil,
                "the dangling reference fails the rules")
        // Only loaded, as the command loads it: the rules are left to the import.
        let loaded = try #require(try DatasetValidation.check(path: scene.dataset, root: scene.directory.path, rules: false).validated(strict: false))
        try Exporter(registry: .standard).export(loaded, format: "xlsx", to: .path(scene.workbook.path))
        func plan(_ workbook: URL) throws -> DatasetImport.Outcome {
            try DatasetImport(current: loaded, currentFile: scene.dataset, importName: "edited.xlsx").importWorkbook(at: workbook.path, displayName: "edited.xlsx")
        }
        #expect(throws: DatasetImport.InvalidDataset.self, "nothing changes: the dataset as it is must pass") { try plan(scene.workbook) }
        let untouched = try scene.edited(sheet: 8, Self.replacing("I3", with: #"<c r="I3" t="inlineStr"><is><t>Tokyo, Japan</t></is></c>"#))
        #expect(throws: DatasetImport.InvalidDataset.self, "the error is the dataset's, not the workbook's") { try plan(untouched) }
        let mended = try plan(try scene.edited(sheet: 8, Self.replacing("L2", with: #"<c r="L2" t="inlineStr"><is><t>taro-kono</t></is></c>"#)))
        #expect(mended.findings.isEmpty)
        let written = String(decoding: try #require(mended.files.first).data, as: UTF8.self)
        #expect(written == yaml, "the edit that mends the dataset is applied")
    }

    @Test func aReadingStoppedBeforeTheDatasetArrivesEndsAtOnce() throws {
        let scene = try Scene()
        // The observations wait for the dataset's tables, which never come: stopping must not wait for them.
        let reading = try ExportReading(workbook: scene.workbook.path, displayName: "exported.xlsx")
        #expect(reading.madeFrom != nil)
        reading.stop()
        reading.stop()
    }

    @Test func aCellChangedBothInTheWorkbookAndInTheDatasetSinceIsAConflict() throws {
        let scene = try Scene()
        let base = try scene.validated()
        let edited = try scene.edited(sheet: 8, Self.replacing("D3", with: #"<c r="D3" t="inlineStr"><is><t>Workbook title</t></is></c>"#))
        // Since the export, the dataset changed the same title, and another event's too.
        let yaml = try String(contentsOfFile: scene.dataset, encoding: .utf8)
        try yaml.replacingOccurrences(of: "title: President visits Tokyo", with: "title: Dataset title")
            .replacingOccurrences(of: "title: 'Foreign Minister visits Japan'", with: "title: 'Foreign Minister in Japan'")
            .write(toFile: scene.dataset, atomically: true, encoding: .utf8)
        let conflict = try scene.plan(edited, base: base)
        #expect(conflict.findings.map(\.code) == ["edit-conflict"])
        #expect(conflict.findings[0].message.contains("was 'President visits Tokyo', the export has 'Workbook title', the dataset now has 'Dataset title'"))
        // The workbook's other rows do not revert the dataset's change since.
        let other = try scene.edited(sheet: 8, Self.replacing("I3", with: #"<c r="I3" t="inlineStr"><is><t>Tokyo, Japan</t></is></c>"#))
        let merged = try scene.plan(other, base: base)
        #expect(merged.findings.isEmpty)
        let text = String(decoding: try #require(merged.files.first).data, as: UTF8.self)
        #expect(text.contains("title: 'Foreign Minister in Japan'") && text.contains("place: Tokyo, Japan   # the enthronement"))
    }

    @Test func theCommandExitsZeroOneOrTwoAndWritesAllOrNothing() throws {
        let scene = try Scene()
        let before = try Data(contentsOf: URL(fileURLWithPath: scene.dataset))
        let bad = try scene.edited(sheet: 8, Self.replacing("D2", with: #"<c r="D2" t="e"><v>#N/A</v></c>"#))
        let refused = try Transcript.run(["import", bad.path, "--into", scene.dataset, "--root", scene.directory.path])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("Events!D2: error[error-cell]"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scene.dataset)) == before)
        let notAWorkbook = scene.directory.appending(path: "notes.xlsx")
        try Data("not a zip".utf8).write(to: notAWorkbook)
        let unreadable = try Transcript.run(["import", notAWorkbook.path, "--into", scene.dataset, "--root", scene.directory.path])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("not-a-workbook"))
        let good = try scene.edited(sheet: 8, Self.replacing("I3", with: #"<c r="I3" t="inlineStr"><is><t>Tokyo, Japan</t></is></c>"#))
        let dry = try Transcript.run(["import", good.path, "--into", scene.dataset, "--root", scene.directory.path, "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("place: \"Tokyo\" → \"Tokyo, Japan\""))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scene.dataset)) == before)
        let applied = try Transcript.run(["import", good.path, "--into", scene.dataset, "--root", scene.directory.path])
        #expect(applied.status == 0 && applied.stderr.contains("wrote \(scene.dataset)"))
        #expect(try String(contentsOfFile: scene.dataset, encoding: .utf8)
            == String(decoding: before, as: UTF8.self).replacingOccurrences(of: "place: Tokyo   #", with: "place: Tokyo, Japan   #"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scene.directory.appending(path: "import").path).filter { $0.contains(".bilateral-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCSVExportComesBackToo() throws {
        let scene = try Scene()
        let csv = scene.directory.appending(path: "csv")
        try Exporter(registry: .standard).export(try scene.validated(), format: "csv", to: .path(csv.path))
        let events = csv.appending(path: "events.csv")
        let text = try String(contentsOf: events, encoding: .utf8)
        try text.replacingOccurrences(of: "President visits Tokyo", with: "The President visits Tokyo").write(to: events, atomically: true, encoding: .utf8)
        let outcome = try DatasetImport(current: try scene.validated(), currentFile: scene.dataset, importName: "csv")
            .importCSVDirectory(at: csv.path)
        #expect(outcome.findings.isEmpty)
        #expect(outcome.diff?.records.map(\.id) == ["visit-2019-10"])
    }

    @Test func aWorkbookFromAnEarlierCommitIsMergedWithTheDatasetsChangesSince() throws {
        let repository = try DiffCommandTests.repository()
        for name in ["import", "archive"] { try DiffCommandTests.copy("Fixtures/\(name)", to: repository.appending(path: name)) }
        try FileManager.default.removeItem(at: repository.appending(path: "import/expected"))
        try DiffCommandTests.git(["add", "."], in: repository)
        try DiffCommandTests.git(["commit", "-q", "-m", "dataset"], in: repository)
        let exported = try Transcript.run(["export", "import/relations.yaml", "--format", "xlsx", "--output", "exported.xlsx"], in: repository)
        #expect(exported.status == 0, "\(exported.stderr)")
        let workbook = repository.appending(path: "exported.xlsx")
        #expect(try ExportProvenance.read(workbook: workbook.path)?.commit != nil, "a tracked, unchanged dataset's export records its commit")
        // The dataset moves on in git; the workbook's edit of another record is applied on top.
        let dataset = repository.appending(path: "import/relations.yaml")
        let text = try String(contentsOf: dataset, encoding: .utf8)
        try text.replacingOccurrences(of: "place: Tokyo   #", with: "place: Tokyo, Japan   #").write(to: dataset, atomically: true, encoding: .utf8)
        try DiffCommandTests.git(["commit", "-q", "-am", "moved on"], in: repository)
        let run = try Transcript.run(["import", "exported.xlsx", "--dry-run"], in: repository)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("nothing to import"), "the dataset's own change is not undone by the older workbook: \(run.stdout)")
        // An export of a dataset git ignores records no commit, so the import cannot look for a base that is not there.
        try "import/\n".write(to: repository.appending(path: ".gitignore"), atomically: true, encoding: .utf8)
        try DiffCommandTests.git(["rm", "-r", "-q", "--cached", "import"], in: repository)
        try DiffCommandTests.git(["add", ".gitignore"], in: repository)
        try DiffCommandTests.git(["commit", "-q", "-m", "untracked"], in: repository)
        let ignored = try Transcript.run(["export", "import/relations.yaml", "--format", "xlsx", "--output", "ignored.xlsx"], in: repository)
        #expect(ignored.status == 0, "\(ignored.stderr)")
        let provenance = try ExportProvenance.read(workbook: repository.appending(path: "ignored.xlsx").path)
        #expect(provenance?.datasetFile == "import/relations.yaml" && provenance?.commit == nil)
    }
}
