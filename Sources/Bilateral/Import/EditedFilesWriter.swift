import Foundation
import Glibc

/// Replaces the files an import edited, all or none: each new content is written and synced to a
/// staged file beside its target first, and only when every one is staged are they renamed into
/// place. A failure before that removes the staged files and leaves every target as it was.
public enum EditedFilesWriter {
    /// Replaces each file with its new bytes, keeping its permissions; a new file's directory is made
    /// when missing.
    public static func replace(_ files: [DatasetImport.EditedFile]) throws {
        var staged: [(temporary: String, target: String)] = []
        do {
            for file in files {
                let directory = (file.path as NSString).deletingLastPathComponent
                if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                    do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                        throw ExportError.io(path: file.path, message: "cannot make its directory: \(error.localizedDescription)")
                    }
                }
                let template = (directory.isEmpty ? "." : directory) + "/." + (file.path as NSString).lastPathComponent + ".bilateral-XXXXXX"
                var name = Array(template.utf8CString)
                let descriptor = mkstemp(&name)
                guard descriptor >= 0 else { throw ExportError.io(path: file.path, message: String(cString: strerror(errno))) }
                let temporary = String(cString: name)
                staged.append((temporary, file.path))
                InterruptCleanup.register(temporary)
                var mode = stat()
                if stat(file.path, &mode) == 0 { fchmod(descriptor, mode.st_mode & 0o7777) }
                let output = OutputFile(path: file.path, descriptor: descriptor)
                do {
                    try output.write(file.data)
                    try output.flush()
                    guard fsync(descriptor) == 0 else { throw ExportError.io(path: file.path, message: String(cString: strerror(errno))) }
                    try output.close()
                } catch {
                    output.discard()
                    throw error
                }
            }
        } catch {
            for file in staged { unlink(file.temporary); InterruptCleanup.forget(file.temporary) }
            throw error
        }
        for file in staged {
            guard rename(file.temporary, file.target) == 0 else {
                let message = String(cString: strerror(errno))
                for rest in staged { unlink(rest.temporary); InterruptCleanup.forget(rest.temporary) }
                throw ExportError.io(path: file.target, message: message)
            }
            InterruptCleanup.forget(file.temporary)
        }
    }
}
