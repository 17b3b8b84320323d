import Glibc

/// Where a writer puts its files during an export: a staging file or directory beside the destination
/// (or standard output), which the exporter moves into place only when the writer has finished.
public final class ExportOutput {
    /// The choices of this export that apply to every writer.
    public let options: ExportOptions
    /// Where the writer reports its progress.
    public let progress: ExportProgress
    /// Sentences for the user about what the export did ("neutralised 3 formula-like cells").
    public var notes: [String] = []
    /// What the output holds, in a few words ("19 sheets, 412 rows, 5 charts"), for the line that
    /// says what was written.
    public var summary: String?

    /// When a directory format is written in its file form (`FileForm`), the destination's name
    /// without its extension ("relations"); nil otherwise.
    public internal(set) var fileFormName: String?

    enum Place {
        case file(String)
        case directory(String)
        case standardOutput
    }
    let place: Place
    /// Where the output goes when the export succeeds; nil for standard output.
    let destination: String?
    private(set) var opened: [OutputFile] = []

    init(place: Place, destination: String? = nil, options: ExportOptions, progress: ExportProgress) {
        self.place = place
        self.destination = destination
        self.options = options
        self.progress = progress
    }

    /// A new file of the output: for a one-file format the output itself (`name` is ignored); for a
    /// directory format the file `name` inside the directory.
    public func file(_ name: String) throws -> OutputFile {
        let file: OutputFile
        switch place {
        case .standardOutput:
            file = OutputFile(path: "standard output", descriptor: STDOUT_FILENO, closesDescriptor: false)
        case .file(let path):
            guard opened.isEmpty else { throw ExportError.unwritable("a one-file format opened a second file '\(name)'") }
            file = try Self.create(path, existing: true)
        case .directory(let directory):
            guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."),
                  !opened.contains(where: { $0.path.hasSuffix("/" + name) }) else {
                throw ExportError.unwritable("a writer asked for an unusable file name '\(name)'")
            }
            let path = directory + "/" + name
            // Registered first, so that an interruption while it is being created still removes it.
            InterruptCleanup.register(path)
            do { file = try Self.create(path) } catch { InterruptCleanup.forget(path); throw error }
        }
        opened.append(file)
        return file
    }

    /// The path of a new, empty file of the output, for a writer whose library opens and writes the
    /// file itself (libxlsxwriter). Standard output gets a temporary file that is copied to it when
    /// the export succeeds; a terminal is refused, as the file is binary.
    public func path(_ name: String) throws -> String {
        guard case .standardOutput = place else {
            let file = try file(name)
            try file.close()
            return file.path
        }
        try refuseTerminal(name)
        guard spool == nil else { throw ExportError.unwritable("a one-file format asked for a second file '\(name)'") }
        // An unnamed file: even `kill -9` leaves nothing behind in the temporary directory.
        let file = try TemporaryPath.unnamedFile("bilateral-export")
        if file.named { InterruptCleanup.register(file.path) }
        spool = file
        return file.path
    }

    /// A new file of the output for bytes that are not text (`name` as for `file`): refused when it
    /// would go to a terminal.
    public func binaryFile(_ name: String) throws -> OutputFile {
        try refuseTerminal(name)
        return try file(name)
    }

    /// Refuses to send the binary file `name` to standard output when that is a terminal.
    private func refuseTerminal(_ name: String) throws {
        guard case .standardOutput = place, isatty(STDOUT_FILENO) != 0 else { return }
        throw ExportError.badDestination(path: "-", reason: "'\(name)' is binary; redirect standard output to a file or use --output PATH")
    }

    /// A temporary file standing in for standard output, open until the export ends.
    private var spool: (path: String, descriptor: Int32, named: Bool)?

    /// Opens a new file of the output; `existing` for the staging file that `Staging` created (and locks) itself.
    private static func create(_ path: String, existing: Bool = false) throws -> OutputFile {
        let flags = existing ? O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC : O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        let descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { throw ExportError.io(path: path, message: String(cString: strerror(errno))) }
        return OutputFile(path: path, descriptor: descriptor)
    }

    func closeAll() throws {
        for file in opened { try file.close() }
        if let spool {
            defer { discardSpool() }
            try Self.copy(spool.path, to: OutputFile(path: "standard output", descriptor: STDOUT_FILENO, closesDescriptor: false))
        }
    }

    func discardAll() {
        for file in opened { file.discard() }
        discardSpool()
    }

    private func discardSpool() {
        guard let spool else { return }
        if spool.named {
            unlink(spool.path)
            InterruptCleanup.forget(spool.path)
        }
        Glibc.close(spool.descriptor)
        self.spool = nil
    }

    private static func copy(_ path: String, to output: OutputFile) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExportError.io(path: path, message: String(cString: strerror(errno))) }
        defer { Glibc.close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ExportError.io(path: path, message: String(cString: strerror(errno))) }
            if count == 0 { break }
            try output.write(chunk[0..<count])
        }
        try output.close()
    }

    /// The names of the files written into a directory output.
    var fileNames: [String] { opened.map { String($0.path.split(separator: "/").last ?? "") } + adopted }

    /// Files another program wrote into the staging directory, taken as the output's own.
    private var adopted: [String] = []

    /// The staging directory of a directory output, for a program that writes its files itself.
    var stagingDirectory: String? {
        if case .directory(let directory) = place { return directory }
        return nil
    }

    /// Takes every entry another program left in the staging directory as a file of the output, so that
    /// it is committed, or removed on failure, with the rest.
    /// - Throws: when an entry is not a plain file (a subdirectory or a link).
    func adoptStagedFiles() throws {
        guard let directory = stagingDirectory else { return }
        let names = Staging.entries(of: directory) ?? []
        var plain: [String] = []
        var other: [String] = []
        for name in names where !fileNames.contains(name) {
            var info = stat()
            if !name.hasSuffix("/"), lstat(directory + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG { plain.append(name) } else { other.append(name) }
        }
        adopted += plain
        guard other.isEmpty else {
            throw ExportError.unwritable("the output holds entries that are not plain files (\(other.sorted().prefix(3).joined(separator: ", "))); a directory format writes plain files only")
        }
    }
}
