import Foundation

/// A directory of many relationships: every dataset document under it and every record document of
/// shared records, found by what each document holds (a `dataset` key, or the record format line).
/// Hidden files and directories are skipped, and symbolic links to directories are not followed.
public struct PortfolioDirectory: Sendable {
    /// The directory as the user named it.
    public let directory: String
    /// Dataset documents, by path under `directory`, sorted.
    public let datasets: [String]
    /// Record documents, by path under `directory`, sorted.
    public let recordDocuments: [String]

    /// Scans `directory`.
    ///
    /// - Throws: `DatasetFileError` when it cannot be listed.
    public init(scanning directory: String) throws {
        self.directory = directory
        var datasets: [String] = [], records: [String] = []
        let base = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw DatasetFileError.unreadable(path: directory, reason: "it cannot be listed")
        }
        for case let url as URL in walker where ["yaml", "yml", "json"].contains(url.pathExtension) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.path.dropFirst(base.path.count).drop { $0 == "/" })
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            switch Self.kind(of: url) {
            case .dataset: datasets.append(path)
            case .records: records.append(path)
            case nil: break
            }
        }
        self.datasets = datasets.sorted()
        self.recordDocuments = records.sorted()
    }

    /// What a document of a portfolio is.
    public enum DocumentKind: Sendable { case dataset, records }

    private static func kind(of url: URL) -> DocumentKind? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return kind(of: data, path: url.path)
    }

    /// What a document is, by its top-level keys; nil for any other YAML or JSON file. A line that
    /// opens with the `dataset` key or the record format decides without parsing the file.
    public static func kind(of data: Data, path: String) -> DocumentKind? {
        if let decided = data.withUnsafeBytes({ kind(byFirstLines: $0.bindMemory(to: UInt8.self)) }) { return decided }
        guard let root = ComposedDocuments.compose(path, data).node, case .mapping(let entries) = root.content else { return nil }
        if entries.contains(where: { $0.key == "dataset" }) { return .dataset }
        if case .scalar(DatasetLoader.recordsFormatName, _)? = entries.first(where: { $0.key == "format" })?.value.content { return .records }
        return nil
    }

    private static let datasetLines = ["dataset:", "  \"dataset\":"].map { Array($0.utf8) }
    private static let recordLines = ["format: \(DatasetLoader.recordsFormatName)", "format: \"\(DatasetLoader.recordsFormatName)\""].map { Array($0.utf8) }

    /// The kind a line says, looking at each line's start only up to the first that decides.
    private static func kind(byFirstLines bytes: UnsafeBufferPointer<UInt8>) -> DocumentKind? {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            if datasetLines.contains(where: { line.starts(with: $0) }) { return .dataset }
            if recordLines.contains(where: { line.starts(with: $0) }) { return .records }
            start = end + 1
        }
        return nil
    }
}
