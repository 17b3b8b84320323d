/// Findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), which code hosts
/// import and show as annotations: one run of the `bilateral` tool, a rule per finding code that
/// occurs, a result per finding with its file, line and column. No timings, so the log is the same
/// byte for byte between runs.
enum SARIFReport {
    static func render(_ report: ValidationReport, strict: Bool) -> String {
        var rules: [FindingCode] = []
        for finding in report.findings where !rules.contains(finding.code) { rules.append(finding.code) }
        var out = "{\n"
        out += "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        out += "  \"version\": \"2.1.0\",\n"
        out += "  \"runs\": [\n    {\n"
        out += "      \"tool\": {\n        \"driver\": {\n"
        out += "          \"name\": \"bilateral\",\n"
        out += "          \"version\": \"\(ToolVersion.current)\",\n"
        out += "          \"rules\": ["
        for (index, code) in rules.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "            {\"id\": \(JSONText.quoted(code.rawValue)), \"name\": \(JSONText.quoted(code.rawValue)), "
            out += "\"shortDescription\": {\"text\": \(JSONText.quoted(code.summary))}, "
            out += "\"defaultConfiguration\": {\"level\": \"\(level(code.severity))\"}}"
        }
        out += rules.isEmpty ? "]\n" : "\n          ]\n"
        out += "        }\n      },\n"
        out += "      \"columnKind\": \"unicodeCodePoints\",\n"
        out += "      \"results\": ["
        for (index, finding) in report.findings.enumerated() {
            var message = VisibleText.escaped(finding.message)
            if let hint = finding.hint { message += "\nhint: " + VisibleText.escaped(hint) }
            out += index == 0 ? "\n" : ",\n"
            out += "        {\"ruleId\": \(JSONText.quoted(finding.code.rawValue)), \"ruleIndex\": \(rules.firstIndex(of: finding.code)!), "
            out += "\"level\": \"\(level(finding.severity, strict: strict))\", \"message\": {\"text\": \(JSONText.quoted(message))}, "
            out += "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(JSONText.quoted(uri(finding.location.file)))}, "
            out += "\"region\": {\"startLine\": \(max(1, finding.location.line)), \"startColumn\": \(max(1, finding.location.column))}}}]"
            if finding.severity == .acknowledged {
                // SARIF's own word for it: a result suppressed in the source, with the reason.
                out += ", \"suppressions\": [{\"kind\": \"inSource\", \"justification\": \(JSONText.quoted(VisibleText.escaped(finding.hint ?? "")))}]"
            }
            out += "}"
        }
        out += report.findings.isEmpty ? "]\n" : "\n      ]\n"
        out += "    }\n  ]\n}\n"
        return out
    }

    /// SARIF's level: a warning that fails under `--strict` is reported as an error; an acknowledged
    /// warning stays a warning, suppressed.
    static func level(_ severity: Severity, strict: Bool = false) -> String {
        switch severity {
        case .error: "error"
        case .warning: strict ? "error" : "warning"
        case .acknowledged: "warning"
        }
    }

    /// A relative URI reference for a path: its characters outside RFC 3986's unreserved set and `/`
    /// percent-encoded.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || "-._~/".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}
