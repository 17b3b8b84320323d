import Foundation
import Testing
@testable import Bilateral

/// Values that try to break or hide lines: every report prints them escaped (`\u{2029}`), so a value
/// never starts a line, a workflow command or a table row of its own.
struct HostileTextTests {
    /// Every character that must never reach a report raw.
    static let hostile: [Unicode.Scalar] = ["\r", "\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{2066}",
                                            "\u{2069}", "\u{200B}", "\u{200D}", "\u{FEFF}"]
    static let forged = "::error file=forged.yaml,line=1::forged"

    /// A document whose invalid values carry each hostile character, each followed by a forged command.
    static var document: String {
        let escapes = hostile.map { "\\u" + String($0.value, radix: 16).leftPadded(4) }
        let reference = escapes.map { $0 + forged }.joined()
        return """
            format: bilateral/1
            dataset: {title: T, countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
            sources:
              - {id: s, title: S, tier: official, url: "https://example.org/s"}
            countries:
              - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
              - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}
            people:
              - {id: a, name: A, country: "pk\(reference)", sources: [s]}
            statements:
              - {id: t, topic: "economy\(reference)", text: "T", sources: [s]}

            """
    }

    static var report: ValidationReport {
        DatasetValidation.validate(Data(document.utf8), file: "hostile.yaml", files: EmbeddedFiles())
    }

    static func expectNoHostileCharacter(_ text: String, _ format: String) {
        let allowedLineBreaks = text.unicodeScalars.filter { hostile.contains($0) && $0 != "\n" }
        #expect(allowedLineBreaks.isEmpty, "\(format) prints \(allowedLineBreaks.map { String($0.value, radix: 16) }) raw")
        #expect(text.contains("\\u{2029}::error file=forged.yaml"), "\(format) does not show the escape")
    }

    @Test func theTextReportKeepsEachFindingOnItsLines() {
        let text = ReportFormat.text.render(Self.report, strict: false)
        Self.expectNoHostileCharacter(text, "text")
        for line in text.split(separator: "\n") {
            #expect(line.hasPrefix("hostile.yaml:") || line.hasPrefix("  hint: "), "\(line)")
        }
        #expect(text.contains("'pk\\u{000D}::error file=forged.yaml,line=1::forged\\u{000A}::error"))
    }

    @Test func gitHubAnnotationsCannotBeginANewCommand() {
        let text = ReportFormat.github.render(Self.report, strict: false)
        Self.expectNoHostileCharacter(text, "github")
        let lines = text.split(separator: "\n")
        #expect(lines.count == Self.report.findings.count + 1)
        for line in lines.dropLast() { #expect(line.hasPrefix("::error file=hostile.yaml,line="), "\(line)") }
        #expect(!text.contains("\n::error file=forged"))
    }

    @Test func sarifMessagesAreEscaped() throws {
        let text = ReportFormat.sarif.render(Self.report, strict: false)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == Self.report.findings.count)
        let messages = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        for message in messages {
            // The one line break is the one before the hint.
            #expect(message.unicodeScalars.filter { Self.hostile.contains($0) } == ["\n"] || !message.contains("hint"))
            #expect(!message.unicodeScalars.contains { Self.hostile.contains($0) && $0 != "\n" })
        }
        #expect(messages.contains { $0.contains("\\u{2029}::error file=forged.yaml") })
    }

    @Test func junitKeepsValuesEscaped() throws {
        let text = ReportFormat.junit.render(Self.report, strict: false)
        Self.expectNoHostileCharacter(text, "junit")
        let failures = text.split(separator: "\n").filter { $0.contains("<failure ") }
        #expect(!failures.isEmpty)
        #expect(!text.contains("&#10;::error"))
    }

    @Test func diffTextAndMarkdownKeepValuesOnTheirLineAndRow() throws {
        let old = try DatasetComparison.load(Data(Self.statement("Plain words.").utf8), name: "old.yaml", file: "old.yaml", files: EmbeddedFiles())
        // CR and NEL are refused in text by the loader (control-character); the rest may be in a value.
        let hostileText = Self.hostile.filter { $0 != "\r" && $0 != "\u{85}" }.map { "\\u" + String($0.value, radix: 16).leftPadded(4) + "| # x" }.joined()
        let new = try DatasetComparison.load(Data(Self.statement("Plain\(hostileText)").utf8), name: "new.yaml", file: "new.yaml", files: EmbeddedFiles())
        let diff = try DatasetComparison.compare(old, new)
        let text = DiffFormat.text.render(diff)
        #expect(!text.unicodeScalars.contains { Self.hostile.contains($0) && $0 != "\n" })
        for line in text.split(separator: "\n") {
            #expect(["---", "+++", "~ ", "    ", "Changes:"].contains { line.hasPrefix($0) }, "\(line)")
        }
        #expect(text.contains("\\u2029") && text.contains("\\u{202E}"))
        let markdown = DiffFormat.markdown.render(diff)
        #expect(!markdown.unicodeScalars.contains { Self.hostile.contains($0) && $0 != "\n" })
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == 3)  // header, rule, and the one changed field
        for row in rows {
            // A value's | is escaped, so every row keeps its five cells.
            let cells = row.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
            #expect(cells.count == 7, "\(row)")
        }
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("#") && !$0.hasPrefix("### Dataset changes") })
    }

    private static func statement(_ text: String) -> String {
        """
        format: bilateral/1
        dataset: {title: T, countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
        sources:
          - {id: s, title: S, tier: official, url: "https://example.org/s"}
        statements:
          - {id: t, topic: economy, text: "\(text)", sources: [s]}

        """
    }

    @Test func visibleTextEscapesOnlyWhatBreaksOrHidesALine() {
        #expect(VisibleText.escaped("plain ünïcode 日本語 اردو") == "plain ünïcode 日本語 اردو")
        #expect(VisibleText.escaped("a\u{2029}b\u{202E}c\u{200B}d\re\u{85}f") == "a\\u{2029}b\\u{202E}c\\u{200B}d\\u{000D}e\\u{0085}f")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
