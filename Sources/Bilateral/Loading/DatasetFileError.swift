/// Why a file that a dataset refers to was not read. Messages name the file, never its content.
public enum DatasetFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path is absolute, leaves the root, or is a symbolic link that points out of it; the file was not opened.
    case outsideRoot(path: String, root: String)
    /// The path names a directory, a pipe, a device or a socket, which are never read; `kind` says
    /// which ("a directory, not a file") and may add what to do.
    case notAFile(path: String, kind: String)
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)

    /// The message, as `bilateral` prints it.
    public var description: String {
        switch self {
        case .outsideRoot(let path, _): "'\(path)' is outside the dataset's root"
        case .notAFile(let path, let kind): "'\(path)' is \(kind)"
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        }
    }

    /// The finding for a file reference written at `location` that could not be used; `what` names
    /// the field's role ("archived text", "observations file").
    func finding(_ what: String, at location: SourceLocation) -> Finding {
        switch self {
        case .outsideRoot:
            Finding(.pathOutsideRoot, at: location, "\(what) \(description)",
                    hint: "the root is the top of the dataset's git work tree, else its directory; name a file inside it by a path relative to the dataset file, or choose the root with --root DIR")
        case .notAFile:
            Finding(.missingFile, at: location, "\(what) \(description)", hint: "the path is relative to the dataset file")
        case .unreadable(let path, let reason):
            Finding(.missingFile, at: location, "cannot read \(what) '\(path)': \(reason)", hint: "the path is relative to the dataset file")
        }
    }
}
