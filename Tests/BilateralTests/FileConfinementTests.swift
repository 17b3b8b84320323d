import Foundation
import Testing
@testable import Bilateral

/// A dataset's file references stay inside its root: the top of its git work tree, else its directory.
struct FileConfinementTests {
    /// A scratch tree: `outside.txt` beside `repo/`, which has a `.git` folder, `shared/text.txt` and `data/`.
    private static func tree() throws -> URL {
        let top = FileManager.default.temporaryDirectory.appending(path: "bilateral-root-\(UUID().uuidString)")
        for folder in ["repo/.git", "repo/shared", "repo/data"] {
            try FileManager.default.createDirectory(at: top.appending(path: folder), withIntermediateDirectories: true)
        }
        try "secret-outside words".write(to: top.appending(path: "outside.txt"), atomically: true, encoding: .utf8)
        try "shared words".write(to: top.appending(path: "repo/shared/text.txt"), atomically: true, encoding: .utf8)
        return top
    }

    private static func dataset(archive: String, quote: String) -> String {
        """
        format: bilateral/1
        dataset: {title: T, countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
        sources:
          - {id: s, title: S, tier: official, archive: "\(archive)"}
        countries:
          - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
          - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}
        statements:
          - {id: t, topic: economy, text: T., sources: [{source: s, quote: "\(quote)"}]}
        """
    }

    private static func check(_ top: URL, archive: String, quote: String, root: String? = nil) throws -> ValidationReport {
        let path = top.appending(path: "repo/data/d.yaml")
        try dataset(archive: archive, quote: quote).write(to: path, atomically: true, encoding: .utf8)
        return try DatasetValidation.validate(path: path.path, root: root)
    }

    @Test func aFileElsewhereInTheGitWorkTreeIsRead() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(try Self.check(top, archive: "../shared/text.txt", quote: "shared words").findings.isEmpty)
        #expect(try Self.check(top, archive: "../shared/text.txt", quote: "other").findings.map(\.code) == [.quoteNotFound])
    }

    @Test func relativeEscapeAbsolutePathAndSymlinkOutAreRefusedWithoutReadingOrQuoting() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.createSymbolicLink(atPath: top.appending(path: "repo/data/link.txt").path,
                                                   withDestinationPath: top.appending(path: "outside.txt").path)
        for archive in ["../../outside.txt", top.appending(path: "outside.txt").path, "link.txt", "../data/../../outside.txt"] {
            for quote in ["secret-outside", "not there"] {
                let report = try Self.check(top, archive: archive, quote: quote)
                // The same single finding whether or not the quote is in the file: nothing about it leaks.
                #expect(report.findings.map(\.code) == [.pathOutsideRoot], "\(archive)")
                #expect(report.findings.first?.location.line == 4)
                #expect(!ReportFormat.text.render(report, strict: false).contains("secret-outside words"))
            }
        }
    }

    @Test func aSymlinkInsideTheRootIsFollowed() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.createSymbolicLink(atPath: top.appending(path: "repo/data/link.txt").path, withDestinationPath: "../shared/text.txt")
        #expect(try Self.check(top, archive: "link.txt", quote: "shared words").findings.isEmpty)
    }

    @Test func withoutGitTheRootIsTheDatasetDirectoryAndRootOverridesIt() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.removeItem(at: top.appending(path: "repo/.git"))
        #expect(try Self.check(top, archive: "../shared/text.txt", quote: "shared words").findings.map(\.code) == [.pathOutsideRoot])
        #expect(try Self.check(top, archive: "../shared/text.txt", quote: "shared words", root: top.appending(path: "repo").path).findings.isEmpty)
        #expect(try Self.check(top, archive: "../../outside.txt", quote: "secret-outside", root: top.path).findings.isEmpty)
    }

    @Test func directoriesAndPipesAreNeverOpened() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(mkfifo(top.appending(path: "repo/data/pipe").path, 0o600) == 0)
        for (archive, kind) in [(".", "a directory"), ("pipe", "a pipe")] {
            let report = try Self.check(top, archive: archive, quote: "x")
            #expect(report.findings.map(\.code) == [.missingFile])
            #expect(report.findings.first?.message.contains("is \(kind), not a file") == true)
        }
    }

    @Test func theCommandLineTakesRootAndRefusesPipesAndDirectoriesAsDocuments() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.removeItem(at: top.appending(path: "repo/.git"))
        let path = top.appending(path: "repo/data/d.yaml")
        try Self.dataset(archive: "../shared/text.txt", quote: "shared words").write(to: path, atomically: true, encoding: .utf8)
        #expect(try Transcript.run(["validate", path.path]).status == 1)
        #expect(try Transcript.run(["validate", "--root", top.path, path.path]).status == 0)
        let notDirectory = try Transcript.run(["validate", "--root", path.path, path.path])
        #expect(notDirectory.status == 2 && notDirectory.stderr.contains("is not a directory"))
        // validate takes a directory as a portfolio; diff compares a directory only with a directory.
        let portfolio = try Transcript.run(["validate", top.path])
        #expect(portfolio.status == 1 && portfolio.stdout.contains("repo/data/d.yaml: invalid"))
        let directory = try Transcript.run(["diff", top.path, path.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("'\(path.path)' is not a directory, but '\(top.path)' is"))
        #expect(mkfifo(top.appending(path: "fifo").path, 0o600) == 0)
        let pipe = try Transcript.run(["validate", top.appending(path: "fifo").path])
        #expect(pipe.status == 2)
        #expect(pipe.stderr.contains("is a pipe, not a file; to read a dataset from a pipe, give '-'"))
    }

    @Test func standardInputResolvesReferencesAgainstTheCurrentDirectory() throws {
        let process = Process()
        process.executableURL = Transcript.binary
        process.arguments = ["validate", "-"]
        process.currentDirectoryURL = Repository.url("Fixtures/valid")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try Data(contentsOf: Repository.url("Fixtures/valid/minimal.yaml")))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed == "<stdin>: valid (0 errors, 0 warnings)\n")
    }
}
