/// Findings for people: `path:line:column: error[code]: message`, the hint indented below, a summary last.
/// Text from the dataset (and file names) is printed through `VisibleText`, so each finding stays on its lines.
enum TextReport {
    static func render(_ report: ValidationReport, strict: Bool) -> String {
        var out = ""
        for finding in report.findings {
            out += VisibleText.escaped("\(finding.location): \(finding.severity.rawValue)[\(finding.code.rawValue)]: \(finding.message)") + "\n"
            if let hint = finding.hint { out += "  hint: " + VisibleText.escaped(hint) + "\n" }
        }
        out += VisibleText.escaped(report.summary(strict: strict)) + "\n"
        return out
    }
}
