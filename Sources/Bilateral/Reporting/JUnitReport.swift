/// Findings as JUnit XML, which most CI systems display as test results: a test suite per validated
/// file (and per observation file with findings), a test case per finding code that occurs in it (failing with each finding as a `<failure>`), and
/// one passing case for a file without findings. Warnings fail only under `--strict`; otherwise they are
/// listed in the case's `<system-out>`. No timings, so the document is the same between runs.
enum JUnitReport {
    static func render(_ report: ValidationReport, strict: Bool) -> String {
        let failing = { (finding: Finding) in finding.severity == .error || (strict && finding.severity == .warning) }
        var suites = ""
        var totalTests = 0, totalFailures = 0
        var files = report.files
        for finding in report.findings where !files.contains(finding.location.file) { files.append(finding.location.file) }
        for file in files {
            let findings = report.findings.filter { $0.location.file == file }
            var codes: [FindingCode] = []
            for finding in findings where !codes.contains(finding.code) { codes.append(finding.code) }
            var cases = ""
            var failures = 0
            if codes.isEmpty {
                cases += "    <testcase classname=\(attribute(file)) name=\"valid\"/>\n"
            }
            for code in codes {
                let own = findings.filter { $0.code == code }
                cases += "    <testcase classname=\(attribute(file)) name=\(attribute(code.rawValue))>\n"
                let (failed, passed) = (own.filter(failing), own.filter { !failing($0) })
                if !failed.isEmpty {
                    failures += 1
                    let first = failed[0]
                    cases += "      <failure message=\(attribute("\(first.location.file):\(first.location.line):\(first.location.column): \(first.message)")) "
                    cases += "type=\(attribute(code.rawValue))>\(text(failed.map(line).joined(separator: "\n")))</failure>\n"
                }
                if !passed.isEmpty { cases += "      <system-out>\(text(passed.map(line).joined(separator: "\n")))</system-out>\n" }
                cases += "    </testcase>\n"
            }
            let tests = max(1, codes.count)
            totalTests += tests
            totalFailures += failures
            suites += "  <testsuite name=\(attribute(file)) tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"bilateral validate\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
        out += suites
        out += "</testsuites>\n"
        return out
    }

    /// `file:line:column: severity[code]: message` and the hint, as the text report prints it.
    private static func line(_ finding: Finding) -> String {
        var text = "\(finding.location.file):\(finding.location.line):\(finding.location.column): "
        text += "\(finding.severity.rawValue)[\(finding.code.rawValue)]: \(finding.message)"
        text = VisibleText.escaped(text)
        if let hint = finding.hint { text += "\n  hint: " + VisibleText.escaped(hint) }
        return text
    }

    /// A quoted attribute value with XML's special characters escaped; characters XML 1.0 cannot hold
    /// become U+FFFD.
    static func attribute(_ value: String) -> String {
        let value = VisibleText.escaped(value)
        return "\"" + text(value).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;") + "\""
    }

    /// Element text with `&`, `<` and `>` escaped and characters XML 1.0 cannot hold replaced.
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                let allowed = (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
