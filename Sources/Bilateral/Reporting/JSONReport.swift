/// Findings for programs: a versioned JSON document with a fixed key order and no timings.
///
/// Its structure is `Schemas/validate-report.schema.json`; `version` changes only when a field's
/// meaning does.
enum JSONReport {
    static let version = 1

    static func render(_ report: ValidationReport, strict: Bool) -> String {
        var out = "{\n"
        out += "  \"report\": \"bilateral-validate\",\n"
        out += "  \"version\": \(version),\n"
        out += "  \"valid\": \(report.passes(strict: strict)),\n"
        out += "  \"strict\": \(strict),\n"
        out += "  \"files\": [" + report.files.map(JSONText.quoted).joined(separator: ", ") + "],\n"
        out += "  \"errors\": \(report.errorCount),\n"
        out += "  \"warnings\": \(report.warningCount),\n"
        out += "  \"suppressed\": \(report.suppressed),\n"
        out += "  \"findings\": ["
        for (index, finding) in report.findings.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\"code\": \(JSONText.quoted(finding.code.rawValue)), \"severity\": \"\(finding.severity.rawValue)\", "
            out += "\"file\": \(JSONText.quoted(finding.location.file)), \"line\": \(finding.location.line), "
            out += "\"column\": \(finding.location.column), \"message\": \(JSONText.quoted(finding.message)), "
            out += "\"hint\": \(finding.hint.map(JSONText.quoted) ?? "null")}"
        }
        out += report.findings.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }
}
