import Foundation

/// The protocol's JSON shapes of the workspace's values, and back: positions, ranges, locations,
/// document URIs, diagnostics and edits. JSON values are what `JSONSerialization` reads and writes.
enum ProtocolValues {
    /// A `file:` URI's path; nil for another scheme.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return FilePaths.normalised(url.path)
    }

    /// The `file:` URI of a path.
    static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    static func position(_ json: Any?) -> TextPosition? {
        guard let object = json as? [String: Any], let line = integer(object["line"]), let character = integer(object["character"]),
              line >= 0, character >= 0 else { return nil }
        return TextPosition(line: line, character: character)
    }

    static func range(_ json: Any?) -> TextRange? {
        guard let object = json as? [String: Any], let start = position(object["start"]), let end = position(object["end"]) else { return nil }
        return TextRange(start, end)
    }

    /// An integer, however the JSON reader gave it.
    static func integer(_ json: Any?) -> Int? {
        if let value = json as? Int { return value }
        if let value = json as? Double, value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        return nil
    }

    static func json(_ position: TextPosition) -> [String: Any] { ["line": position.line, "character": position.character] }

    static func json(_ range: TextRange) -> [String: Any] { ["start": json(range.start), "end": json(range.end)] }

    static func json(_ location: FileRange) -> [String: Any] { ["uri": uri(of: location.path), "range": json(location.range)] }

    static func json(_ edit: TextEdit) -> [String: Any] { ["range": json(edit.range), "newText": edit.newText] }

    /// A workspace edit: the edits of each file, by URI.
    static func json(_ edits: [String: [TextEdit]]) -> [String: Any] {
        var changes: [String: Any] = [:]
        for (path, fileEdits) in edits { changes[uri(of: path)] = fileEdits.map(json) }
        return ["changes": changes]
    }

    /// A finding as a diagnostic: its word's range, severity (an acknowledged warning is a hint), code,
    /// message with the hint, and the places it relates to.
    static func diagnostic(_ finding: Finding, in workspace: LanguageWorkspace, document: TextDocument?) -> [String: Any] {
        let range = document.map { workspace.wordRange(at: finding.location, in: $0) }
            ?? TextRange(TextPosition(line: max(0, finding.location.line - 1), character: max(0, finding.location.column - 1)),
                         TextPosition(line: max(0, finding.location.line - 1), character: max(0, finding.location.column - 1)))
        let severity = switch finding.severity {
        case .error: 1
        case .warning: 2
        case .acknowledged: 4
        }
        var diagnostic: [String: Any] = [
            "range": json(range), "severity": severity, "code": finding.code.rawValue, "source": "bilateral",
            "message": finding.message + (finding.hint.map { "\n" + $0 } ?? ""),
        ]
        let related = finding.related.compactMap { related -> [String: Any]? in
            guard let place = workspace.fileRange(of: related.location) else { return nil }
            return ["location": json(place), "message": related.message]
        }
        if !related.isEmpty { diagnostic["relatedInformation"] = related }
        return diagnostic
    }
}
