import Foundation
import Testing
@testable import Bilateral

/// `--check`: whether an output on disk is what the export would write now, writing nothing.
struct CheckOutputTests {
    @Test func theCommittedBriefsAreCurrent() throws {
        let text = try Transcript.run(["brief", "--output", "Reports/pakistan-japan.txt", "--check"])
        #expect(text.status == 0 && text.stdout.isEmpty)
        let markdown = try Transcript.run(["brief", "--template", "markdown", "--output", "Reports/pakistan-japan.md", "--check"])
        #expect(markdown.status == 0)
    }

    @Test func aStaleFileIsNamedAndLeftAlone() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let brief = directory.appending(path: "brief.txt")
        try "an old brief\n".write(to: brief, atomically: true, encoding: .utf8)
        let stale = try Transcript.run(["brief", "--output", brief.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout == "\(brief.path) is stale: its content differs; run the command without --check to update it\n")
        #expect(try String(contentsOf: brief, encoding: .utf8) == "an old brief\n")
        let missing = try Transcript.run(["export", "--format", "json", "--output", directory.appending(path: "none.json").path, "--check"])
        #expect(missing.status == 1 && missing.stdout.contains("none.json is stale: it does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["brief.txt"])
    }

    @Test func aDirectoryExportNamesTheFilesThatDiffer() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appending(path: "csv").path
        #expect(try Transcript.run(["export", "Fixtures/valid/minimal.yaml", "--format", "csv", "--output", csv]).status == 0)
        #expect(try Transcript.run(["export", "Fixtures/valid/minimal.yaml", "--format", "csv", "--output", csv, "--check"]).status == 0)
        try "changed\n".write(toFile: csv + "/events.csv", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: csv + "/sources.csv")
        let stale = try Transcript.run(["export", "Fixtures/valid/minimal.yaml", "--format", "csv", "--output", csv, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("is stale: events.csv differs; sources.csv missing"))
        #expect(try Transcript.run(["export", "--format", "csv", "--output", "-", "--check"]).status == 2)
    }
}
