import Foundation
import Testing
@testable import Bilateral

/// `bilateral brief` and `bilateral export --format brief`, run as a user would.
struct BriefCommandTests {
    @Test func printsTheCommittedBriefFromAnyDirectory() throws {
        let run = try Transcript.run(["brief"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        #expect(run.stdout == (try BriefTests.text("Reports/pakistan-japan.txt")))
        let export = try Transcript.run(["export", "--format", "brief", "--output", "-"], in: FileManager.default.temporaryDirectory)
        #expect(export.stdout == run.stdout)
    }

    @Test func writesTheMarkdownTemplateAtAWidthToAFile() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "brief.md")
        let run = try Transcript.run(["brief", "--template", "markdown", "--output", file.path], in: directory)
        #expect(run.status == 0 && run.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == (try BriefTests.text("Reports/pakistan-japan.md")))
        let narrow = try Transcript.run(["brief", "--width", "30", "--sections", "overview,people", "--as-of", "2020"])
        #expect(narrow.status == 0)
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 30 || !$0.contains(" ") || $0.contains("http") })
        #expect(narrow.stdout.contains("As of 2020") && !narrow.stdout.contains("Mechanisms"))
    }

    @Test func refusesBadOptionsAndBrokenTemplatesWithoutWritingAFile() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = directory.appending(path: "broken.mustache")
        try "line one\n{{#sections}}\n".write(to: template, atomically: true, encoding: .utf8)
        let output = directory.appending(path: "brief.txt")
        let broken = try Transcript.run(["brief", "--template", template.path, "--output", output.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.mustache:") && broken.stderr.contains("[template-syntax]"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        for arguments in [["--width", "5"], ["--as-of", "2019-13"], ["--sections", "overview,gossip"], ["--template", "nope"]] {
            let run = try Transcript.run(["brief"] + arguments + ["--output", output.path])
            #expect(run.status == 2, "\(arguments)")
            #expect(!run.stderr.isEmpty)
        }
        #expect(try Transcript.run(["brief", "--sections", "overview,gossip"]).stderr.contains("the sections are: overview, exchanges"))
        #expect(try Transcript.run(["brief", "--template", "nope"]).stderr.contains("the built-in templates are: brief, html, markdown"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["broken.mustache"])
    }

    @Test func refusesBadWordAndHTMLOptionsWithoutWritingAFile() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notWord = directory.appending(path: "template.docx")
        try "not a zip".write(to: notWord, atomically: true, encoding: .utf8)
        let plain = directory.appending(path: "plain.mustache")
        try "{{#sources}}Fact.[{{number}}]{{/sources}}\n".write(to: plain, atomically: true, encoding: .utf8)
        let output = directory.appending(path: "brief.docx")
        let cases: [(arguments: [String], message: String)] = [
            (["--format", "docx", "--reference-docx", notWord.path], "cannot use '\(notWord.path)' as the reference document: it is not a Word document (.docx): not a ZIP archive"),
            (["--format", "docx", "--marking", "RESTRICTED\nAPPROVED"], "--marking holds the control or format character U+000A"),
            (["--format", "html", "--marking", "A\u{202E}B"], "--marking holds the control or format character U+202E"),
            (["--format", "docx", "--template", plain.path], "template '\(plain.path)' marks source [1] but lists no source numbered 1"),
            (["--format", "text", "--marking", "RESTRICTED"], "--marking goes with --format docx or html"),
            (["--format", "html", "--reference-docx", notWord.path], "--reference-docx goes with --format docx"),
        ]
        for (arguments, message) in cases {
            let run = try Transcript.run(["brief"] + arguments + ["--output", output.path])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["plain.mustache", "template.docx"])
    }

    @Test func refusesAnInvalidDataset() throws {
        let run = try Transcript.run(["brief", "Fixtures/invalid/unknown-reference.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("unknown-reference") && run.stdout.isEmpty)
    }

    @Test func helpNamesTheOptionsTemplatesAndSections() throws {
        let help = try Transcript.run(["brief", "--help"])
        for option in ["--as-of", "--width", "--template", "--sections", "--output", "markdown", "exchanges", "Exit status"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
        #expect(try Transcript.run(["formats"]).stdout.contains("brief"))
    }
}
