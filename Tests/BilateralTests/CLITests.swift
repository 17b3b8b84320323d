import Foundation
import Testing
@testable import Bilateral

/// The built `bilateral` binary, as CI runs it: output and exit status.
struct CLITests {
    @Test func validatesTheBuiltInDatasetFromAnyDirectory() throws {
        let run = try Transcript.run(["validate", "--strict"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        #expect(run.stdout == "Fixtures/pakistan-japan.yaml: valid (0 errors, 0 warnings)\n")
    }

    @Test func exitsOneForInvalidDataWithLocatedFindings() throws {
        let run = try Transcript.run(["validate", "Fixtures/invalid/unknown-reference.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("Fixtures/invalid/unknown-reference.yaml:29:16: error[unknown-reference]:"))
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        #expect(try Transcript.run(["validate", "Fixtures/invalid/unused-source.yaml"]).status == 0)
        #expect(try Transcript.run(["validate", "--strict", "Fixtures/invalid/unused-source.yaml"]).status == 1)
    }

    @Test func exitsTwoForAnUnreadableFileOrABadOption() throws {
        let missing = try Transcript.run(["validate", "no/such/file.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read 'no/such/file.yaml': No such file or directory"))
        #expect(missing.stdout.isEmpty)
        let badOption = try Transcript.run(["validate", "--format", "xml"])
        #expect(badOption.status == 2)
        #expect(badOption.stderr.contains("xml"))
    }

    @Test func printsGitHubAnnotations() throws {
        let run = try Transcript.run(["validate", "--format", "github", "Fixtures/invalid/invalid-url.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=Fixtures/invalid/invalid-url.yaml,line=11,col=10,title=bilateral invalid-url::"))
    }

    @Test func printsTheSchemaFromTheRepository() throws {
        let run = try Transcript.run(["schema"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        #expect(run.stdout == (try String(contentsOf: Repository.url("Schemas/bilateral.schema.json"), encoding: .utf8)))
    }

    @Test func helpDescribesEveryCommand() throws {
        let help = try Transcript.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate") && help.stdout.contains("schema"))
        let validateHelp = try Transcript.run(["validate", "--help"])
        #expect(validateHelp.stdout.contains("--strict") && validateHelp.stdout.contains("Exit status"))
        let codes = try Transcript.run(["validate", "--list-codes"])
        #expect(codes.stdout.split(separator: "\n").count == FindingCode.allCases.count)
    }

    @Test func exportsTheBuiltInDatasetAndWritesJSONToStandardOutput() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "pj.json")
        let written = try Transcript.run(["export", "--format", "json", "--output", file.path], in: directory)
        #expect(written.status == 0)
        let streamed = try Transcript.run(["export", "--format", "json", "--output", "-"], in: directory)
        #expect(streamed.status == 0)
        #expect(streamed.stdout == (try String(contentsOf: file, encoding: .utf8)))
        #expect(streamed.stdout.hasPrefix("{\n  \"format\": \"bilateral/1\",\n"))
    }

    @Test func doesNotExportAnInvalidDataset() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "out").path
        let run = try Transcript.run(["export", "Fixtures/invalid/unknown-reference.yaml", "--format", "csv", "--output", output])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[unknown-reference]") && run.stderr.contains("nothing exported"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let warned = try Transcript.run(["export", "Fixtures/invalid/unused-source.yaml", "--strict", "--format", "json", "--output", output])
        #expect(warned.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        let allowed = try Transcript.run(["export", "Fixtures/invalid/unused-source.yaml", "--format", "json", "--output", output])
        #expect(allowed.status == 0 && allowed.stderr.contains("warning[unused-source]"))
    }

    /// The export checks observation files as it streams them; a bad row stops it before anything lands.
    @Test func doesNotExportABadObservationFile() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for output in [directory.appending(path: "out.json").path, "-"] {
            let run = try Transcript.run(["export", "Fixtures/invalid/malformed-csv.yaml", "--format", "json", "--output", output])
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("Fixtures/invalid/malformed-csv.csv:3:6: error[malformed-csv]: a quoted field is never closed\n"))
            #expect(run.stderr.contains("Fixtures/invalid/malformed-csv.yaml: invalid (1 error, 0 warnings)\nbilateral: nothing exported"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }

    @Test func exportUsageErrorsExitTwo() throws {
        let unknown = try Transcript.run(["export", "--format", "xml", "--output", "-"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown format 'xml'. The formats are: csv, json, xlsx"))
        let directoryToStream = try Transcript.run(["export", "--format", "csv", "--output", "-"])
        #expect(directoryToStream.status == 2 && directoryToStream.stderr.contains("writes a directory"))
        let noOutput = try Transcript.run(["export", "--format", "csv"])
        #expect(noOutput.status == 2 && noOutput.stderr.contains("--output"))
    }

    @Test func listsTheFormats() throws {
        let run = try Transcript.run(["formats"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").map { String($0.prefix(6)) } == ["csv   ", "json  ", "xlsx  ", "sqlite", "brief ", "brief-", "brief-"])
    }
}
