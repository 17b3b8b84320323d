import Bilateral
import Foundation

/// Files of one git revision, relative to the directory of the dataset document in the repository.
struct GitFiles: DatasetFiles {
    let revision: String
    /// The document's directory, relative to the repository's root ("" for the root).
    let directory: String

    func displayPath(_ relativePath: String) -> String { "\(revision):\(path(relativePath))" }

    /// The file's bytes at the revision; a path that is absolute or leaves the repository is refused unread.
    func read(_ relativePath: String) throws -> Data {
        let path = path(relativePath)
        guard !relativePath.hasPrefix("/"), path != "..", !path.hasPrefix("../") else {
            throw DatasetFileError.outsideRoot(path: displayPath(relativePath), root: "\(revision):")
        }
        return try Self.blob(revision, path)
    }

    func open(_ relativePath: String) throws -> ByteStream { DataByteStream(try read(relativePath)) }

    private func path(_ relativePath: String) -> String {
        Self.normalised(directory.isEmpty ? relativePath : directory + "/" + relativePath)
    }

    /// A path as git reads it after `REV:`: relative to the repository's root, unless it starts with
    /// `./` or `../`, which are relative to the current directory. Returned relative to the root.
    static func repositoryPath(_ path: String) throws -> String {
        guard path.hasPrefix("./") || path.hasPrefix("../") else { return normalised(path) }
        let prefix = String(decoding: try git(["rev-parse", "--show-prefix"]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return normalised(prefix + path)
    }

    /// `a/./b/../c` as `a/c`; a path that leaves the root keeps its `..`, for git to refuse.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The bytes of a file at a revision.
    static func blob(_ revision: String, _ path: String) throws -> Data {
        try git(["cat-file", "blob", "\(revision):\(path)"])
    }

    /// Whether `path` is a directory (a tree) at the revision.
    ///
    /// - Throws: `InputError` with git's reason when the revision or the path does not exist.
    static func isDirectory(_ revision: String, _ path: String) throws -> Bool {
        let type = try git(["cat-file", "-t", "\(revision):\(path)"])
        return String(decoding: type, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "tree"
    }

    /// The paths of the files under a directory at the revision, relative to the repository's root.
    static func files(_ revision: String, under directory: String) throws -> [String] {
        let listing = try git(["ls-tree", "--full-tree", "-r", "-z", "--name-only", revision, "--"] + (directory.isEmpty ? [] : [directory + "/"]))
        return listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Where the dataset document at `path` is in its git work tree, and the commit the tree is at when
    /// the document is tracked and nothing tracked has changed since (an ignored or untracked document is
    /// in no commit); nil outside a work tree or without git.
    static func provenance(of path: String) -> (file: String, commit: String?)? {
        let directory = (path as NSString).deletingLastPathComponent
        let flags = ["-C", directory.isEmpty ? "." : directory]
        guard let prefix = try? git(flags + ["rev-parse", "--show-prefix"]) else { return nil }
        let file = normalised(String(decoding: prefix, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + (path as NSString).lastPathComponent)
        guard let head = try? git(flags + ["rev-parse", "--verify", "HEAD"]),
              let status = try? git(flags + ["status", "--porcelain", "--untracked-files=no"]), status.isEmpty,
              (try? git(flags + ["ls-files", "--error-unmatch", "--", (path as NSString).lastPathComponent])) != nil else { return (file, nil) }
        return (file, String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The top of the git work tree holding the current directory; nil outside one.
    static func topLevel() -> String? {
        (try? git(["rev-parse", "--show-toplevel"])).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    private static func git(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw InputError(description: "cannot run git: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let reason = message.split(separator: "\n").first.map(String.init) ?? "git exited with status \(process.terminationStatus)"
            throw InputError(description: "cannot read '\(arguments.last ?? "")' from git: \(reason)")
        }
        return data
    }
}
