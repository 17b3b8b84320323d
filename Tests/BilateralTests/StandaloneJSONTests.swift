import Foundation
import Testing
@testable import Bilateral

/// The JSON export stands on its own: it validates from any directory, its quotes still checked.
struct StandaloneJSONTests {
    private static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "bilateral-json-\(UUID().uuidString)/elsewhere")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: [nil, "Fixtures/valid/minimal.yaml", "Fixtures/valid/observations-csv.yaml"])
    func theExportValidatesFromAnyDirectoryAndExportsAgainByteForByte(dataset: String?) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let first = directory.appending(path: "x.json").path
        let export = try Transcript.run(["export"] + (dataset.map { [$0] } ?? []) + ["--format", "json", "--output", first])
        #expect(export.status == 0, "\(export.stderr)")
        let validate = try Transcript.run(["validate", "--strict", first], in: URL(fileURLWithPath: "/"))
        #expect(validate.status == 0, "\(validate.stdout)")
        let second = directory.appending(path: "again.json").path
        #expect(try Transcript.run(["export", first, "--format", "json", "--output", second], in: URL(fileURLWithPath: "/")).status == 0)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    @Test func theRoundTripGivesTheSameDatasetWithTheArchivedTextsCarried() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let path = directory.appending(path: "x.json").path
        #expect(try Transcript.run(["export", "--format", "json", "--output", path]).status == 0)
        let original = try #require(DatasetValidation.checkEmbedded().dataset)
        let loaded = try #require(try DatasetValidation.check(path: path).dataset)
        var stripped = loaded
        for index in stripped.sources.indices { stripped.sources[index].archivedText = nil }
        #expect(stripped == original)
        let archived = loaded.sources.filter { $0.archive != nil }
        #expect(archived.count == 2)
        for source in archived {
            let onDisk = try String(contentsOf: Repository.url("Fixtures/" + source.archive!), encoding: .utf8)
            #expect(source.archivedText == onDisk)
        }
    }

    @Test func aCarriedTextStillChecksQuotes() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let path = directory.appending(path: "x.json")
        #expect(try Transcript.run(["export", "--format", "json", "--output", path.path]).status == 0)
        // Change words that a quote relies on in the carried texts only (each is one line of the document).
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("\"archived_text\"") ? line.replacingOccurrences(of: "20-24 October", with: "20 to 24 October") : String(line)
        }
        try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        let report = try DatasetValidation.validate(path: path.path)
        #expect(report.findings.contains { $0.code == .quoteNotFound })
    }
}
