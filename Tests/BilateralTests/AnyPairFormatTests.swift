import Foundation
import Testing
@testable import Bilateral

/// The fields and rules that let a dataset describe any pair of countries: fiscal years of any first
/// month, historic currencies and units of account, totals rounded by the source, joint bodies,
/// mechanisms over time, agreements among several parties, events that did not happen as planned.
struct AnyPairFormatTests {
    static let header = """
        dataset:
          title: T
          countries: [fr, de]
          version: "1"
          as_of: 2024
          licence: CC0-1.0
        sources:
          - {id: s, title: S, tier: official, url: "https://example.org./s"}
        countries:
          - {id: fr, alpha2: FR, alpha3: FRA, name: France}
          - {id: de, alpha2: DE, alpha3: DEU, name: Germany}

        """

    static func findings(_ text: String) -> [Finding] {
        let data = Data((header + text).utf8)
        return DatasetValidation.validate(data, file: "test.yaml", files: DiskFiles(directory: "/nonexistent", displayDirectory: "")).findings
    }

    static func series(_ extra: String) -> String {
        """
        series:
          - {id: x, title: X, indicator: trade, currency: USD, sources: [s]\(extra)}

        """
    }

    @Test func aFiscalYearStartsInTheMonthItsSeriesGives() {
        let ok = Self.findings(Self.series(", period_kind: fiscal-year, fiscal_year_start: 10") + """
            observations:
              - {series: x, period: 2018-10/2019-09, value: 1}
            """)
        #expect(ok.isEmpty)
        let wrong = Self.findings(Self.series(", period_kind: fiscal-year, fiscal_year_start: 10") + """
            observations:
              - {series: x, period: 2018-07/2019-06, value: 1}
            """)
        #expect(wrong.map(\.code) == [.datePrecision])
        #expect(wrong.first?.hint == "a fiscal-year period is written as October–September, such as 2018-10/2019-09")
        let missing = Self.findings(Self.series(", period_kind: fiscal-year"))
        #expect(missing.map(\.code) == [.missingField])
        #expect(missing.first?.message == "series 'x' has fiscal-year periods but no 'fiscal_year_start'")
        let outOfRange = Self.findings(Self.series(", period_kind: fiscal-year, fiscal_year_start: 13"))
        #expect(outOfRange.map(\.code).contains(.invalidValue))
        // The two named kinds stay aliases of a fiscal year starting in July and in April.
        #expect(Self.findings(Self.series(", period_kind: fiscal-year-jul-jun") + """
            observations:
              - {series: x, period: 2018-07/2019-06, value: 1}
            """).isEmpty)
    }

    @Test func historicCurrenciesAreCodesForTheirYears() {
        #expect(Self.findings(Self.series(", currency: DEM").replacingOccurrences(of: "currency: USD, ", with: "") + """
            observations:
              - {series: x, period: 1999, value: 1}
            """).isEmpty)
        let late = Self.findings(Self.series(", currency: FRF").replacingOccurrences(of: "currency: USD, ", with: "") + """
            observations:
              - {series: x, period: 2003, value: 1}
            """)
        #expect(late.map(\.code) == [.currencyOutOfUse])
        #expect(late.first?.location.line == 15)
    }

    @Test func anAmountInAUnitOfAccountStandsNextToItsConversion() {
        #expect(Self.findings(Self.series("") + """
            observations:
              - {series: x, period: 2020, value: 1.5, stated_amount: 10, stated_unit: UTA}
            """).isEmpty)
        let half = Self.findings(Self.series("") + """
            observations:
              - {series: x, period: 2020, value: 1.5, stated_amount: 10}
            """)
        #expect(half.map(\.code) == [.missingField])
        #expect(half.first?.message == "an observation of series 'x' for 2020 has 'stated_amount' but no 'stated_unit'")
    }

    @Test func aTotalRoundedBySourceMayDifferFromItsPartsWithinItsRounding() {
        func total(_ extra: String) -> [FindingCode] {
            Self.findings(Self.series("") + """
                observations:
                  - {id: t, series: x, period: 2020, value: 169.2\(extra)}
                  - {series: x, period: 2020, value: 100.1, part_of: t}
                  - {series: x, period: 2020, value: 69.2, part_of: t}
                """).map(\.code)
        }
        #expect(total("") == [.componentsMismatch])
        #expect(total(", independently_rounded: true") == [])
        #expect(total(", tolerance: 0.1") == [])
        #expect(total(", tolerance: 0.01") == [.componentsMismatch])
    }

    @Test func aJointBodyNamesBothCountriesAndOnlyThem() {
        let joint = "organizations:\n  - {id: o, name: O, names: {de: Ö, fr: Ô}, kind: agency, countries: [fr, de], sources: [s]}\n"
        #expect(Self.findings(joint).isEmpty)
        let both = Self.findings(joint.replacingOccurrences(of: "countries: [fr, de]", with: "country: fr, countries: [fr, de]"))
        #expect(both.map(\.code) == [.invalidValue])
        let one = Self.findings(joint.replacingOccurrences(of: "countries: [fr, de]", with: "countries: [fr, fr]"))
        #expect(one.map(\.code) == [.invalidValue])
        let unknown = Self.findings(joint.replacingOccurrences(of: "countries: [fr, de]", with: "countries: [fr, it]"))
        #expect(unknown.map(\.code) == [.unknownReference])
    }

    @Test func agreementsNameTheirPartiesAndTheAgreementsTheyBuildOn() {
        let text = """
            organizations:
              - {id: eu, name: European Union, kind: international-organization, sources: [s]}
            agreements:
              - {id: a, title: A, kind: treaty, status: in-force, sources: [s]}
              - {id: b, title: B, kind: treaty, status: in-force, parties: [fr, de, eu], supplements: [a], amends: [a], implements: [a], sources: [s]}
            """
        #expect(Self.findings(text).isEmpty)
        let wrong = Self.findings(text.replacingOccurrences(of: "supplements: [a]", with: "supplements: [eu]"))
        #expect(wrong.map(\.code) == [.wrongReferenceKind])
        #expect(wrong.first?.message == "'supplements' names 'eu', which is an organization, not an agreement")
    }

    @Test func mechanismsHaveTheirYears() {
        let text = "mechanisms:\n  - {id: m, name: M, names: {fr: Conseil}, established: 2003, ended: 2001, sources: [s]}\n"
        let findings = Self.findings(text)
        #expect(findings.map(\.code) == [.endBeforeStart])
        #expect(findings.first?.message == "'ended' 2001 is before 'established' 2003")
    }

    @Test func eventsSayWhetherAndHowTheyTookPlace() {
        let text = "events:\n  - {id: e, kind: meeting, title: E, start: 2022-10, status: cancelled, format: virtual, sources: [s]}\n"
        #expect(Self.findings(text).isEmpty)
        let loaded = Repository.load(Self.header + text).dataset?.events.first
        #expect(loaded?.status == .cancelled && loaded?.format == .virtual)
        #expect(Self.findings(text.replacingOccurrences(of: "cancelled", with: "called-off")).map(\.code) == [.invalidValue])
    }

    @Test func seriesAndStatementsTakeTheNewTopics() {
        let text = Self.series(", topic: environment-and-climate") + """
            statements:
              - {id: t1, topic: defence-and-security, text: T, sources: [s]}
              - {id: t2, topic: regional-integration, text: T, sources: [s]}
              - {id: t3, topic: consular-and-migration, text: T, sources: [s]}
              - {id: t4, topic: energy, text: T, sources: [s]}
            """
        #expect(Self.findings(text).isEmpty)
    }

    @Test func aKeyYAMLReadsAsABooleanIsAmbiguous() {
        let findings = Self.findings("people:\n  - {id: p, name: P, names: {no: Ola, \"nb\": Ola}, sources: [s]}\n")
        #expect(findings.map(\.code) == [.ambiguousScalar])
        #expect(findings.first?.message == "the key 'no' is read by YAML as a boolean, not text")
        #expect(findings.first?.hint == "quote it: \"no\":")
        #expect(Self.findings("people:\n  - {id: p, name: P, names: {\"no\": Ola}, sources: [s]}\n").isEmpty)
    }

    @Test func aHostEndingWithTheRootsDotIsAValidURL() {
        #expect(Rules.isValidURL("https://example.org./s"))
        #expect(Rules.isValidURL("https://www.bundesregierung.de./"))
        #expect(!Rules.isValidURL("https://example./"))
        #expect(!Rules.isValidURL("https://./"))
    }

    @Test func anAcknowledgedWarningKeepsStrictValidationGreen() throws {
        let text = """
            events:
              - {id: a, kind: meeting, title: Council of Ministers, start: 2019-10-16, sources: [s]}
              - {id: b, kind: meeting, title: Council of Ministers, start: 2019-10-16, sources: [s]}
            acknowledgements:
              - {record: b, code: duplicate-event, reason: Two sessions of the same council on one day}
            """
        let data = Data((Self.header + text).utf8)
        let report = DatasetValidation.validate(data, file: "test.yaml", files: DiskFiles(directory: "/nonexistent", displayDirectory: ""))
        #expect(report.findings.map(\.severity) == [.acknowledged])
        #expect(report.findings.first?.hint == "acknowledged: Two sessions of the same council on one day")
        #expect(report.passes(strict: true))
        let sarif = ReportFormat.sarif.render(report, strict: true)
        #expect(sarif.contains(#""suppressions": [{"kind": "inSource", "justification": "acknowledged: Two sessions"#))
        #expect(ReportFormat.text.render(report, strict: true).hasSuffix("test.yaml: valid (0 errors, 0 warnings, 1 acknowledged)\n"))
        let loaded = try #require(Repository.load(Self.header + text).dataset)
        #expect(loaded.acknowledgements.map { [$0.record, $0.code.rawValue, $0.reason] }
            == [["b", "duplicate-event", "Two sessions of the same council on one day"]])
    }

    @Test func roundsOfTwoMechanismsOnOneDayAreNotDuplicates() {
        let text = """
            people:
              - {id: m, name: M, sources: [s]}
              - {id: n, name: N, sources: [s]}
            mechanisms:
              - {id: ministers, name: Council of Ministers, sources: [s]}
              - {id: defence, name: Defence and Security Council, sources: [s]}
            events:
              - {id: a, kind: dialogue-round, title: Councils in Toulouse, start: 2019-10-16, mechanism: ministers, round: 21, participants: [m, n], sources: [s]}
              - {id: b, kind: dialogue-round, title: Councils in Toulouse, start: 2019-10-16, mechanism: defence, round: 21, participants: [m, n], sources: [s]}
            """
        #expect(!Self.findings(text).contains { $0.code == .duplicateEvent })
        #expect(Self.findings(text.replacingOccurrences(of: "mechanism: defence", with: "mechanism: ministers")).contains { $0.code == .duplicateEvent })
    }

    /// Hole: acknowledgements were only in the JSON export. The CSV, XLSX and SQLite exports now carry
    /// them too, as a table of their own.
    @Test func acknowledgementsReachEveryTabularExport() throws {
        let text = Self.header + """
            events:
              - {id: a, kind: meeting, title: Council of Ministers, start: 2019-10-16, sources: [s]}
              - {id: b, kind: meeting, title: Council of Ministers, start: 2019-10-16, sources: [s]}
            acknowledgements:
              - {record: b, code: duplicate-event, reason: Two sessions of the same council on one day}
            """
        let checked = DatasetValidation.check(Data(text.utf8), file: "test.yaml", files: DiskFiles(directory: "/nonexistent", displayDirectory: ""))
        let validated = try #require(checked.validated(strict: true))
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Exporter().export(validated, format: "csv", to: .path(directory.appending(path: "csv").path))
        #expect(try String(contentsOf: directory.appending(path: "csv/acknowledgements.csv"), encoding: .utf8)
                == "record,code,reason\r\nb,duplicate-event,Two sessions of the same council on one day\r\n")
        try Exporter().export(validated, format: "sqlite", to: .path(directory.appending(path: "db.sqlite").path))
        let database = try SQLiteDatabase(path: directory.appending(path: "db.sqlite").path)
        #expect(try database.rows("SELECT record, code, reason FROM acknowledgements")
                == [["b", "duplicate-event", "Two sessions of the same council on one day"]])
        try database.close()
        try Exporter().export(validated, format: "xlsx", to: .path(directory.appending(path: "book.xlsx").path))
        let workbook = try WorkbookParts.text("xl/workbook.xml", in: directory.appending(path: "book.xlsx"))
        #expect(workbook.contains("<sheet name=\"Acknowledgements\""))
        let strings = try WorkbookParts.read(directory.appending(path: "book.xlsx")).map { String(decoding: $0.data, as: UTF8.self) }.joined()
        #expect(strings.contains("Two sessions of the same council on one day"))
    }

    /// Hole: a CSV row with `period_kind: fiscal-year` under a series without `fiscal_year_start` was not
    /// reported (the same row written in the document is). It is reported at the row's cell.
    @Test func aFiscalYearRowOfACSVFileNeedsTheSeriesFirstMonth() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "period,value,period_kind\n2019,1,\n2018-10/2019-09,2,fiscal-year\n".write(to: directory.appending(path: "rows.csv"), atomically: true, encoding: .utf8)
        let text = Self.header + Self.series(", observations_file: rows.csv")
        let findings = DatasetValidation.validate(Data(text.utf8), file: "test.yaml", files: DiskFiles(directory: directory.path, displayDirectory: "")).findings
        #expect(findings.map(\.code) == [.missingField])
        #expect(findings.first?.location == SourceLocation(file: "rows.csv", line: 3, column: 19))
        #expect(findings.first?.message == "period_kind is fiscal-year, but series 'x' has no 'fiscal_year_start'")
        let fixed = Self.header + Self.series(", observations_file: rows.csv, fiscal_year_start: 10")
        #expect(DatasetValidation.validate(Data(fixed.utf8), file: "test.yaml", files: DiskFiles(directory: directory.path, displayDirectory: "")).findings.isEmpty)
    }
}
