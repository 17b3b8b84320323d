import Foundation
import Testing
@testable import Bilateral

/// `bilateral import FILE --series ID`: a series of a statistics file made a series of the dataset,
/// checked by `validate` against its file, and read again by `import --refresh`.
struct StatisticsImportTests {
    /// A dataset (`Fixtures/valid/minimal.yaml`) in a directory of its own, with its archive beside it.
    struct Scene {
        let directory: URL
        var dataset: String { directory.appending(path: "data/relations.yaml").path }

        init() throws {
            directory = try Export.temporaryDirectory()
            try FileManager.default.createDirectory(at: directory.appending(path: "data"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repository.url("Fixtures/archive"), to: directory.appending(path: "archive"))
            try FileManager.default.copyItem(at: Repository.url("Fixtures/valid/minimal.yaml"), to: URL(fileURLWithPath: dataset))
        }

        func validated() throws -> ValidatedDataset {
            try #require(try DatasetValidation.check(path: dataset, root: directory.path, mapsDocument: true).validated(strict: false))
        }

        /// An import into the dataset as the command loads it: its rules are left to the edited dataset.
        func importer() throws -> StatisticsImport {
            let loaded = try DatasetValidation.check(path: dataset, root: directory.path, observationFiles: false, rules: false, mapsDocument: true)
            return StatisticsImport(current: try #require(loaded.validated(strict: false)), currentFile: dataset, importName: "import")
        }

        /// Writes `text` to `name` under the scene's directory and returns its path.
        func file(_ name: String, _ text: String) throws -> String {
            let url = directory.appending(path: name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return url.path
        }

        var text: String { (try? String(contentsOfFile: dataset, encoding: .utf8)) ?? "" }
    }

    static let sdmx = """
        DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,UNIT_MEASURE
        XX:TRADE(1.0),A,PK,JP,2021,1204,,6,USD
        XX:TRADE(1.0),A,PK,JP,2022,1210.5,P,6,USD
        XX:TRADE(1.0),A,PK,JP,2023,,M,6,USD
        XX:TRADE(1.0),A,JP,PK,2021,1900,,6,USD

        """

    static func request(_ file: String, series: String = "pk-jp-trade", _ codes: [String: String] = ["REF_AREA": "PK"]) -> StatisticsImport.Request {
        var request = StatisticsImport.Request(file: file, series: series, selection: SeriesSelection(codes: codes))
        request.retrieved = PartialDate(year: 2026, month: 12, day: 1)
        request.title = "Pakistan's exports to Japan"
        return request
    }

    @Test func aNewSeriesTakesTheFilesFiguresScaleUnitStatusesAndASourceWithTheChecksum() throws {
        let scene = try Scene()
        let path = try scene.file("data/statistics/trade.csv", Self.sdmx)
        let outcome = try scene.importer().plan(Self.request(path), data: Data(Self.sdmx.utf8))
        #expect(!outcome.hasErrors, "\(outcome.findings)")
        #expect(outcome.files.map(\.path) == [scene.dataset], "a file inside the root is not copied")
        try EditedFilesWriter.replace(outcome.files)
        let text = scene.text
        #expect(text.contains("data_file: statistics/trade.csv"))
        #expect(text.contains("sha256: \(SHA256.hex(Data(Self.sdmx.utf8)))"))
        #expect(text.contains("dataset: XX:TRADE(1.0)"))
        #expect(text.contains("accessed: 2026-12-01"))
        #expect(text.contains("import_key: {COUNTERPART_AREA: JP, FREQ: A, REF_AREA: PK}"))
        #expect(text.contains("reporter: pk\n    partner: jp\n    currency: USD\n    scale: million\n    period_kind: calendar-year"))
        #expect(text.contains("{series: pk-jp-trade, period: 2021, value: 1204}"))
        #expect(text.contains("{series: pk-jp-trade, period: 2022, value: 1210.5, value_status: provisional}"))
        #expect(!text.contains("period: 2023"), "a missing value is left out, not written as zero")
        // What was written validates, against the file.
        let report = try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).report
        #expect(report.findings.isEmpty, "\(report.findings)")
        // The brief shows the status.
        let brief = try Brief.render(try scene.validated(), options: BriefOptions(asOf: nil, width: 200, template: BriefTemplate.named("brief"),
                                                                                  sections: BriefSection.allCases))
        #expect(brief.contains("2022: US$1,210.5 million (provisional)"))
    }

    @Test func anEditedFigureIsAnErrorAndTheRefreshTakesTheRevisedFile() throws {
        let scene = try Scene()
        let path = try scene.file("data/statistics/trade.csv", Self.sdmx)
        try EditedFilesWriter.replace(try scene.importer().plan(Self.request(path), data: Data(Self.sdmx.utf8)).files)
        // A hand edit to an official figure.
        try Data(scene.text.replacingOccurrences(of: "value: 1204}", with: "value: 1205}").utf8).write(to: URL(fileURLWithPath: scene.dataset))
        var findings = try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).report.findings
        #expect(findings.map(\.code) == [.statisticsMismatch])
        #expect(findings.first?.message.contains("is 1205; ") == true && findings.first?.message.contains("has 1204 (line 2)") == true)
        // The producer revises its figures: the file changes, and validate says so.
        let revised = Self.sdmx.replacingOccurrences(of: ",2022,1210.5,P,", with: ",2022,1212,,").replacingOccurrences(of: ",2023,,M,", with: ",2023,1300,P,")
        _ = try scene.file("data/statistics/trade.csv", revised)
        findings = try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).report.findings
        #expect(Set(findings.map(\.code)) == [.dataFileChanged, .statisticsMismatch])
        // The refresh takes every revision, and shows it.
        let outcome = try scene.importer().refresh(retrieved: PartialDate(year: 2026, month: 12, day: 7))
        #expect(!outcome.hasErrors, "\(outcome.findings)")
        let diff = try #require(outcome.diff)
        let words = DiffFormat.text.render(diff)
        #expect(words.contains("revised 2021: 1205 → 1204"))
        #expect(words.contains("revised 2022: 1210.5 → 1212"))
        #expect(words.contains("added 2023: 1300"))
        try EditedFilesWriter.replace(outcome.files)
        #expect(scene.text.contains("{series: pk-jp-trade, period: 2022, value: 1212}"), "the status the file no longer gives is removed")
        #expect(scene.text.contains("accessed: 2026-12-07"))
        #expect(try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).report.findings.isEmpty)
        // Refreshing again finds nothing to change.
        let again = try scene.importer().refresh()
        #expect(again.files.isEmpty && again.diff?.isEmpty == true)
    }

