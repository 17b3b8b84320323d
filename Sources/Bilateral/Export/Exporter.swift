import Glibc

/// Runs a writer and puts its output in place whole: the writer writes into a staging file or
/// directory created beside the destination, which replaces the destination by a rename only when the
/// writer has finished. A failure or an interruption leaves the destination as it was.
public struct Exporter: Sendable {
    public enum Destination: Hashable, Sendable {
        case path(String)
        /// Standard output, for one-file formats.
        case standardOutput
    }

    public var registry: WriterRegistry

    public init(registry: WriterRegistry = .standard) { self.registry = registry }

    /// Exports `dataset` in `format` to `destination`; returns the writer's notes for the user.
    @discardableResult
    public func export(_ dataset: ValidatedDataset, format: String, to destination: Destination,
                       options: ExportOptions = ExportOptions(), progress: ExportProgress = ExportProgress(enabled: false)) throws -> [String] {
        guard let writer = registry.writer(for: format) else { throw ExportError.unknownFormat(format, known: registry.formats) }
        defer { progress.finish() }
        guard case .path(let path) = destination else {
            guard case .file = writer.layout else {
                throw ExportError.badDestination(path: "-", reason: "the \(format) format writes a directory, not one stream")
            }
            // What reaches standard output cannot be taken back: check the files before writing.
            try Self.requireValidObservationFiles(dataset)
            let output = ExportOutput(place: .standardOutput, options: options, progress: progress)
            try writer.write(dataset, to: output)
            try output.closeAll()
            return output.notes
        }
        let staging = try Staging(for: path, layout: writer.layout)
        defer { InterruptCleanup.clear() }
        let output = ExportOutput(place: staging.place, options: options, progress: progress)
        do {
            try writer.write(dataset, to: output)
            try output.closeAll()
            try Self.requireValidObservationFiles(dataset)
            try staging.commit(files: output.fileNames)
        } catch {
            output.discardAll()
            staging.remove(files: output.fileNames)
            throw error
        }
        return output.notes
    }

    /// Throws when the observation files the export checked (or checks now) have an error.
    private static func requireValidObservationFiles(_ dataset: ValidatedDataset) throws {
        let report = try dataset.observationFileFindings()
        guard report.passes(strict: false) else { throw ExportError.invalidObservations(report) }
    }
}

/// A staging file or directory beside a destination, and how it takes the destination's place.
struct Staging {
    let destination: String
    let staged: String
    let layout: OutputLayout

    var place: ExportOutput.Place { layout == .directory ? .directory(staged) : .file(staged) }

    init(for destination: String, layout: OutputLayout) throws {
        var destination = destination
        while destination.count > 1, destination.hasSuffix("/") { destination.removeLast() }
        self.destination = destination
        self.layout = layout
        let parent = Self.parent(of: destination)
        var status = stat()
        guard stat(parent, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw ExportError.badDestination(path: destination, reason: "its directory '\(parent)' does not exist")
        }
        if stat(destination, &status) == 0 {
            let isDirectory = status.st_mode & S_IFMT == S_IFDIR
            if layout == .directory, !isDirectory {
                throw ExportError.badDestination(path: destination, reason: "it is a file, and this format writes a directory")
            }
            if layout != .directory, isDirectory {
                throw ExportError.badDestination(path: destination, reason: "it is a directory; name the file to write")
            }
        }
        let name = String(destination.split(separator: "/").last ?? "export")
        var template = Array("\(parent)/.\(name).bilateral-XXXXXX".utf8CString)
        let made: Bool = template.withUnsafeMutableBufferPointer { buffer in
            if layout == .directory { return mkdtemp(buffer.baseAddress!) != nil }
            let descriptor = mkstemp(buffer.baseAddress!)
            guard descriptor >= 0 else { return false }
            close(descriptor)
            unlink(buffer.baseAddress!)  // recreated exclusively by ExportOutput; only the unique name is wanted
            return true
        }
        guard made else { throw ExportError.io(path: parent, message: String(cString: strerror(errno))) }
        staged = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        InterruptCleanup.register(staged)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Gives the staged output the permissions a new file would have, and moves it into place.
    func commit(files: [String]) throws {
        let mask = umask(0)
        umask(mask)
        chmod(staged, (layout == .directory ? 0o777 : 0o666) & ~mask)
        if layout == .directory {
            try replaceDirectory(files: files)
        } else if rename(staged, destination) != 0 {
            throw ExportError.io(path: destination, message: String(cString: strerror(errno)))
        }
    }

    /// Swaps the staged directory with an existing one, then removes the old one; refuses to replace
    /// a directory that holds anything this export did not write.
    private func replaceDirectory(files: [String]) throws {
        guard let existing = Self.entries(of: destination) else {
            guard rename(staged, destination) == 0 else {
                throw ExportError.io(path: destination, message: String(cString: strerror(errno)))
            }
            return
        }
        let foreign = existing.filter { !files.contains($0) }
        guard foreign.isEmpty else {
            throw ExportError.badDestination(
                path: destination, reason: "the directory holds files this export does not write (\(foreign.sorted().prefix(3).joined(separator: ", "))); choose an empty or new directory")
        }
        if Self.exchange(staged, destination) {
            Self.removeDirectory(staged, files: existing)
            return
        }
        // No atomic exchange on this file system: move the old directory aside, then the new one in.
        let aside = staged + ".old"
        guard rename(destination, aside) == 0 else { throw ExportError.io(path: destination, message: String(cString: strerror(errno))) }
        guard rename(staged, destination) == 0 else {
            let message = String(cString: strerror(errno))
            rename(aside, destination)
            throw ExportError.io(path: destination, message: message)
        }
        Self.removeDirectory(aside, files: existing)
    }

    /// Removes the staged output.
    func remove(files: [String]) {
        if layout == .directory { Self.removeDirectory(staged, files: files) } else { unlink(staged) }
    }

    /// Removes a directory of plain files.
    private static func removeDirectory(_ directory: String, files: [String]) {
        for file in files { unlink(directory + "/" + file) }
        rmdir(directory)
    }

    /// The names in a directory, or nil when there is none; subdirectories are named with a trailing slash.
    static func entries(of directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            names.append(entry.pointee.d_type == UInt8(DT_DIR) ? name + "/" : name)
        }
        return names
    }

    /// `renameat2(RENAME_EXCHANGE)`, looked up at run time: the C library declares it only for GNU sources.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
    }
}
