import Foundation

/// Where a dataset's document and the files it refers to (archived sources, observation CSVs) are read from.
public protocol DatasetFiles: Sendable {
    /// The path to show in findings for a file named relative to the dataset document.
    func displayPath(_ relativePath: String) -> String
    /// The whole content of a file named relative to the dataset document.
    func read(_ relativePath: String) throws -> Data
    /// A reader over a file's bytes in chunks, for files too large to hold at once.
    func open(_ relativePath: String) throws -> ByteStream
}

/// Files on disk, relative to the directory of the dataset document.
public struct DiskFiles: DatasetFiles {
    /// The directory files are read from ("" for the current one).
    public let directory: String
    /// The directory as findings name it; by default the same.
    public let displayDirectory: String

    public init(directory: String, displayDirectory: String? = nil) {
        self.directory = directory
        self.displayDirectory = displayDirectory ?? directory
    }

    public func displayPath(_ relativePath: String) -> String { Self.join(displayDirectory, relativePath) }

    public func read(_ relativePath: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Self.join(directory, relativePath)))
    }

    public func open(_ relativePath: String) throws -> ByteStream {
        try FileByteStream(path: Self.join(directory, relativePath))
    }

    private static func join(_ directory: String, _ path: String) -> String {
        directory.isEmpty || path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}

/// Files built into the library: the dataset of record and its archived sources.
public struct EmbeddedFiles: DatasetFiles {
    /// The repository directory that embedded paths are relative to.
    public let directory: String

    public init(directory: String = "Fixtures") { self.directory = directory }

    public func displayPath(_ relativePath: String) -> String { "\(directory)/\(relativePath)" }

    public func read(_ relativePath: String) throws -> Data {
        guard let text = EmbeddedResources.files[displayPath(relativePath)] else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: displayPath(relativePath)])
        }
        return Data(text.utf8)
    }

    public func open(_ relativePath: String) throws -> ByteStream {
        DataByteStream(try read(relativePath))
    }

    /// The text of an embedded file by its repository path, such as `Schemas/bilateral.schema.json`.
    public static func text(_ path: String) -> String? { EmbeddedResources.files[path] }
}
