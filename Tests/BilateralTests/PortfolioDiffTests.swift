import Foundation
import Testing
@testable import Bilateral

/// `bilateral diff OLD NEW` of two portfolios: relationships matched by path, a summary per relationship,
/// and each changed shared record once with the relationships it changes; from disk or from git.
struct PortfolioDiffTests {
    @Test(arguments: [("text", "txt"), ("markdown", "md"), ("json", "json")])
    func portfolioDiffMatchesItsGoldenFile(format: String, ext: String) throws {
        let run = try Transcript.run(["diff", "Fixtures/diff/portfolio-old", "Fixtures/diff/portfolio-new", "--format", format])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout == (try String(contentsOf: Repository.url("Tests/Golden/diff/portfolio.\(ext)"), encoding: .utf8)))
    }

    @Test func aChangedSharedRecordNamesTheRelationshipsThatIncludeIt() throws {
        let run = try Transcript.run(["diff", "Fixtures/diff/portfolio-old", "Fixtures/diff/portfolio-new", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let shared = try #require(report["shared_records"] as? [[String: Any]])
        let person = try #require(shared.first { $0["id"] as? String == "minister-fr" })
        #expect(person["change"] as? String == "changed")
        #expect(person["relationships"] as? [String] == ["fr-de.yaml", "fr-it.yaml"])
        let changes = try #require(report["relationships"] as? [[String: Any]]).map { "\($0["name"]!) \($0["change"]!)" }
        #expect(changes == ["de-it.yaml removed", "fr-de.yaml changed", "fr-es.yaml added", "fr-it.yaml changed"])
    }

    @Test func equalPortfoliosExitZeroAndMixedArgumentsAreRefused() throws {
        let same = try Transcript.run(["diff", "Fixtures/diff/portfolio-old", "Fixtures/diff/portfolio-old"])
        #expect(same.status == 0 && same.stdout.hasSuffix("No changes.\n"))
        let mixed = try Transcript.run(["diff", "Fixtures/diff/portfolio-old", "Fixtures/diff/old.yaml"])
        #expect(mixed.status == 2 && mixed.stderr.contains("is not a directory"))
        let badRevision = try Transcript.run(["diff", "no-such-revision:Fixtures/diff/portfolio-old", "Fixtures/diff/portfolio-new"])
        #expect(badRevision.status == 2 && badRevision.stderr.contains("cannot read 'no-such-revision:Fixtures/diff/portfolio-old' from git"))
        let empty = try Transcript.run(["diff", "Fixtures/portfolio-errors/no-dataset", "Fixtures/diff/portfolio-old"])
        #expect(empty.status == 2 && empty.stderr.contains("no dataset document under"))
    }

    @Test func readsAPortfolioFromAGitRevision() throws {
        let repository = try DiffCommandTests.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let portfolio = repository.appending(path: "relations")
        try DiffCommandTests.copy("Fixtures/diff/portfolio-old", to: portfolio)
        try DiffCommandTests.git(["add", "."], in: repository)
        try DiffCommandTests.git(["commit", "-q", "-m", "old"], in: repository)
        try FileManager.default.removeItem(at: portfolio)
        try DiffCommandTests.copy("Fixtures/diff/portfolio-new", to: portfolio)

        let fromGit = try Transcript.run(["diff", "main:relations", "relations"], in: repository)
        let onDisk = try Transcript.run(["diff", "Fixtures/diff/portfolio-old", "Fixtures/diff/portfolio-new"])
        #expect(fromGit.status == 1, "\(fromGit.stderr)")
        // The same changes, each named where its version is.
        let lines = { (run: Transcript) in run.stdout.split(separator: "\n").dropFirst(2).map { $0.prefix { $0 != "(" } } }
        #expect(lines(fromGit) == lines(onDisk))
        #expect(fromGit.stdout.contains("~ shared person minister-fr (relations/shared/records.yaml:11), in fr-de.yaml, fr-it.yaml"))
        let relative = try Transcript.run(["diff", "HEAD:./", "."], in: portfolio)
        #expect(relative.status == 1 && relative.stdout.contains("+ fr-es.yaml: added"), "\(relative.stderr)")
        let unchanged = try Transcript.run(["diff", "HEAD:relations", "main:relations"], in: repository)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
    }

    /// A shared source's archive file changed in the work tree, nothing else: the portfolio diff against
    /// the commit shows the changed evidence in every relationship that includes it.
    @Test func aChangedArchiveOfASharedSourceShowsInThePortfolioDiff() throws {
        let repository = try DiffCommandTests.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let portfolio = repository.appending(path: "relations")
        try DiffCommandTests.copy("Fixtures/diff/portfolio-old", to: portfolio)
        let records = portfolio.appending(path: "shared/records.yaml")
        let text = try String(contentsOf: records, encoding: .utf8)
        try text.replacingOccurrences(of: "{id: placeholder, title: \"[A placeholder source]\", tier: reference}",
                                      with: "{id: placeholder, title: \"[A placeholder source]\", tier: reference, archive: placeholder.txt}")
            .write(to: records, atomically: true, encoding: .utf8)
        let archive = portfolio.appending(path: "shared/placeholder.txt")
        try "A placeholder.\n".write(to: archive, atomically: true, encoding: .utf8)
        try DiffCommandTests.git(["add", "."], in: repository)
        try DiffCommandTests.git(["commit", "-q", "-m", "old"], in: repository)
        try "A placeholder.\nA fabricated sentence.\n".write(to: archive, atomically: true, encoding: .utf8)

        let run = try Transcript.run(["diff", "HEAD:relations", "relations"], in: repository)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("~ fr-de.yaml: 1 archived text changed"))
        #expect(!run.stdout.contains("No changes."))
        let json = try Transcript.run(["diff", "HEAD:relations", "relations", "--format", "json"], in: repository)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changed = try #require(report["relationships"] as? [[String: Any]]).filter { $0["change"] as? String == "changed" }
        #expect(changed.count == 3)
        #expect(changed.allSatisfy { $0["archives"] as? Int == 1 })
    }

    /// Hole: a changed record document that no dataset includes was missing from a portfolio diff. It
    /// is compared on its own, and its changes are listed as shared records of no relationship.
    @Test func aChangedRecordDocumentThatNoDatasetIncludesIsListed() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (version, name) in [("old", "Lonely"), ("new", "Lonely, renamed")] {
            try DiffCommandTests.copy("Fixtures/diff/portfolio-old", to: directory.appending(path: version))
            try FileManager.default.createDirectory(at: directory.appending(path: "\(version)/unused"), withIntermediateDirectories: true)
            try "format: bilateral-records/1\npeople:\n  - {id: lonely, name: \"\(name)\", sources: [placeholder]}\n"
                .write(to: directory.appending(path: "\(version)/unused/more.yaml"), atomically: true, encoding: .utf8)
        }
        let run = try Transcript.run(["diff", "old", "new"], in: directory)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("~ shared person lonely (new/unused/more.yaml:3), in no relationship: no dataset includes its document"))
        #expect(run.stdout.hasSuffix("Changes: no relationship changed (3 unchanged); 1 shared record changed.\n"))
        let json = try Transcript.run(["diff", "old", "new", "--format", "json"], in: directory)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["equal"] as? Bool == false)
        #expect((report["shared_records"] as? [[String: Any]])?.map { $0["relationships"] as? [String] } == [[]])
        #expect(try Transcript.run(["diff", "old", "old"], in: directory).status == 0)
    }
}
