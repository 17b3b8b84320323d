import Foundation

/// Reading a dataset document named by the user: a regular file, never a directory, a pipe or a
/// device (which could block for ever), with a message that says which.
public enum DatasetDocument {
    /// The bytes of the document at `path`.
    ///
    /// - Throws: `DatasetFileError.notAFile` or `.unreadable`, naming the path and never its content.
    public static func read(_ path: String) throws -> Data {
        switch FilePaths.kind(path) {
        case .file: break
        case .other("a directory"): throw DatasetFileError.notAFile(path: path, kind: "a directory, not a dataset document; name a .yaml, .yml or .json file")
        case .other("a pipe"): throw DatasetFileError.notAFile(path: path, kind: "a pipe, not a file; to read a dataset from a pipe, give '-' and send it on standard input")
        case .other(let kind): throw DatasetFileError.notAFile(path: path, kind: kind + ", not a file")
        case .unreadable(let reason): throw DatasetFileError.unreadable(path: path, reason: reason)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw DatasetFileError.unreadable(path: path, reason: "a read failed")
        }
    }
}