    @Test func aFileTwoSeriesAreImportedFromIsReadOnceAndAMissingOneReportedOnce() throws {
        let scene = try Scene()
        let path = try scene.file("data/statistics/trade.csv", Self.sdmx)
        try EditedFilesWriter.replace(try scene.importer().plan(Self.request(path), data: Data(Self.sdmx.utf8)).files)
        var second = Self.request(path, series: "jp-pk-trade", ["REF_AREA": "JP"])
        second.source = "pk-jp-trade-data"
        let outcome = try scene.importer().plan(second, data: Data(Self.sdmx.utf8))
        #expect(!outcome.hasErrors, "\(outcome.findings)")
        try EditedFilesWriter.replace(outcome.files)
        #expect(try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).report.findings.isEmpty)
        try FileManager.default.removeItem(atPath: path)
        let findings = try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).report.findings
        #expect(findings.map(\.code) == [.missingFile], "\(findings)")
    }

    @Test func aFileFromOutsideTheRootIsCopiedUnderIt() throws {
        let scene = try Scene()
        let outside = try Export.temporaryDirectory().appending(path: "download.csv")
        try Data(Self.sdmx.utf8).write(to: outside)
        var request = Self.request(outside.path)
        let outcome = try scene.importer().plan(request, data: Data(Self.sdmx.utf8))
        let copy = scene.directory.appending(path: "data/statistics/download.csv").path
        #expect(outcome.files.map(\.path).sorted() == [scene.dataset, copy].sorted())
        #expect(outcome.files.first { $0.path == copy }?.data == Data(Self.sdmx.utf8))
        request.keepAs = "sources/trade.csv"
        let kept = try scene.importer().plan(request, data: Data(Self.sdmx.utf8))
        #expect(kept.files.contains { $0.path == scene.directory.appending(path: "data/sources/trade.csv").path })
        // A different file already there, which no source names, is not overwritten.
        _ = try scene.file("data/statistics/download.csv", "something else")
        let blocked = try scene.importer().plan(Self.request(outside.path), data: Data(Self.sdmx.utf8))
        #expect(blocked.findings.map(\.code) == ["file-in-the-way"])
    }

    @Test func anExistingSeriesKeepsItsWordsAndRefusesAnotherUnit() throws {
        let scene = try Scene()
        let path = try scene.file("data/trade.csv", Self.sdmx)
        // The fixture's series 'exports' (USD millions, one observation of 2019) takes the file's figures.
        var request = Self.request(path, series: "exports")
        request.title = "Ignored for an existing series"
        let outcome = try scene.importer().plan(request, data: Data(Self.sdmx.utf8))
        #expect(!outcome.hasErrors, "\(outcome.findings)")
        let words = DiffFormat.text.render(try #require(outcome.diff))
        #expect(words.contains("removed 2019"), "\(words)")
        #expect(words.contains("added 2021: 1204"), "\(words)")
        try EditedFilesWriter.replace(outcome.files)
        #expect(scene.text.contains("title: Exports to Japan") && !scene.text.contains("Ignored"))
        #expect(scene.text.contains("sources: [brief, exports-data]"))
        // Figures in yen do not go into a series in dollars.
        let yen = Self.sdmx.replacingOccurrences(of: ",USD", with: ",JPY")
        let refused = try scene.importer().plan(Self.request(path, series: "exports"), data: Data(yen.utf8))
        #expect(refused.findings.map(\.code) == ["unit-mismatch"] && refused.files.isEmpty)
    }

    @Test func aSelectionThatMatchesNoneOrSeveralListsTheKeys() throws {
        let scene = try Scene()
        let path = try scene.file("data/trade.csv", Self.sdmx)
        let several = try scene.importer().plan(Self.request(path, [:]), data: Data(Self.sdmx.utf8))
        #expect(several.findings.map(\.code) == ["series-not-selected"])
        #expect(several.findings.first?.hint?.contains("A.PK.JP, A.JP.PK") == true)
        let none = try scene.importer().plan(Self.request(path, ["REF_AREA": "IN"]), data: Data(Self.sdmx.utf8))
        #expect(none.findings.first?.message.contains("matches none of the 2 series") == true)
    }

    @Test(arguments: [
        ("UNIT_MULT", "2", "UNIT_MULT is 2"),
        ("OBS_STATUS", "Z", "OBS_STATUS is Z, a status the dataset has no word for"),
        ("OBS_STATUS", "M", "OBS_STATUS is M, which marks a missing value, but the observation has one"),
    ])
    func whatTheDatasetHasNoWordForIsALocatedError(attribute: String, code: String, message: String) throws {
        let scene = try Scene()
        let file = "DATAFLOW,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE,\(attribute),UNIT_MEASURE\nXX:T(1.0),A,PK,2021,5,\(code),USD\n"
        let path = try scene.file("data/bad.csv", file)
        let outcome = try scene.importer().plan(Self.request(path, [:]), data: Data(file.utf8))
        #expect(outcome.findings.map(\.code) == ["unsupported-attribute"])
        #expect(outcome.findings.first?.place == "\(path):2:\(attribute == "UNIT_MULT" ? 1 : 22)" || outcome.findings.first?.place.hasPrefix("\(path):2:") == true)
        #expect(outcome.findings.first?.message.contains(message) == true, "\(outcome.findings)")
        #expect(outcome.files.isEmpty)
    }

    @Test func comtradeAndWorldBankFilesMeetTheDatasetsCountries() throws {
        let scene = try Scene()
        let comtrade = try Data(contentsOf: Repository.url("Fixtures/statistics/comtrade/made/api-response.json"))
        let path = try scene.file("data/comtrade.json", String(decoding: comtrade, as: UTF8.self))
        let codes = ["reporterISO": "PAK", "partnerISO": "JPN", "flowCode": "X", "freqCode": "A"]
        let outcome = try scene.importer().plan(Self.request(path, series: "comtrade-flow", codes), data: comtrade)
        #expect(!outcome.hasErrors, "\(outcome.findings)")
        let text = String(decoding: try #require(outcome.files.first { $0.path == scene.dataset }).data, as: UTF8.self)
        #expect(text.contains("indicator: trade\n    flow: export\n    reporter: pk\n    partner: jp\n    currency: USD"), "\(text)")
        #expect(text.contains("publisher: UN Comtrade"))
        // The World Bank's download CSV, whose areas are alpha-3 codes.
        let worldBank = try Data(contentsOf: Repository.url("Fixtures/statistics/world-bank/made/download.csv"))
        let bankPath = try scene.file("data/wb.csv", String(decoding: worldBank, as: UTF8.self))
        let bankMessage = try StatisticsFile.read(worldBank, file: bankPath)
        let pakistan = try #require(bankMessage.series.first { $0.key["REF_AREA"] == "PAK" })
        var bank = Self.request(bankPath, series: "wb-figure", pakistan.key)
        bank.unit = "persons"
        bank.title = nil
        let banked = try scene.importer().plan(bank, data: worldBank)
        #expect(!banked.hasErrors, "\(banked.findings)")
        let bankText = String(decoding: try #require(banked.files.first { $0.path == scene.dataset }).data, as: UTF8.self)
        #expect(bankText.contains("reporter: pk\n    unit: persons"), "\(bankText)")
        #expect(bankText.contains("title: A made-up indicator"), "a new series is titled as the file names its indicator")
        // The ECB's exchange rates: the title is the series' TITLE; the unit the user gives overrides CURRENCY,
        // which names the currency quoted, not the unit of a rate.
        let ecb = try Data(contentsOf: Repository.url("Fixtures/statistics/sdmx-json/ecb-exr-1.0-ts.json"))
        let ecbPath = try scene.file("data/ecb.json", String(decoding: ecb, as: UTF8.self))
        var rate = Self.request(ecbPath, series: "nzd-per-eur", ["CURRENCY": "NZD"])
        rate.title = nil
        rate.unit = "NZD per EUR"
        let rated = try scene.importer().plan(rate, data: ecb)
        #expect(!rated.hasErrors, "\(rated.findings)")
        let rateText = String(decoding: try #require(rated.files.first { $0.path == scene.dataset }).data, as: UTF8.self)
        #expect(rateText.contains("title: New Zealand dollar (NZD)") && rateText.contains("unit: NZD per EUR") && rateText.contains("period_kind: day"),
                "\(rateText)")
    }

    @Test func reportingYearsBecomeFiscalYearsAndNumericAreasTheDatasetsCountries() throws {
        let scene = try Scene()
        let file = """
            DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,REPORTING_YEAR_START_DAY,UNIT_MEASURE
            XX:T(1.0),A,586,392,2022,5,--07-01,USD
            XX:T(1.0),A,586,392,2023,6,--07-01,USD

            """
        let path = try scene.file("data/fy.csv", file)
        let outcome = try scene.importer().plan(Self.request(path, series: "fy", [:]), data: Data(file.utf8))
        #expect(!outcome.hasErrors, "\(outcome.findings)")
        try EditedFilesWriter.replace(outcome.files)
        #expect(scene.text.contains("reporter: pk\n    partner: jp\n    currency: USD\n    period_kind: fiscal-year-jul-jun"), "\(scene.text)")
        #expect(scene.text.contains("{series: fy, period: 2022-07/2023-06, value: 5}"))
        #expect(try DatasetValidation.check(path: scene.dataset, root: scene.directory.path).report.findings.isEmpty)
        // A reporting year of quarters is not guessed at.
        let quarters = file.replacingOccurrences(of: ",A,", with: ",Q,").replacingOccurrences(of: ",2022,", with: ",2022-Q1,")
            .replacingOccurrences(of: ",2023,", with: ",2022-Q2,")
        let refused = try scene.importer().plan(Self.request(path, series: "fq", [:]), data: Data(quarters.utf8))
        #expect(refused.findings.map(\.code) == ["unsupported-attribute"])
    }

    @Test func theSHA256IsFIPS180s() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func quartersHalfYearsWeeksAndDaysHaveTheirPeriodKinds() {
        func problem(_ text: String, _ kind: PeriodKind) -> FindingCode? {
            ObservationChecks.period(Period(iso: text)!, kind: kind, fiscalYearStart: nil)?.code
        }
        #expect(problem("2023-10/2023-12", .quarter) == nil)
        #expect(problem("2023-11/2024-01", .quarter) == .datePrecision)
        #expect(problem("2023-07/2023-12", .halfYear) == nil)
        #expect(problem("2023-04/2023-09", .halfYear) == .datePrecision)
        #expect(problem("2024-01-29/2024-02-04", .week) == nil, "Monday 29 January to Sunday 4 February")
        #expect(problem("2024-01-30/2024-02-05", .week) == .datePrecision)
        #expect(problem("2024-02-29", .day) == nil)
        #expect(problem("2024-02", .day) == .datePrecision)
        #expect(ImportedSeries.periodKind(.quarterly) == .quarter && ImportedSeries.periodKind(.weekly) == .week)
    }

    @Test func theCommandImportsRefreshesAndSaysWhatItWrote() throws {
        let scene = try Scene()
        let path = try scene.file("data/statistics/trade.csv", Self.sdmx)
        let noSeries = try Transcript.run(["import", path, "--into", scene.dataset, "--root", scene.directory.path])
        #expect(noSeries.status == 2 && noSeries.stderr.contains("is a statistics file: give the id of the series"), "\(noSeries)")
        let imported = try Transcript.run(["import", path, "--series", "pk-jp-trade", "--select", "REF_AREA=PK", "--into", scene.dataset, "--root", scene.directory.path,
                                           "--title", "Exports", "--retrieved", "2026-12-01", "--licence", "CC BY 4.0"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stderr.contains("wrote \(scene.dataset)"))
        #expect(scene.text.contains("licence: CC BY 4.0"))
        let validate = try Transcript.run(["validate", scene.dataset, "--root", scene.directory.path])
        #expect(validate.status == 0, "\(validate.stdout)")
        let unchanged = try Transcript.run(["import", "--refresh", scene.dataset, "--root", scene.directory.path])
        #expect(unchanged.status == 0 && !unchanged.stderr.contains("wrote"))
        let notStatistics = try scene.file("data/notes.csv", "a,b\n1,2\n")
        let refused = try Transcript.run(["import", notStatistics, "--series", "x", "--into", scene.dataset, "--root", scene.directory.path])
        #expect(refused.status == 2 && refused.stderr.contains("not-statistics"))
    }
}
