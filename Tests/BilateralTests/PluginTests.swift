import Foundation
import Testing
@testable import Bilateral

/// Writer plug-ins: executables named `bilateral-writer-NAME` in a directory named by `--plugins` (here
/// copies of `Fixtures/plugins/` and `docs/examples/`), run by `bilateral export --format NAME`.
struct PluginTests {
    /// A directory with the test plug-ins in `writers/`, a dataset and a destination file holding `original`.
    static func workspace() throws -> URL {
        let directory = try Export.temporaryDirectory()
        let writers = directory.appending(path: "writers")
        try FileManager.default.createDirectory(at: writers, withIntermediateDirectories: true)
        let plugins = try FileManager.default.contentsOfDirectory(atPath: Repository.url("Fixtures/plugins").path)
        for name in plugins {
            try FileManager.default.copyItem(at: Repository.url("Fixtures/plugins/\(name)"), to: writers.appending(path: name))
        }
        try FileManager.default.copyItem(at: Repository.url("docs/examples/bilateral-writer-markdown"),
                                         to: writers.appending(path: "bilateral-writer-markdown"))
        // The standalone JSON form: it refers to no file outside the directory.
        let exported = try Transcript.run(["export", "Fixtures/valid/minimal.yaml", "--format", "json", "--quiet",
                                           "--output", directory.appending(path: "minimal.json").path])
        #expect(exported.status == 0)
        try "original\n".write(to: directory.appending(path: "dest.txt"), atomically: true, encoding: .utf8)
        return directory
    }

    static func contents(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func formatsListsThePlugInsAndWhyOneCannotBeUsed() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Transcript.run(["formats", "--plugins", "writers"], in: directory)
        #expect(run.status == 0)
        let writers = directory.appending(path: "writers").path
        #expect(run.stdout.contains("markdown    the dataset as Markdown tables, one per record kind (.md file, plug-in \(writers)/bilateral-writer-markdown)"))
        #expect(run.stdout.contains("split       the request in two files (directory, plug-in \(writers)/bilateral-writer-split)"))
        #expect(run.stdout.contains("future      cannot be used: it speaks protocol 99; this bilateral speaks 1"))
    }

    @Test func theExamplePlugInWritesMarkdownTables() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Transcript.run(["export", "minimal.json", "--plugins", "writers", "--format", "markdown", "--output", "minimal.md"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("bilateral-writer-markdown: wrote") && run.stderr.contains("wrote minimal.md: written by the markdown plug-in"))
        let markdown = try String(contentsOf: directory.appending(path: "minimal.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# ") && markdown.contains("\n## Sources\n\n| id | "))
    }

    @Test func theRequestIsAHeaderTheDocumentAndAnObservationPerLine() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Transcript.run(["export", "minimal.json", "--plugins", "writers", "--format", "dump", "--output", "request.jsonl", "--bom"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: directory.appending(path: "request.jsonl"), encoding: .utf8).split(separator: "\n")
        let header = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["protocol"] as? Int == 1 && header["format"] as? String == "dump")
        let output = try #require(header["output"] as? [String: Any])
        #expect(output["layout"] as? String == "file" && (output["path"] as? String)?.hasPrefix(directory.path + "/.request.jsonl.bilateral-") == true)
        #expect((header["options"] as? [String: Any])?["byte_order_mark"] as? Bool == true)
        // The second line is the canonical document without observations, on one line.
        let document = try #require(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(document["format"] as? String == "bilateral/1" && document["observations"] == nil)
        let dataset = try Export.validated(directory.appending(path: "minimal.json").path)
        var observations = 0
        try dataset.forEachObservation { _ in observations += 1 }
        #expect(lines.count == 2 + observations && observations > 0)
        for line in lines.dropFirst(2) { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any]) }
    }

    @Test func aDirectoryPlugInFillsItsStagingDirectory() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Transcript.run(["export", "minimal.json", "--plugins", "writers", "--format", "split", "--output", "out"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.contents(directory.appending(path: "out")) == ["dataset.json", "request.json"])
    }

    @Test(arguments: [
        (["--format", "fails"], "exited with status 1; nothing was written"),
        (["--format", "hangs", "--plugin-timeout", "1"], "it did not finish within 1 second (--plugin-timeout) and was stopped; nothing was written"),
        (["--format", "escapes"], "it wrote outside its staging path: it changed dest.txt, which is restored; nothing was written"),
        (["--format", "future"], "it speaks protocol 99; this bilateral speaks 1"),
        (["--format", "nothing-here"], "unknown format 'nothing-here'"),
    ])
    func aPlugInThatMisbehavesLeavesTheDestinationAsItWas(_ arguments: [String], _ message: String) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.contents(directory)
        let run = try Transcript.run(["export", "minimal.json", "--plugins", "writers"] + arguments + ["--output", "dest.txt"], in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try String(contentsOf: directory.appending(path: "dest.txt"), encoding: .utf8) == "original\n")
        #expect(try Self.contents(directory) == before, "no staging file or backup is left")
    }

    @Test func aPlugInThatLeavesFilesInItsWorkingDirectoryFails() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Transcript.run(["export", "minimal.json", "--plugins", "writers", "--format", "escapes", "--output", "new.txt"], in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains("it left stray.txt in its working directory; nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "new.txt").path))
    }

    @Test func pluginNamesAreLowerCaseWordsWithInnerHyphens() {
        #expect(PluginWriter.isFormatName("markdown") && PluginWriter.isFormatName("r-tables2"))
        #expect(!PluginWriter.isFormatName("") && !PluginWriter.isFormatName("-x") && !PluginWriter.isFormatName("Md")
            && !PluginWriter.isFormatName("a/b") && !PluginWriter.isFormatName("x-"))
    }

    /// A cloned repository holding `writers/bilateral-writer-NAME` cannot make `formats` or `export` run
    /// it: the current directory is searched only when named.
    @Test func theCurrentDirectoryIsNeverSearchedUnlessNamed() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = directory.appending(path: "ran")
        let trap = directory.appending(path: "writers/bilateral-writer-trap")
        try "#!/bin/sh\ntouch '\(marker.path)'\necho '{\"protocol\": 1, \"summary\": \"trap\", \"layout\": \"file\", \"extension\": \"txt\"}'\n"
            .write(to: trap, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: trap.path)
        let formats = try Transcript.run(["formats"], in: directory)
        #expect(formats.status == 0)
        #expect(!formats.stdout.contains("trap"))
        let export = try Transcript.run(["export", "minimal.json", "--format", "trap", "--output", "x.txt"], in: directory)
        #expect(export.status == 2)
        #expect(export.stderr.contains("unknown format 'trap'"))
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        // Named, it is found.
        let named = try Transcript.run(["formats", "--plugins", "writers"], in: directory)
        #expect(named.stdout.contains("trap"))
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }

    /// Relative entries of PATH and BILATERAL_PLUGINS would resolve against the current directory: ignored.
    @Test func onlyAbsoluteEntriesOfTheVariablesAreSearched() {
        let path = PluginWriter.searchPath(named: ["/named"], environment: ["PATH": "/usr/bin::writers:.:/bin", "BILATERAL_PLUGINS": "/opt/p:rel"])
        #expect(path == ["/named", "/opt/p", "/usr/bin", "/bin"])
    }
}
