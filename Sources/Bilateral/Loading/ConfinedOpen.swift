import Glibc

/// Opens a file inside a root directory so that the check and the open are one act: the path is
/// walked component by component from a descriptor of the root with `openat` and `O_NOFOLLOW`, and a
/// symbolic link met on the way is read and followed by this walk itself, only while it stays inside
/// the root. A link swapped in after a check cannot be followed unseen, `..` never climbs above the
/// root, and a pipe or device is refused without blocking on it.
enum ConfinedOpen {
    /// Why a path could not be opened.
    enum Failure: Error, Equatable {
        /// The path, or a symbolic link on it, leads out of the root.
        case outsideRoot
        /// It names a directory, pipe, socket or device ("a directory").
        case notAFile(String)
        /// The system's reason (no such file, permission denied…).
        case system(Int32)
    }

    /// How many symbolic links one walk may follow, as the kernel allows.
    static let maximumLinks = 40

    /// An open, read-only descriptor of the regular file at `components` below `root` (an absolute,
    /// real path). The caller closes it.
    static func open(_ components: [Substring], below root: String) throws(Failure) -> Int32 {
        let top = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { throw .system(errno) }
        // The directories walked into, the root first; `..` pops one.
        var directories: [Int32] = [top]
        defer { for descriptor in directories { close(descriptor) } }
        var remaining = Array(components.reversed())
        var links = 0
        while let component = remaining.popLast() {
            if component.isEmpty || component == "." { continue }
            if component == ".." {
                guard directories.count > 1 else { throw .outsideRoot }
                close(directories.removeLast())
                continue
            }
            let current = directories.last!
            let name = String(component)
            var status = stat()
            guard fstatat(current, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { throw .system(errno) }
            if status.st_mode & S_IFMT == S_IFLNK {
                links += 1
                guard links <= maximumLinks else { throw .system(ELOOP) }
                let target = try readLink(name, in: current)
                if target.hasPrefix("/") {
                    // An absolute target counts only when it lies inside the root: walk it from there.
                    guard FilePaths.isInside(FilePaths.normalised(target), root) else { throw .outsideRoot }
                    while directories.count > 1 { close(directories.removeLast()) }
                    let below = FilePaths.normalised(target).dropFirst(root == "/" ? 1 : root.count + 1)
                    remaining += below.split(separator: "/").reversed()
                } else {
                    remaining += target.split(separator: "/", omittingEmptySubsequences: false).reversed()
                }
                continue
            }
            if remaining.isEmpty {
                return try openFile(name, in: current)
            }
            let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                // ELOOP: a link was swapped in since the look; walk it again to judge it.
                if errno == ELOOP { remaining.append(component); continue }
                throw .system(errno)
            }
            directories.append(next)
        }
        throw .notAFile("a directory")
    }

    /// Opens the last component without following a link and without blocking on a pipe, and keeps it
    /// only when it is a regular file.
    private static func openFile(_ name: String, in directory: Int32) throws(Failure) -> Int32 {
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .system(errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let failure = errno
            close(descriptor)
            throw .system(failure)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notAFile(FilePaths.Kind(mode: status.st_mode).name)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    private static func readLink(_ name: String, in directory: Int32) throws(Failure) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlinkat(directory, name, &buffer, buffer.count - 1)
        guard count >= 0 else { throw .system(errno) }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
