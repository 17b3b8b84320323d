import Foundation
import Testing
@testable import Bilateral

/// `bilateral diff` run as a user would: exit statuses, versions read from git, and the edit a team
/// reviews in CI, end to end in a temporary git repository.
struct DiffCommandTests {
    /// A new git repository in a temporary directory.
    static func repository() throws -> URL {
        let directory = try Export.temporaryDirectory()
        try git(["init", "-q", "-b", "main"], in: directory)
        return directory
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let run = try Transcript.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"] + arguments,
                                     in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(run.status == 0, "git \(arguments.joined(separator: " ")): \(run.stderr)")
        return run.stdout
    }

    static func copy(_ path: String, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.url(path), to: destination)
    }

    @Test func exitsZeroWhenEqualOneWhenDifferentTwoOnErrors() throws {
        let same = try Transcript.run(["diff", "Fixtures/diff/old.yaml", "Fixtures/diff/old.yaml"])
        #expect(same.status == 0 && same.stdout.hasSuffix("No changes.\n"))
        let different = try Transcript.run(["diff", "Fixtures/diff/old.yaml", "Fixtures/diff/new.yaml", "--format", "markdown"])
        #expect(different.status == 1)
        #expect(different.stdout == (try String(contentsOf: Repository.url("Tests/Golden/diff/diff.md"), encoding: .utf8)))
        let missing = try Transcript.run(["diff", "Fixtures/diff/old.yaml", "Fixtures/diff/nope.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read 'Fixtures/diff/nope.yaml'"))
        let partial = try Transcript.run(["diff", "Fixtures/diff/old.yaml", "Fixtures/invalid/wrong-type.yaml"])
        #expect(partial.status == 1 && partial.stdout.contains("! ") && partial.stdout.contains("Fixtures/invalid/wrong-type.yaml:"))
        let unreadable = try Transcript.run(["diff", "Fixtures/diff/old.yaml", "Fixtures/invalid/syntax-error.json"])
        #expect(unreadable.status == 2 && unreadable.stderr.contains("cannot compare 'Fixtures/invalid/syntax-error.json'"))
        #expect(unreadable.stderr.contains("Fixtures/invalid/syntax-error.json:") && unreadable.stdout.isEmpty)
        let badFormat = try Transcript.run(["diff", "Fixtures/diff/old.yaml", "Fixtures/diff/new.yaml", "--format", "html"])
        #expect(badFormat.status == 2)
        let help = try Transcript.run(["diff", "--help"])
        #expect(help.status == 0 && help.stdout.contains("REV:PATH") && help.stdout.contains("replaces"))
    }

    @Test func readsAVersionAndItsObservationFilesFromAGitRevision() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let data = repository.appending(path: "data")
        try Self.copy("Fixtures/diff/old.yaml", to: data.appending(path: "dataset.yaml"))
        try Self.copy("Fixtures/diff/old.csv", to: data.appending(path: "old.csv"))
        try Self.git(["add", "."], in: repository)
        try Self.git(["commit", "-q", "-m", "old"], in: repository)
        try "period,value,hs_code,note\n2019-01,99,0306,\n".write(to: data.appending(path: "old.csv"), atomically: true, encoding: .utf8)

        let fromRoot = try Transcript.run(["diff", "main:data/dataset.yaml", "data/dataset.yaml", "--format", "json"], in: repository)
        #expect(fromRoot.status == 1, "\(fromRoot.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(fromRoot.stdout.utf8)) as? [String: Any])
        let series = try #require((report["observations"] as? [[String: Any]])?.first)
        #expect(series["series"] as? String == "exports")
        #expect(series["revised"] as? Int == 1 && series["removed"] as? Int == 4)
        let removed = try #require((series["first_removed"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        #expect(removed["file"] as? String == "main:data/old.csv")

        let relative = try Transcript.run(["diff", "HEAD:./dataset.yaml", "dataset.yaml"], in: data)
        #expect(relative.status == 1 && relative.stdout.contains("--- HEAD:./dataset.yaml"))
        let unchanged = try Transcript.run(["diff", "HEAD:data/dataset.yaml", "main:data/dataset.yaml"], in: repository)
        #expect(unchanged.status == 0)
        let noSuchPath = try Transcript.run(["diff", "main:data/nope.yaml", "data/dataset.yaml"], in: repository)
        #expect(noSuchPath.status == 2 && noSuchPath.stderr.contains("from git"))
    }

    /// The review of an edit, as the documented CI job runs it: commit the dataset and its brief; add a
    /// visit, revise a figure, break a reference; then validate, diff against the previous commit and
    /// check the committed brief.
    @Test func aReviewedEditEndToEnd() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let dataset = repository.appending(path: "dataset.yaml")
        try Self.copy("Fixtures/pakistan-japan.yaml", to: dataset)
        try FileManager.default.copyItem(at: Repository.url("Fixtures/archive"), to: repository.appending(path: "archive"))
        #expect(try Transcript.run(["brief", "dataset.yaml", "--output", "brief.txt"], in: repository).status == 0)
        try Self.git(["add", "."], in: repository)
        try Self.git(["commit", "-q", "-m", "The dataset and its brief"], in: repository)

        var text = try String(contentsOf: dataset, encoding: .utf8)
        let visit = """
            events:
              - id: visit-2025-01-test
                kind: visit
                title: A visit added by the end-to-end test
                start: 2025-01
                place: Tokyo
                country: jp
                sources: [mofa-pk-brief]

            """
        for (old, new) in [("events:\n", visit), ("    value: 89.022\n", "    value: 89.5\n"),
                           ("    visitors: [arif-alvi]\n    purpose: To attend the Enthronement", "    visitors: [arif-alvy]\n    purpose: To attend the Enthronement")] {
            #expect(text.components(separatedBy: old).count == 2, "\(old) occurs once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: dataset, atomically: true, encoding: .utf8)
        let brokenLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("[arif-alvy]") }) + 1

        let validate = try Transcript.run(["validate", "dataset.yaml"], in: repository)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("dataset.yaml:\(brokenLine):16: error[unknown-reference]"), "\(validate.stdout)")

        let diff = try Transcript.run(["diff", "HEAD:dataset.yaml", "dataset.yaml", "--format", "json"], in: repository)
        #expect(diff.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let records = try #require(report["records"] as? [[String: Any]])
        #expect(records.map { "\($0["change"]!) \($0["id"]!)" } == ["added visit-2025-01-test", "changed visit-2019-10-alvi-tokyo"])
        #expect(records[1]["fields"] as? [[String: String]] == [["field": "visitors", "old": "arif-alvi", "new": "arif-alvy"]])
        let series = try #require(report["observations"] as? [[String: Any]])
        #expect(series.count == 1 && series[0]["revised"] as? Int == 1 && series[0]["added"] as? Int == 0 && series[0]["removed"] as? Int == 0)
        let revision = try #require((series[0]["largest_revisions"] as? [[String: Any]])?.first)
        #expect(revision["old"] as? String == "89.022" && revision["new"] as? String == "89.5" && revision["change"] as? String == "+0.478")
        #expect((report["metadata"] as? [Any])?.isEmpty == true)
        let summary = try Transcript.run(["diff", "HEAD:dataset.yaml", "dataset.yaml"], in: repository).stdout
        #expect(summary.hasSuffix("Changes: 1 record added, 1 changed; 1 observation revised in 1 series.\n"))

        let invalid = try Transcript.run(["brief", "dataset.yaml", "--output", "brief.txt", "--check"], in: repository)
        #expect(invalid.status == 1 && invalid.stdout.contains("brief.txt cannot be brought up to date: the dataset is invalid"))
        try text.replacingOccurrences(of: "[arif-alvy]", with: "[arif-alvi]").write(to: dataset, atomically: true, encoding: .utf8)
        let stale = try Transcript.run(["brief", "dataset.yaml", "--output", "brief.txt", "--check"], in: repository)
        #expect(stale.status == 1 && stale.stdout.hasPrefix("brief.txt is stale"), "\(stale.stdout)\(stale.stderr)")
        #expect(try Self.git(["status", "--porcelain"], in: repository) == " M dataset.yaml\n", "--check wrote nothing")
    }
}
