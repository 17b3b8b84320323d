/// Findings for people: `path:line:column: error[code]: message`, the hint indented below, a summary last.
enum TextReport {
    static func render(_ report: ValidationReport, strict: Bool) -> String {
        var out = ""
        for finding in report.findings {
            out += "\(finding.location): \(finding.severity.rawValue)[\(finding.code.rawValue)]: \(finding.message)\n"
            if let hint = finding.hint { out += "  hint: \(hint)\n" }
        }
        out += report.summary(strict: strict) + "\n"
        return out
    }
}
