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

    /// A new empty directory named `/tmp/PREFIX-XXXXXX`.
    static func directory(_ prefix: String) throws -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw ExportError.io(path: "/tmp", message: String(cString: strerror(errno)))
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
