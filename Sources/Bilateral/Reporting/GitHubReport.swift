/// Findings as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which
/// the code host shows as annotations on the lines they name. Values go through `VisibleText` and then
/// the runner's escapes, so none can end a command or begin another.
enum GitHubReport {
    static func render(_ report: ValidationReport, strict: Bool) -> String {
        var out = ""
        for finding in report.findings {
            let properties = [
                "file=" + escapeProperty(VisibleText.escaped(finding.location.file)),
                "line=\(finding.location.line)",
                "col=\(finding.location.column)",
                "title=" + escapeProperty("bilateral \(finding.code.rawValue)"),
            ].joined(separator: ",")
            var message = VisibleText.escaped(finding.message)
            if let hint = finding.hint { message += "\nhint: " + VisibleText.escaped(hint) }
            out += "::\(finding.severity == .acknowledged ? "notice" : finding.severity.rawValue) \(properties)::\(escapeData(message))\n"
        }
        out += VisibleText.escaped(report.summary(strict: strict)) + "\n"
        return out
    }

    /// Escapes a command's message, as the Actions runner's `escapeData` does.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value, as the runner's `escapeProperty` does.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
