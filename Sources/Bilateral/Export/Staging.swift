import Glibc

/// A staging file or directory beside a destination, and how it takes the destination's place.
///
/// A live export holds an exclusive `flock` on its staging entry until it ends; the kernel drops the
/// lock when the process dies, even by `kill -9`. So the next export to the same destination can tell
/// a staging entry left by a process that has gone (unlocked: removed) from one of an export under way
/// (locked: this export fails with a clear message rather than mix with it). Looking and claiming,
/// and the final renames, happen under a lock on the destination's directory, so two exports starting
/// at once cannot both miss each other.
struct Staging {
    let destination: String
    let staged: String
    let layout: OutputLayout
    /// The form in which a directory format's files go beside the destination, or nil.
    let fileForm: FileForm?
    /// The open staging entry whose `flock` marks this export as live.
    private let lock: Int32

    var place: ExportOutput.Place { layout == .directory ? .directory(staged) : .file(staged) }

    init(for destination: String, layout: OutputLayout, fileForm: FileForm? = nil) throws {
        var destination = destination
        while destination.count > 1, destination.hasSuffix("/") { destination.removeLast() }
        self.destination = destination
        self.layout = layout
        self.fileForm = fileForm
        let parent = Self.parent(of: destination)
        var status = stat()
        guard stat(parent, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw ExportError.badDestination(path: destination, reason: "its directory '\(parent)' does not exist")
        }
        if stat(destination, &status) == 0 {
            let isDirectory = status.st_mode & S_IFMT == S_IFDIR
            if layout == .directory, fileForm == nil, !isDirectory {
                throw ExportError.badDestination(path: destination, reason: "it is a file, and this format writes a directory")
            }
            if layout != .directory || fileForm != nil, isDirectory {
                throw ExportError.badDestination(path: destination, reason: "it is a directory; name the file to write")
            }
        }
        let name = String(destination.split(separator: "/").last ?? "export")
        let prefix = ".\(name).bilateral-"
        let directoryLock = Self.lockDirectory(parent)
        defer { Self.unlockDirectory(directoryLock) }
        try Self.removeAbandoned(in: parent, prefix: prefix, destination: destination)
        (lock, staged) = try Self.create(in: parent, prefix: prefix, directory: layout == .directory)
    }

    /// Creates the staging entry under a fresh random name and opens it, locked. The name is registered
    /// for removal on interruption *before* the entry exists, so no signal, on whatever thread it
    /// lands, can find an entry that is not yet registered.
    private static func create(in parent: String, prefix: String, directory: Bool) throws -> (Int32, String) {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let path = parent + "/" + prefix + String((0..<6).map { _ in letters.randomElement(using: &generator)! })
            InterruptCleanup.register(path)
            let descriptor = directory
                ? (mkdir(path, 0o700) == 0 ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1)
                : open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                flock(descriptor, LOCK_EX | LOCK_NB)
                return (descriptor, path)
            }
            let failure = errno
            InterruptCleanup.forget(path)
            guard failure == EEXIST else { throw ExportError.io(path: parent, message: String(cString: strerror(failure))) }
        }
        throw ExportError.io(path: parent, message: "no free staging name after 100 tries")
    }

    /// Ends this export's claim on the destination (after it committed or removed its output).
    func release() { close(lock) }

    /// Removes the staging entries of earlier exports to the destination whose process has gone;
    /// throws when one belongs to an export still under way.
    private static func removeAbandoned(in parent: String, prefix: String, destination: String) throws {
        for entry in entries(of: parent) ?? [] where entry.hasPrefix(prefix) {
            let isDirectory = entry.hasSuffix("/")
            let path = parent + "/" + (isDirectory ? String(entry.dropLast()) : entry)
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | (isDirectory ? O_DIRECTORY : 0))
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                throw ExportError.badDestination(
                    path: destination, reason: "another export to it is under way (its staging entry '\(path)' is in use); try again when it has finished")
            }
            if isDirectory { removeDirectory(path, files: entries(of: path) ?? []) } else { unlink(path) }
        }
    }

    /// An exclusive lock on a directory, held while exports to it look for and claim staging names and
    /// rename their output into place; -1 when the directory cannot be opened (nothing is then locked).
    private static func lockDirectory(_ directory: String) -> Int32 {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 { while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {} }
        return descriptor
    }

    private static func unlockDirectory(_ descriptor: Int32) {
        if descriptor >= 0 { close(descriptor) }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Gives the staged output the permissions a new file would have, and moves it into place.
    func commit(files: [String]) throws {
        let directoryLock = Self.lockDirectory(Self.parent(of: destination))
        defer { Self.unlockDirectory(directoryLock) }
        let mask = umask(0)
        umask(mask)
        chmod(staged, (layout == .directory ? 0o777 : 0o666) & ~mask)
        if let fileForm {
            try placeBeside(files: files, form: fileForm, mask: mask)
        } else if layout == .directory {
            try replaceDirectory(files: files)
        } else if rename(staged, destination) != 0 {
            throw ExportError.io(path: destination, message: String(cString: strerror(errno)))
        }
    }

    /// Moves each staged file to its place beside the destination (the main file last, so that the
    /// destination appears only with its companions in place), then removes the staging directory.
    private func placeBeside(files: [String], form: FileForm, mask: mode_t) throws {
        for target in files.map({ form.path(of: $0, destination: destination) }) {
            var status = stat()
            if lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                throw ExportError.badDestination(path: target, reason: "it is a directory; name the file to write")
            }
        }
        for file in files.filter({ $0 != form.mainFile }) + files.filter({ $0 == form.mainFile }) {
            let source = staged + "/" + file, target = form.path(of: file, destination: destination)
            chmod(source, 0o666 & ~mask)
            guard rename(source, target) == 0 else { throw ExportError.io(path: target, message: String(cString: strerror(errno))) }
        }
        rmdir(staged)
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

    /// Removes a directory of plain files (a subdirectory, named with a trailing slash, is left, and so is the directory).
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
            // Read the name where it is: a directory entry may end before `d_name`'s declared 256 bytes,
            // so copying the field would read past it (AddressSanitizer found this).
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
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
