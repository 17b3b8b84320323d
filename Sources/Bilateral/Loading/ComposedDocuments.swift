import Foundation

/// Record documents composed once and shared by every dataset of a portfolio that includes them: a
/// portfolio of 200 relationships reads its shared documents 200 times but parses them once, and reads
/// their records once. Keyed by the name findings give the file and its bytes, so a changed file is
/// parsed again.
public final class ComposedDocuments: @unchecked Sendable {
    /// A composed document and the findings composing it met.
    struct Composed {
        var node: Node?
        var findings: [Finding]
    }

    private var documents: [String: (data: Data, composed: Composed)] = [:]
    /// Record documents read as a dataset includes them, by name and include path; nil for one whose
    /// reading met a finding.
    private var fragments: [String: (data: Data, fragment: DatasetLoader.IncludedFragment?)] = [:]
    private let lock = NSLock()

    /// No documents yet; they are added as datasets include them.
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

    /// The included records cached under `key` for these bytes: nil when nothing is cached, `.some(nil)`
    /// for a document whose reading met a finding.
    func fragment(_ key: String, _ data: Data) -> DatasetLoader.IncludedFragment?? {
        lock.withLock { fragments[key].flatMap { $0.data == data ? .some($0.fragment) : nil } }
    }

    func store(_ key: String, _ data: Data, _ fragment: DatasetLoader.IncludedFragment?) {
        lock.withLock { fragments[key] = (data, fragment) }
    }

    static func compose(_ file: String, _ data: Data) -> Composed {
        var log = FindingLog()
        let node = YAMLComposer.compose(data, file: file, log: &log)
        return Composed(node: node, findings: log.findings)
    }
}
