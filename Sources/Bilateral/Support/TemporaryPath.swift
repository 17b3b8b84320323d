import Glibc

/// New, uniquely named files and directories under `/tmp`, made with `mkstemp` and `mkdtemp`.
enum TemporaryPath {
    /// A new empty file named `/tmp/PREFIX-XXXXXX`, open for writing.
    static func file(_ prefix: String) throws -> (path: String, descriptor: Int32) {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw ExportError.io(path: "/tmp", message: String(cString: strerror(errno))) }
        return (template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, descriptor)
    }

    /// A new empty file with no name in `/tmp` (`O_TMPFILE`), open for reading and writing, and a path
    /// that reopens it while the descriptor is open (`/proc/self/fd/N`), for a library that writes to a
    /// path. The system frees it when the descriptor is closed, even when the process is killed, so it
    /// is never left behind. `named` is true where the file system has no unnamed files: the file
    /// then has a name, which the caller removes.
    static func unnamedFile(_ prefix: String) throws -> (path: String, descriptor: Int32, named: Bool) {
        let unnamed: Int32 = 0o20000000 | O_DIRECTORY   // O_TMPFILE, which the C headers define as a compound macro
        let descriptor = open("/tmp", unnamed | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor >= 0 { return ("/proc/self/fd/\(descriptor)", descriptor, false) }
        let (path, named) = try file(prefix)
        return (path, named, true)
    }

    /// A new empty directory named `/tmp/PREFIX-XXXXXX`.
    static func directory(_ prefix: String) throws -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw ExportError.io(path: "/tmp", message: String(cString: strerror(errno)))
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
