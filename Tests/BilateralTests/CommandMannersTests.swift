import Foundation
import Testing
@testable import Bilateral

/// What a careful user of the command line expects: a line saying what was written, suggestions for
/// mistyped commands and formats, and completion scripts that know the files and words.
struct CommandMannersTests {
    @Test(arguments: [("xlsx", "out.xlsx", "sheets,"), ("csv", "out-csv", "files,"), ("json", "out.json", "records,")])
    func anExportSaysWhatItWroteOnStandardErrorUnlessQuiet(format: String, name: String, words: String) throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: name).path
        let run = try Transcript.run(["export", "--format", format, "--output", path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let line = try #require(run.stderr.split(separator: "\n").last.map(String.init))
        #expect(line.hasPrefix("wrote \(path): ") && line.contains(words) && line.hasSuffix(" KB"), "\(line)")
        let quiet = try Transcript.run(["export", "--format", format, "--output", path, "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test func theWorkbookLineCountsSheetsRowsAndCharts() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Transcript.run(["export", "--format", "xlsx", "--output", directory.appending(path: "p.xlsx").path])
        #expect(run.stderr.contains(/: 21 sheets, \d{3} rows, 5 charts, \d+ KB\n$/), "\(run.stderr)")
    }

    @Test func aBriefWrittenToAFileSaysSoAndToStandardOutputDoesNot() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "brief.txt").path
        let run = try Transcript.run(["brief", "--output", path])
        #expect(run.stderr.hasPrefix("wrote \(path): ") && run.stderr.contains(" lines, "))
        let printed = try Transcript.run(["brief"])
        #expect(printed.stderr.isEmpty && !printed.stdout.isEmpty)
    }

    @Test func aMistypedCommandOrFormatNamesTheNearestOne() throws {
        let command = try Transcript.run(["valdate"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("unknown command 'valdate'. Did you mean 'validate'?"))
        #expect(command.stdout.isEmpty)
        let format = try Transcript.run(["export", "--format", "cvs", "--output", "/tmp/never-written"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("unknown format 'cvs'; did you mean 'csv'?"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }

    @Test func completionScriptsCompleteDatasetFilesFormatsAndSections() throws {
        let bash = try Transcript.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("'!*.@(yaml|yml|json)'"))
        #expect(bash.stdout.contains("'csv'$'\\n''json'$'\\n''xlsx'"))
        #expect(bash.stdout.contains("'overview'$'\\n''exchanges'"))
        let zsh = try Transcript.run(["--generate-completion-script", "zsh"])
        #expect(zsh.status == 0 && zsh.stdout.contains("_files"))
    }
}
