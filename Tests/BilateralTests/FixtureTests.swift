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
        let missing = FindingCode.allCases.map(\.rawValue).filter { !named.contains($0) }
        #expect(missing.isEmpty, "finding codes without a fixture in Fixtures/invalid: \(missing)")
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
