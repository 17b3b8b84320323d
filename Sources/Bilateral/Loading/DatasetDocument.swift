import Foundation

/// Reading a dataset document named by the user: a regular file, never a directory, a pipe or a
/// device (which could block for ever), with a message that says which.
public enum DatasetDocument {
    /// The bytes of the document at `path`.
    ///
    /// - Throws: `DatasetFileError.notAFile` or `.unreadable`, naming the path and never its content.
    public static func read(_ path: String) throws -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw DatasetFileError.notAFile(path: path, kind: "a directory, not a dataset document; name a .yaml, .yml or .json file")
        case S_IFIFO: throw DatasetFileError.notAFile(path: path, kind: "a pipe, not a file; to read a dataset from a pipe, give '-' and send it on standard input")
        case S_IFSOCK: throw DatasetFileError.notAFile(path: path, kind: "a socket, not a file")
        default: throw DatasetFileError.notAFile(path: path, kind: "a device, not a file")
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
