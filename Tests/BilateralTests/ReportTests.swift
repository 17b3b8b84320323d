import Foundation
import Testing
@testable import Bilateral

/// The three report formats.
struct ReportTests {
    static let report = ValidationReport(files: ["a,b.yaml"], findings: [
        Finding(.unusedSource, at: SourceLocation(file: "a,b.yaml", line: 9, column: 3), "50% of: it\nnext", hint: "fix: this"),
        Finding(.duplicateID, at: SourceLocation(file: "a,b.yaml", line: 2, column: 1), "duplicate id 'x'"),
    ])

    @Test func sortsFindingsByLocation() {
        #expect(Self.report.findings.map(\.location.line) == [2, 9])
    }

    @Test func writesGitHubWorkflowCommandsWithEscaping() {
        let lines = ReportFormat.github.render(Self.report, strict: false).split(separator: "\n")
        #expect(lines[0] == "::error file=a%2Cb.yaml,line=2,col=1,title=bilateral duplicate-id::duplicate id 'x'")
        #expect(lines[1] == "::warning file=a%2Cb.yaml,line=9,col=3,title=bilateral unused-source::50%25 of: it\\u{000A}next%0Ahint: fix: this")
        // Every line but the summary is a well-formed workflow command.
        let pattern = /^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::.*$/
        for line in lines.dropLast() { #expect(line.wholeMatch(of: pattern) != nil) }
    }

    @Test func writesAVersionedJSONReport() throws {
        let json = ReportFormat.json.render(Self.report, strict: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["valid"] as? Bool == false)
        #expect(object["errors"] as? Int == 1 && object["warnings"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["duplicate-id", "unused-source"])
        #expect(findings[0]["hint"] is NSNull)
        #expect(findings[1]["message"] as? String == "50% of: it\nnext")
    }

    @Test func writesTextWithHintsAndASummary() {
        #expect(ReportFormat.text.render(Self.report, strict: false) == """
            a,b.yaml:2:1: error[duplicate-id]: duplicate id 'x'
            a,b.yaml:9:3: warning[unused-source]: 50% of: it\\u{000A}next
              hint: fix: this
            a,b.yaml: invalid (1 error, 1 warning)

            """)
    }

    @Test func combiningReportsGivesWhatAddingThemOneByOneGives() {
        let reports = (0..<5).map { index in
            ValidationReport(files: ["d\(index).yaml"], findings: [
                Finding(.unknownReference, at: SourceLocation(file: "shared.yaml", line: 3, column: 5), "the same finding from every dataset"),
                Finding(.invalidValue, at: SourceLocation(file: "d\(index).yaml", line: 10 - index, column: 1), "its own"),
            ], suppressed: index)
        }
        let combined = ValidationReport(combining: reports)
        #expect(combined == reports.dropFirst().reduce(reports[0], +))
        #expect(combined.findings.count == 6 && combined.files.count == 5 && combined.suppressed == 10)
    }
}
