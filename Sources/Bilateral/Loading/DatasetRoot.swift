import Glibc

/// The directory a dataset's file references must stay inside: the top of the git work tree that
/// holds the dataset, else the dataset's own directory. A dataset may come from a stranger's pull
/// request, so `archive: /etc/passwd` or `../../secret` must never be read.
public enum DatasetRoot {
    /// The root for a dataset document in `directory` ("" for the current one): the nearest enclosing
    /// directory with a `.git` entry, else `directory` itself, both with symbolic links resolved.
    public static func enclosing(_ directory: String) -> String {
        let start = FilePaths.real(directory.isEmpty ? "." : directory) ?? FilePaths.absolute(directory)
        var candidate = start
        while true {
            var status = stat()
            if lstat(candidate == "/" ? "/.git" : candidate + "/.git", &status) == 0 { return candidate }
            guard candidate != "/" else { return start }
            candidate = FilePaths.parent(of: candidate)
        }
    }
}

/// Path arithmetic on plain strings, without touching the file system except where it says so.
enum FilePaths {
    /// The path with symbolic links, `.` and `..` resolved (`realpath`), or nil when it does not exist.
    static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path made absolute against the current directory, `.` and `..` resolved by spelling only.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalised(path) }
        let current = real(".") ?? "/"
        return normalised(current + "/" + path)
    }

    /// `/a/./b/../c` as `/a/c`, for an absolute path; `..` above the top stays at the top.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` named from `directory`, both relative: `shared` and `../archive/a.txt` give `archive/a.txt`;
    /// `..` that climbs above the start is kept, for the root check to judge.
    static func joinedRelative(_ directory: String, _ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var parts: [Substring] = []
        for part in (directory.isEmpty ? path : directory + "/" + path).split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The directory holding an absolute path ("/" for the top).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// What is at a path, for refusing anything but a regular file.
    enum Kind: Equatable {
        case file
        /// Not a regular file: "a directory", "a pipe", "a socket" or "a device".
        case other(String)
        /// It cannot be looked at; the system's reason.
        case unreadable(String)

        /// The kind of a file of `mode` (from `stat`).
        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .file
            case S_IFDIR: self = .other("a directory")
            case S_IFIFO: self = .other("a pipe")
            case S_IFSOCK: self = .other("a socket")
            case S_IFLNK: self = .other("a symbolic link")
            default: self = .other("a device")
            }
        }

        /// "a directory", for a kind that is not a file.
        var name: String {
            switch self {
            case .file: "a file"
            case .other(let name): name
            case .unreadable(let reason): reason
            }
        }
    }

    /// What is at `path`, symbolic links followed.
    static func kind(_ path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        return Kind(mode: status.st_mode)
    }

    /// True when absolute `path` is `root` or lies below it.
    static func isInside(_ path: String, _ root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }
}
