/// A fix an editor offers for a finding: its title, the finding it fixes, and the edits.
struct CodeAction {
    var title: String
    var finding: Finding
    var edits: [String: [TextEdit]]
}

extension LanguageWorkspace {
    /// The fixes for the findings in `range` of the document at `path` whose hints name one: the
    /// did-you-mean id, field or choice, a quoted scalar, a required field added. Made by the edit engine.
    func codeActions(in path: String, range: TextRange) -> [CodeAction] {
        guard let document = text(of: path) else { return [] }
        var actions: [CodeAction] = []
        for finding in findings(in: path) {
            guard let fix = finding.fix else { continue }
            let found = wordRange(at: finding.location, in: document)
            guard found.start <= range.end, range.start <= found.end || found.start == range.start else { continue }
            guard let edits = try? edits(fixing: fix, at: finding.location, in: document) else { continue }
            let title = switch fix {
            case .replace(let text): finding.code == .ambiguousScalar ? "Quote '\(text)'" : "Change to '\(text)'"
            case .addField(let name): "Add the required field '\(name)'"
            }
            actions.append(CodeAction(title: title, finding: finding, edits: [path: edits]))
        }
        return actions
    }

    private func edits(fixing fix: FindingFix, at location: SourceLocation, in document: TextDocument) throws -> [TextEdit] {
        var editor = try YAMLDocumentEditor(file: location.file, data: document.data)
        switch fix {
        case .replace(let text):
            do {
                try editor.replaceScalars(at: [location], with: text)
            } catch {
                // A key, which the edit engine does not replace: write the new key over the old.
                let range = wordRange(at: location, in: document)
                return [TextEdit(range, YAMLScalarText.plainOrQuoted(text, inFlow: false, mustReadAsText: true))]
            }
        case .addField(let name):
            let record = try editor.record(at: location)
            let context = CursorContext(document, offset: document.offset(of: location))
            let order = FieldCatalog.columns(at: context.path, recordDocument: false).map(\.name)
            try editor.set(name, of: record, to: .text(""), order: order)
        }
        return try editor.orderedSplices().map { TextEdit(document.range($0.start, $0.end), $0.text) }
    }
}
