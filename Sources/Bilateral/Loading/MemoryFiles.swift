import Foundation

/// Files a dataset refers to, held in memory by their paths relative to the dataset document: for a
/// program that has them already (an editor's unsaved buffers, a test, a fuzz target), read as files on
/// disk would be. A path it does not hold gives the error a missing file does.
public struct MemoryFiles: DatasetFiles {
    /// The files' bytes, by path relative to the dataset document.
    public let files: [String: Data]

    /// Files held in memory, by path relative to the dataset document.
    public init(_ files: [String: Data]) { self.files = files }

    /// The path as findings name it: as given.
    public func displayPath(_ relativePath: String) -> String { relativePath }

    /// The file's bytes.
    /// - Throws: `DatasetFileError.unreadable` when no file has that path.
    public func read(_ relativePath: String) throws -> Data {
        guard let data = files[relativePath] else {
            throw DatasetFileError.unreadable(path: relativePath, reason: "No such file or directory")
        }
        return data
    }

    /// The file as a stream.
    /// - Throws: `DatasetFileError.unreadable` when no file has that path.
    public func open(_ relativePath: String) throws -> ByteStream { DataByteStream(try read(relativePath)) }
}
