import Foundation
import Testing
@testable import Bilateral

/// Record documents: shared records that dataset documents include, each finding at its own file.
struct IncludeTests {
    static func checked(_ path: String) throws -> CheckedDataset {
        let directory = (path as NSString).deletingLastPathComponent
        return DatasetValidation.check(try Data(contentsOf: Repository.url(path)), file: path,
                                       files: DiskFiles(directory: Repository.url(directory).path, displayDirectory: directory,
                                                        root: Repository.root.path))
    }

    /// A dataset in a temporary directory beside the given record documents.
    static func report(_ dataset: String, _ documents: [String: String]) throws -> ValidationReport {
        let directory = try Export.temporaryDirectory()
        for (name, text) in documents {
            let url = directory.appending(path: name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return DatasetValidation.validate(Data(dataset.utf8), file: "pair.yaml",
                                          files: DiskFiles(directory: directory.path, displayDirectory: "", root: directory.path))
    }

    static let pair = """
        format: bilateral/1
        include: [shared/records.yaml]
        dataset: {title: T, countries: [fr, de], version: "1", as_of: 2024, licence: CC0-1.0}
        statements:
          - {id: s1, topic: overview, text: A fact, sources: [shared-source]}

        """
    static let records = """
        format: bilateral-records/1
        sources:
          - {id: shared-source, title: S, tier: official, archive: ../archive/s.txt}
          - {id: other-source, title: Used by another relationship, tier: official}
        countries:
          - {id: fr, alpha2: FR, alpha3: FRA, name: France}
          - {id: de, alpha2: DE, alpha3: DEU, name: Germany}

        """

    @Test func theRelationshipsOfThePortfolioIncludeTheirSharedRecords() throws {
        for path in try Repository.files(in: "Fixtures/portfolio").filter({ $0.hasSuffix(".yaml") }) {
            let checked = try Self.checked(path)
            #expect(checked.report.findings.isEmpty, "\(path): \(checked.report.findings.map(\.message))")
            let dataset = try #require(checked.dataset)
            #expect(dataset.countries.map(\.id) == ["fr", "de", "it"])
            #expect(dataset.countries.first?.origin.location.file == "Fixtures/portfolio/shared/countries.yaml")
            #expect(dataset.people.first?.origin.location == SourceLocation(file: "Fixtures/portfolio/shared/people.yaml", line: 4, column: 5))
        }
    }

    @Test func anExportHoldsTheIncludedRecordsAndStandsAlone() throws {
        let json = String(decoding: try #require(try Export.run("Fixtures/portfolio/fr-de.yaml", format: "json").values.first), as: UTF8.self)
        #expect(!json.contains("\"include\""))
        #expect(json.contains("\"minister-fr-office\""))
        let reloaded = DatasetValidation.validate(Data(json.utf8), file: "export.json", files: DiskFiles(directory: "/nonexistent", root: "/nonexistent"))
        #expect(reloaded.findings.isEmpty, "\(reloaded.findings.map(\.message))")
    }

    @Test func sharedSourcesAreNotUnusedHereAndArchivesAreReadBesideTheirDocument() throws {
        let report = try Self.report(Self.pair, ["shared/records.yaml": Self.records, "archive/s.txt": "A fact."])
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        let own = try Self.report(Self.pair + "sources:\n  - {id: own-source, title: O, tier: official}\n",
                                  ["shared/records.yaml": Self.records, "archive/s.txt": "A fact."])
        #expect(own.findings.map(\.code) == [.unusedSource])
    }

    @Test func anIdInTwoFilesNamesTheOtherFile() throws {
        let report = try Self.report(Self.pair + "countries:\n  - {id: fr, alpha2: FR, alpha3: FRA, name: France}\n",
                                     ["shared/records.yaml": Self.records, "archive/s.txt": "A fact."])
        #expect(report.findings.map(\.code) == [.duplicateID])
        #expect(report.findings.first?.message == "duplicate id 'fr'; a country at shared/records.yaml:6 has it already")
        #expect(report.findings.first?.location.file == "pair.yaml")
    }

    @Test func anIncludeMissingOrOutsideTheRootIsALocatedError() throws {
        let missing = try Self.report(Self.pair, [:])
        #expect(missing.findings.first?.code == .missingFile)
        #expect(missing.findings.first?.location == SourceLocation(file: "pair.yaml", line: 2, column: 11))
        let outside = try Self.report(Self.pair.replacingOccurrences(of: "shared/records.yaml", with: "../../etc/hostname"), [:])
        #expect(outside.findings.first?.code == .pathOutsideRoot)
        #expect(outside.findings.first?.location.line == 2)
    }

    @Test func aRecordDocumentHoldsSharedKindsOnly() throws {
        let report = try Self.report(Self.pair, ["shared/records.yaml": Self.records + "events: []\n", "archive/s.txt": "A fact."])
        #expect(report.findings.map(\.code) == [.unknownField])
        #expect(report.findings.first?.location.file == "shared/records.yaml")
    }

    @Test func aDirectoryValidatesEveryRelationshipWithALineEach() throws {
        let portfolio = try PortfolioDirectory(scanning: "Fixtures/portfolio".asRepositoryPath)
        #expect(portfolio.datasets.map { ($0 as NSString).lastPathComponent } == ["de-it.yaml", "fr-de.yaml", "fr-it.yaml"])
        #expect(portfolio.recordDocuments.map { ($0 as NSString).lastPathComponent } == ["countries.yaml", "people.yaml"])
        let checked = PortfolioValidation.check(portfolio, jobs: 2)
        #expect(checked.datasets.allSatisfy { $0.report.findings.isEmpty })
        #expect(checked.shared.findings.isEmpty, "every record document is included, every shared record used")
        let run = try Transcript.run(["validate", "--strict", "Fixtures/portfolio"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            Fixtures/portfolio/de-it.yaml: valid (0 errors, 0 warnings)
            Fixtures/portfolio/fr-de.yaml: valid (0 errors, 0 warnings)
            Fixtures/portfolio/fr-it.yaml: valid (0 errors, 0 warnings)
            2 record documents: valid (0 errors, 0 warnings)
            5 files: valid (0 errors, 0 warnings)

            """)
        let empty = try Transcript.run(["validate", "Fixtures/archive"])
        #expect(empty.status == 2 && empty.stderr.contains("no dataset document under 'Fixtures/archive'"))
    }

    @Test func aRecordDocumentNoDatasetIncludesIsReadOnItsOwn() throws {
        let directory = try Export.temporaryDirectory()
        try Data("format: bilateral-records/1\npeople:\n  - {id: p, name: P, bogus: 1}\n".utf8).write(to: directory.appending(path: "alone.yaml"))
        let report = PortfolioValidation.checkRecordDocument(directory.appending(path: "alone.yaml").path, root: directory.path)
        #expect(report.findings.map(\.code) == [.unknownField])
    }
}

extension IncludeTests {
    @Test func aDirectoryGetsOneBriefPerRelationshipAndCheckNamesTheStaleOnes() throws {
        let current = try Transcript.run(["brief", "Fixtures/portfolio", "--output-dir", "Tests/Golden/portfolio", "--check"])
        #expect(current.status == 0, "run scripts/update-goldens.sh: \(current.stdout)")
        let out = try Export.temporaryDirectory()
        let written = try Transcript.run(["brief", "Fixtures/portfolio", "--output-dir", out.path, "--template", "markdown", "--quiet"])
        #expect(written.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["de-it.md", "fr-de.md", "fr-it.md"])
        try Data("stale\n".utf8).write(to: out.appending(path: "fr-it.md"))
        let stale = try Transcript.run(["brief", "Fixtures/portfolio", "--output-dir", out.path, "--template", "markdown", "--check"])
        #expect(stale.status == 1 && stale.stdout.contains("fr-it.md is stale") && !stale.stdout.contains("fr-de.md"))
        let noDirectory = try Transcript.run(["brief", "Fixtures/portfolio"])
        #expect(noDirectory.status == 2 && noDirectory.stderr.contains("needs --output-dir"))
    }

    @Test func twoDatasetsThatWouldWriteOneOutputAreRefused() throws {
        let directory = try Export.temporaryDirectory()
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(at: directory.appending(path: sub), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repository.url("Fixtures/valid/minimal.yaml"), to: directory.appending(path: "\(sub)/pair.yaml"))
        }
        let run = try Transcript.run(["export", directory.path, "--format", "json", "--output-dir", directory.appending(path: "out").path])
        #expect(run.status == 2 && run.stderr.contains("would both write"))
        #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "out").path))
    }
}

private extension String {
    /// The repository path as an absolute path.
    var asRepositoryPath: String { Repository.url(self).path }
}

extension IncludeTests {
    /// Record documents read once for a portfolio give every dataset what reading them for it alone gives.
    @Test(arguments: ["Fixtures/portfolio", "Fixtures/portfolio-errors/id-in-two-files", "Fixtures/portfolio-errors/unused-shared-record",
                      "Fixtures/diff/portfolio-old"])
    func sharedReadingGivesWhatReadingAloneGives(directory: String) throws {
        let portfolio = try PortfolioDirectory(scanning: Repository.url(directory).path)
        let documents = ComposedDocuments()
        for _ in 0..<2 {
            for path in portfolio.datasets {
                let shared = try DatasetValidation.check(path: path, documents: documents)
                let alone = try DatasetValidation.check(path: path)
                #expect(shared.report.findings == alone.report.findings, "\(path)")
                #expect(shared.dataset == alone.dataset, "\(path)")
                #expect(shared.includedDocuments == alone.includedDocuments, "\(path)")
            }
        }
    }
}
