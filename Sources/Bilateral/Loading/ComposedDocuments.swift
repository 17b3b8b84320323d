import Foundation

/// Record documents composed once and shared by every dataset of a portfolio that includes them: a
/// portfolio of 200 relationships reads its shared documents 200 times but parses them once. Keyed by
/// the name findings give the file and its bytes, so a changed file is parsed again.
public final class ComposedDocuments: @unchecked Sendable {
    /// A composed document and the findings composing it met.
    struct Composed {
        var node: Node?
        var findings: [Finding]
    }

    private var documents: [String: (data: Data, composed: Composed)] = [:]
    private let lock = NSLock()

    public init() {}

    func composed(_ file: String, _ data: Data) -> Composed {
        lock.lock()
        if let cached = documents[file], cached.data == data {
            lock.unlock()
            return cached.composed
        }
        lock.unlock()
        let composed = Self.compose(file, data)
        lock.lock()
        documents[file] = (data, composed)
        lock.unlock()
        return composed
    }

    static func compose(_ file: String, _ data: Data) -> Composed {
        var log = FindingLog()
        let node = YAMLComposer.compose(data, file: file, log: &log)
        return Composed(node: node, findings: log.findings)
    }
}
