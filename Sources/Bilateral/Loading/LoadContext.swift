/// What the loader shares while it reads one document: the file's name, the findings so far, and the
/// ids declared by every record (even an invalid one), so that a broken record does not also make every
/// reference to it look unknown.
final class LoadContext {
    let file: String
    var log = FindingLog()
    var declaredIDs: [String: RecordKind] = [:]
    /// The record documents read through `include`, as findings name them.
    var includedDocuments: [String] = []

    init(file: String) { self.file = file }

    func location(_ position: Node.Position) -> SourceLocation {
        SourceLocation(file: file, line: Int(position.line), column: Int(position.column))
    }

    func add(_ code: FindingCode, at position: Node.Position, _ message: String, hint: String? = nil, fix: FindingFix? = nil) {
        log.add(code, at: location(position), message, hint: hint, fix: fix)
    }
}
