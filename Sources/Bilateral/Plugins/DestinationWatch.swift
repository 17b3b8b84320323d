import Foundation
import Glibc

/// Keeps a copy of an export's destination while another program runs, to see whether the program
/// changed it (instead of writing to its staging path) and to put it back if it did.
struct DestinationWatch {
    let destination: String?
    private let before: [String: FileState]?
    private let backup: String?

    /// What identifies a file's content without reading it.
    struct FileState: Equatable {
        var inode: UInt
        var size: Int
        var modified: Int
        var modifiedNanoseconds: Int
    }

    /// - Parameter destination: the path, or nil for standard output (nothing to watch).
    init(_ destination: String?) throws {
        self.destination = destination
        guard let destination, let state = Self.state(of: destination) else {
            before = destination == nil ? nil : [:]
            backup = nil
            return
        }
        before = state
        let copy = Self.parent(of: destination) + "/.bilateral-backup-\(UUID().uuidString)"
        do { try FileManager.default.copyItem(atPath: destination, toPath: copy) } catch {
            throw ExportError.io(path: destination, message: "cannot keep a copy while the plug-in runs: \(error.localizedDescription)")
        }
        backup = copy
    }

    /// When the destination changed, puts the copy back (or removes what appeared) and returns its path;
    /// else returns nil. The copy is removed either way.
    func restoreIfChanged() -> String? {
        guard let destination, let before else { return nil }
        let now = Self.state(of: destination) ?? [:]
        defer { if let backup { try? FileManager.default.removeItem(atPath: backup) } }
        guard now != before else { return nil }
        try? FileManager.default.removeItem(atPath: destination)
        if let backup { rename(backup, destination) }
        return destination
    }

    /// The state of a file, or of each file in a directory (by name); nil when nothing is there.
    private static func state(of path: String) -> [String: FileState]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFDIR else { return ["": FileState(info)] }
        var states: [String: FileState] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            var entry = stat()
            if lstat(path + "/" + name, &entry) == 0 { states[name] = FileState(entry) }
        }
        return states
    }

    private static func parent(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path
    }
}

extension DestinationWatch.FileState {
    init(_ info: stat) {
        self.init(inode: UInt(info.st_ino), size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }
}
