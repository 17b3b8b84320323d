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

    /// Hole: the path was checked, then opened, so a symbolic link swapped in between was followed. Here
    /// one thread keeps swapping `repo/shared` between a directory and a link to a directory outside
    /// the root holding a file of the same name, while reads go on: no read ever returns the outside file.
    @Test func aSymlinkSwappedInDuringReadsIsNeverFollowedOutOfTheRoot() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        let elsewhere = top.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try "secret-outside words".write(to: elsewhere.appending(path: "text.txt"), atomically: true, encoding: .utf8)
        let shared = top.appending(path: "repo/shared").path, parked = top.appending(path: "repo/parked").path
        let link = top.appending(path: "repo/link").path
        #expect(symlink(elsewhere.path, link) == 0)
        let files = DiskFiles(directory: top.appending(path: "repo/data").path)
        let stop = Atomic(false)
        let swapper = Thread {
            while !stop.load() {
                rename(shared, parked); rename(link, shared)        // shared -> outside
                rename(shared, link); rename(parked, shared)        // shared is the directory again
            }
        }
        swapper.start()
        var read = 0, refused = 0
        for _ in 0..<3_000 {
            do {
                let data = try files.read("../shared/text.txt")
                #expect(String(decoding: data, as: UTF8.self) == "shared words")
                read += 1
            } catch let error as DatasetFileError {
                if case .outsideRoot = error { refused += 1 } else if case .unreadable = error { refused += 1 } else { Issue.record("\(error)") }
            }
        }
        stop.store(true)
        while !swapper.isFinished { usleep(1_000) }
        #expect(read + refused == 3_000)
    }

    @Test func linkLoopsAndChainsEndWithoutHangingAndChainsInsideTheRootAreFollowed() throws {
        let top = try Self.tree()
        defer { try? FileManager.default.removeItem(at: top) }
        let data = top.appending(path: "repo/data").path
        #expect(symlink("loop-b", data + "/loop-a") == 0 && symlink("loop-a", data + "/loop-b") == 0)
        #expect(symlink("../shared", data + "/via") == 0 && symlink("via/text.txt", data + "/chain") == 0)
        #expect(symlink(top.appending(path: "repo/shared/text.txt").path, data + "/absolute-inside") == 0)
        #expect(symlink(top.path, data + "/up") == 0)
        let files = DiskFiles(directory: data)
        #expect(throws: DatasetFileError.self) { try files.read("loop-a") }
        #expect(String(decoding: try files.read("chain"), as: UTF8.self) == "shared words")
        #expect(String(decoding: try files.read("absolute-inside"), as: UTF8.self) == "shared words")
        #expect(throws: DatasetFileError.outsideRoot(path: data + "/up/outside.txt", root: files.root)) { try files.read("up/outside.txt") }
        #expect(throws: DatasetFileError.outsideRoot(path: data + "/../../../outside.txt", root: files.root)) { try files.read("../../../outside.txt") }
    }
}

/// A flag shared between two threads.
private final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Bool
    init(_ value: Bool) { self.value = value }
    func load() -> Bool { lock.withLock { value } }
    func store(_ newValue: Bool) { lock.withLock { value = newValue } }
}
