import Foundation
import Testing
@testable import Bilateral

/// The fixtures in `Fixtures/`: one invalid file per finding code with its exact expected report, and
/// valid datasets that pass under `--strict`.
struct FixtureTests {
    static let invalidFixtures: [String] = (try? Repository.files(in: "Fixtures/invalid"))?
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") } ?? []
    static let validFixtures: [String] = (try? Repository.files(in: "Fixtures/valid"))?
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") } ?? []

    @Test func everyFindingCodeHasAFixture() {
        let named = Set(Self.invalidFixtures.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
        // A finding about a whole portfolio has its case in Fixtures/portfolio-errors instead.
        let missing = FindingCode.allCases.map(\.rawValue).filter { !named.contains($0) && !PortfolioErrorTests.cases.contains($0) }
        #expect(missing.isEmpty, "finding codes without a fixture in Fixtures/invalid or Fixtures/portfolio-errors: \(missing)")
        let unknown = named.subtracting(FindingCode.allCases.map(\.rawValue))
        #expect(unknown.isEmpty, "fixtures named after no finding code: \(unknown.sorted())")
    }

    @Test(arguments: invalidFixtures)
    func invalidFixtureReportsItsCodeExactlyAsExpected(path: String) throws {
        let code = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let report = try Repository.validate(path)
        #expect(report.findings.contains { $0.code.rawValue == code }, "\(path) does not report \(code)")
        #expect(!report.passes(strict: true))
        let expected = try String(contentsOf: Repository.url((path as NSString).deletingPathExtension + ".expected"), encoding: .utf8)
        #expect(ReportFormat.text.render(report, strict: true) == expected)
    }

    @Test(arguments: validFixtures)
    func validFixturePassesStrictly(path: String) throws {
        let report = try Repository.validate(path)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.passes(strict: true))
    }

    @Test func datasetOfRecordPassesStrictly() {
        let report = DatasetValidation.validateEmbedded()
        #expect(report.findings == [])
        #expect(report.files == ["Fixtures/pakistan-japan.yaml"])
    }

    @Test func embeddedDatasetIsTheRepositoryFile() throws {
        let onDisk = try String(contentsOf: Repository.url("Fixtures/pakistan-japan.yaml"), encoding: .utf8)
        #expect(EmbeddedFiles.text("Fixtures/pakistan-japan.yaml") == onDisk)
        for archive in try Repository.files(in: "Fixtures/archive") {
            #expect(EmbeddedFiles.text(archive) == (try String(contentsOf: Repository.url(archive), encoding: .utf8)))
        }
    }

    @Test func yamlAndJSONOfTheSameDatasetAreEqual() throws {
        let yaml = try DatasetLoader().load(path: Repository.url("Fixtures/valid/minimal.yaml").path)
        let json = try DatasetLoader().load(path: Repository.url("Fixtures/valid/minimal.json").path)
        #expect(yaml.findings.isEmpty && json.findings.isEmpty)
        #expect(yaml.dataset != nil)
        #expect(yaml.dataset == json.dataset)
    }
}

/// Rules on real data of other pairs that must not raise false alarms.
struct FalseAlarmTests {
    private static func findings(events: String) -> [FindingCode] {
        let text = """
            format: bilateral/1
            dataset: {title: T, countries: [fr, de], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
            sources:
              - {id: s, title: S, tier: official, url: "https://example.org/s"}
            countries:
              - {id: fr, alpha2: FR, alpha3: FRA, name: France}
              - {id: de, alpha2: DE, alpha3: DEU, name: Germany}
            people:
              - {id: a, name: A, country: fr, sources: [s]}
              - {id: b, name: B, country: de, sources: [s]}
            offices:
              - {id: a-office, person: a, title: Minister, country: fr, sources: [s]}
              - {id: b-office, person: b, title: Minister, country: de, sources: [s]}
            mechanisms:
              - {id: council, name: Council of Ministers, sources: [s]}
              - {id: defence, name: Defence and Security Council, sources: [s]}
            events:
            \(events)
            """
        let loaded = Repository.load(text)
        #expect(loaded.findings.map(\.message) == [])
        guard let dataset = loaded.dataset else { return [] }
        return Validator(files: EmbeddedFiles()).validate(dataset).findings.map(\.code)
    }

    @Test func twoCouncilsTheSameDayWithTheSamePeopleAreNotDuplicates() {
        #expect(Self.findings(events: """
              - {id: e1, kind: meeting, title: Council of Ministers, start: 2019-01-22, mechanism: council, participants: [a, b], sources: [s]}
              - {id: e2, kind: meeting, title: Defence and Security Council, start: 2019-01-22, mechanism: defence, participants: [a, b], sources: [s]}
              - {id: e3, kind: meeting, title: Economic Council, start: 2019-01-22, participants: [a, b], sources: [s]}
              - {id: e4, kind: meeting, title: Environment Council, start: 2019-01-22, participants: [a, b], sources: [s]}
            """) == [])
    }

    @Test func theSameOccasionRecordedTwiceIsADuplicate() {
        #expect(Self.findings(events: """
              - {id: e1, kind: meeting, title: Council of Ministers, start: 2019-01-22, mechanism: council, participants: [a, b], sources: [s]}
              - {id: e2, kind: meeting, title: "council of ministers.", start: 2019-01-22, mechanism: council, participants: [b, a], sources: [s]}
            """) == [.duplicateEvent])
    }
}
