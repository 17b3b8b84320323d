import Foundation
import Glibc

/// Where a dataset's document and the files it refers to (archived sources, observation CSVs) are read from.
public protocol DatasetFiles: Sendable {
    /// The path to show in findings for a file named relative to the dataset document.
    func displayPath(_ relativePath: String) -> String
    /// The whole content of a file named relative to the dataset document.
    func read(_ relativePath: String) throws -> Data
    /// A reader over a file's bytes in chunks, for files too large to hold at once.
    func open(_ relativePath: String) throws -> ByteStream
}

/// Files on disk, relative to the directory of the dataset document, and confined to a root
/// directory: a path that is absolute, leaves the root, or follows a symbolic link out of it is
/// refused, as are directories, pipes, devices and sockets. The path is walked from the root as it is
/// opened (`ConfinedOpen`), so the check and the open are one act.
public struct DiskFiles: DatasetFiles {
    /// The directory files are read from ("" for the current one).
    public let directory: String
    /// The directory as findings name it; by default the same.
    public let displayDirectory: String
    /// The directory every file must resolve inside, symbolic links followed.
    public let root: String

    /// - Parameters:
    ///   - directory: the directory file references are relative to.
    ///   - displayDirectory: the directory as findings name it; by default `directory`.
    ///   - root: by default `DatasetRoot.enclosing(directory)`: the top of the git work tree holding
    ///     `directory`, else `directory` itself.
    public init(directory: String, displayDirectory: String? = nil, root: String? = nil) {
        self.directory = directory
        self.displayDirectory = displayDirectory ?? directory
        self.root = root.map { FilePaths.real($0) ?? FilePaths.absolute($0) } ?? DatasetRoot.enclosing(directory)
    }

    /// The path as findings name it.
    public func displayPath(_ relativePath: String) -> String {
        relativePath.hasPrefix("/") ? relativePath : Self.join(displayDirectory, relativePath)
    }

    /// The file's bytes, read only if its path stays inside the root.
    public func read(_ relativePath: String) throws -> Data {
        let file = FileHandle(fileDescriptor: try openInsideRoot(relativePath), closeOnDealloc: true)
        do {
            return try file.readToEnd() ?? Data()
        } catch {
            throw DatasetFileError.unreadable(path: displayPath(relativePath), reason: "it could not be read")
        }
    }

    /// The file as a stream, opened only if its path stays inside the root.
    public func open(_ relativePath: String) throws -> ByteStream {
        FileByteStream(descriptor: try openInsideRoot(relativePath))
    }

    /// A descriptor of the regular file at `relativePath`, walked from the root without following any
    /// symbolic link that leaves it (`ConfinedOpen`), so that no link swapped in after a check is followed.
    func openInsideRoot(_ relativePath: String) throws -> Int32 {
        let shown = displayPath(relativePath)
        guard !relativePath.hasPrefix("/") else { throw DatasetFileError.outsideRoot(path: shown, root: root) }
        let base = FilePaths.real(directory.isEmpty ? "." : directory) ?? FilePaths.absolute(directory)
        guard FilePaths.isInside(base, root) else { throw DatasetFileError.outsideRoot(path: shown, root: root) }
        let components = base.dropFirst(root == "/" ? 1 : root.count).split(separator: "/") + relativePath.split(separator: "/")
        do {
            return try ConfinedOpen.open(components, below: root)
        } catch .outsideRoot {
            throw DatasetFileError.outsideRoot(path: shown, root: root)
        } catch .notAFile(let kind) {
            throw DatasetFileError.notAFile(path: shown, kind: kind + ", not a file")
        } catch .system(let code) {
            throw DatasetFileError.unreadable(path: shown, reason: String(cString: strerror(code)))
        }
    }

    private static func join(_ directory: String, _ path: String) -> String {
        directory.isEmpty || path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

}

/// Files built into the library: the dataset of record and its archived sources.
public struct EmbeddedFiles: DatasetFiles {
    /// The repository directory that embedded paths are relative to.
    public let directory: String

    /// The built-in files as if they were in `directory`.
    public init(directory: String = "Fixtures") { self.directory = directory }

    /// The path as findings name it.
    public func displayPath(_ relativePath: String) -> String { "\(directory)/\(relativePath)" }

    /// The built-in file's bytes.
    public func read(_ relativePath: String) throws -> Data {
        guard let text = EmbeddedResources.files[displayPath(relativePath)] else {
            throw DatasetFileError.unreadable(path: displayPath(relativePath), reason: "no such file is built in")
        }
        return Data(text.utf8)
    }

    /// The built-in file as a stream.
    public func open(_ relativePath: String) throws -> ByteStream {
        DataByteStream(try read(relativePath))
    }

    /// The text of an embedded file by its repository path, such as `Schemas/bilateral.schema.json`.
    public static func text(_ path: String) -> String? { EmbeddedResources.files[path] }
}
