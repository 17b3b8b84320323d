/// The ways `bilateral validate` can print its findings.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:column: error[code]: message`, then the hint: for people.
    case text
    /// A versioned JSON document (see `Schemas/validate-report.schema.json`): for programs.
    case json
    /// GitHub Actions workflow commands, which show as annotations on the changed lines.
    case github
    /// A SARIF 2.1.0 log, which code hosts import as code-scanning annotations.
    case sarif
    /// JUnit XML, which most CI systems show as test results.
    case junit

    /// The report rendered in this format.
    public func render(_ report: ValidationReport, strict: Bool) -> String {
        switch self {
        case .text: TextReport.render(report, strict: strict)
        case .json: JSONReport.render(report, strict: strict)
        case .github: GitHubReport.render(report, strict: strict)
        case .sarif: SARIFReport.render(report, strict: strict)
        case .junit: JUnitReport.render(report, strict: strict)
        }
    }
}

extension ValidationReport {
    /// "2 errors, 1 warning".
    var countsSentence: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let acknowledged = findings.count { $0.severity == .acknowledged }
        return "\(plural(errorCount, "error")), \(plural(warningCount, "warning"))" + (acknowledged > 0 ? ", \(acknowledged) acknowledged" : "")
    }

    /// The closing line of the text report: `pair.yaml: valid (0 errors, 0 warnings)`, or for several
    /// files `3 files: …`, with `filesNoun` naming what they are.
    public func summaryLine(strict: Bool, filesNoun: String = "files") -> String {
        VisibleText.escaped(summary(strict: strict, filesNoun: filesNoun))
    }

    /// The closing line of the text and GitHub reports.
    func summary(strict: Bool, filesNoun: String = "files") -> String {
        let checked = files.count == 1 ? files[0] : "\(files.count) \(filesNoun)"
        var line = passes(strict: strict) ? "\(checked): valid (\(countsSentence))" : "\(checked): invalid (\(countsSentence))"
        if suppressed > 0 { line += "; \(suppressed) more not shown" }
        if !passes(strict: strict), errorCount == 0, warningCount > 0, strict { line += "; warnings fail under --strict" }
        return line
    }
}
