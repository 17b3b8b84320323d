import Foundation
import Glibc

/// An export format written by another program: an executable named `bilateral-writer-NAME`, in any
/// language, that speaks the writer plug-in protocol (`docs/writer-plugins.md`).
///
/// Asked with `--describe`, the program answers what it writes. To export, it is run with no arguments
/// and given the request on standard input: one line of JSON saying the protocol version, the options
/// and the staging path it must write to; one line holding the canonical JSON document of the dataset
/// without its observations; then one line per observation. Its standard output and standard error
/// are shown on standard error; its exit status decides. Its output is staged and put in place whole,
/// as for built-in writers: a plug-in that fails, is killed, runs past its timeout or changes the
/// destination or its working directory leaves the destination as it was.
public struct PluginWriter: DatasetWriter {
    /// The format name: NAME in `bilateral-writer-NAME`.
    public let format: String
    /// What the plug-in says it writes, for `bilateral formats`.
    public let summary: String
    /// One file or a directory, as the plug-in says.
    public let layout: OutputLayout
    /// The program's path.
    public let executable: String
    /// How long an export may run, in seconds, before the program is stopped.
    public var timeout: Double

    /// The version of the protocol this build speaks.
    public static let protocolVersion = 1
    /// Every plug-in's file name starts with this; the rest is its format name.
    public static let prefix = "bilateral-writer-"
    /// The default of `--plugin-timeout`, in seconds.
    public static let defaultTimeout = 600.0
    /// How long `--describe` may take, in seconds.
    static let describeTimeout = 10.0

    // MARK: Finding plug-ins

    /// The environment variable naming more plug-in directories, separated by colons.
    public static let directoriesVariable = "BILATERAL_PLUGINS"

    /// The directories searched, in order: those the user names (`--plugins`), those in
    /// `BILATERAL_PLUGINS`, then `PATH`. Only absolute entries of the two variables count, and never
    /// the current directory implicitly: a freshly cloned repository cannot make `bilateral` run its
    /// code by holding an executable with a plug-in's name.
    public static func searchPath(named: [String] = [],
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        func absoluteEntries(_ variable: String) -> [String] {
            (environment[variable] ?? "").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        }
        return named + absoluteEntries(directoriesVariable) + absoluteEntries("PATH")
    }

    /// The executables named `bilateral-writer-NAME` in `directories`, by format name; the first of a
    /// name wins.
    public static func executables(in directories: [String]) -> [(format: String, path: String)] {
        var found: [(String, String)] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasPrefix(prefix) {
                let format = String(name.dropFirst(prefix.count))
                guard isFormatName(format), !found.contains(where: { $0.0 == format }) else { continue }
                let folder = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
                let path = folder + "/" + name
                guard FileManager.default.isExecutableFile(atPath: path) else { continue }
                found.append((format, path))
            }
        }
        return found
    }

    /// A format name a plug-in may have: lower-case letters, digits and inner hyphens.
    static func isFormatName(_ name: String) -> Bool {
        guard let first = name.utf8.first, let last = name.utf8.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        return name.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// The plug-in at `executable`, as it describes itself when run with `--describe`.
    /// - Throws: `PluginError` when it does not answer in time, fails, or answers something else than
    ///   a description this build understands.
    public static func describe(_ executable: String, format: String) throws -> PluginWriter {
        let run = PluginProcess.run(executable, arguments: ["--describe"], timeout: describeTimeout, captureOutput: true)
        guard run.outcome == .exited(0) else { throw PluginError(format: format, executable: executable, problem: "--describe " + run.outcome.description) }
        guard let object = try? JSONSerialization.jsonObject(with: run.output) as? [String: Any] else {
            throw PluginError(format: format, executable: executable, problem: "--describe did not print a JSON object")
        }
        guard let version = object["protocol"] as? Int else {
            throw PluginError(format: format, executable: executable, problem: "--describe gave no protocol version")
        }
        guard version == protocolVersion else {
            throw PluginError(format: format, executable: executable, problem: "it speaks protocol \(version); this bilateral speaks \(protocolVersion)")
        }
        guard let summary = object["summary"] as? String, !summary.isEmpty, summary.count <= 200 else {
            throw PluginError(format: format, executable: executable, problem: "--describe gave no summary of at most 200 characters")
        }
        let layout: OutputLayout
        switch object["layout"] as? String {
        case "directory": layout = .directory
        case "file":
            guard let ext = object["extension"] as? String, (1...16).contains(ext.count),
                  ext.utf8.allSatisfy({ $0 < 0x80 && (Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber) }) else {
                throw PluginError(format: format, executable: executable, problem: "--describe gave a one-file layout without a plain file extension")
            }
            layout = .file(extension: ext)
        default:
            throw PluginError(format: format, executable: executable, problem: "--describe gave a layout that is neither \"file\" nor \"directory\"")
        }
        return PluginWriter(format: format, summary: VisibleText.escaped(summary), layout: layout, executable: executable, timeout: defaultTimeout)
    }

    /// A plug-in writer; usually made by `describe(_:format:)`.
    public init(format: String, summary: String, layout: OutputLayout, executable: String, timeout: Double = PluginWriter.defaultTimeout) {
        self.format = format
        self.summary = summary
        self.layout = layout
        self.executable = executable
        self.timeout = timeout
    }

    // MARK: Writing

    /// Writes the dataset into the staged output.
    public func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
        var staging: String
        if case .file(let ext) = layout { staging = try output.path("output.\(ext)") } else { staging = output.stagingDirectory ?? "" }
        // The plug-in runs in a directory of its own.
        if !staging.hasPrefix("/") { staging = URL(fileURLWithPath: staging).standardizedFileURL.path }
        let watch = try DestinationWatch(output.destination)
        // An empty directory to run in, so that files the plug-in leaves there are seen.
        let workingDirectory = try TemporaryPath.directory("bilateral-plugin")
        defer { try? FileManager.default.removeItem(atPath: workingDirectory) }

        let header = JSONValue.object([
            ("protocol", .integer(Self.protocolVersion)),
            ("format", .string(format)),
            ("output", .object([("layout", .string(layout == .directory ? "directory" : "file")), ("path", .string(staging))])),
            ("options", .object([("byte_order_mark", .bool(output.options.byteOrderMark)),
                                 ("neutralise_formulas", .bool(output.options.neutraliseFormulas))])),
        ])
        let run = PluginProcess.run(executable, arguments: [], timeout: timeout, workingDirectory: workingDirectory) { input in
            try input.write(header.compactText + "\n")
            _ = try JSONWriter().document(dataset, to: input, observations: false, compact: true)
            _ = try JSONWriter().observationLines(dataset, to: input)
        }
        if layout == .directory { try output.adoptStagedFiles() }
        let changed = watch.restoreIfChanged()
        let strays = (try? FileManager.default.contentsOfDirectory(atPath: workingDirectory)) ?? []
        func fail(_ problem: String) -> PluginError { PluginError(format: format, executable: executable, problem: problem + "; nothing was written") }
        if run.outcome == .timedOut { throw fail("it did not finish within \(Plural.count(Int(timeout.rounded(.up)), "second")) (--plugin-timeout) and was stopped") }
        guard run.outcome == .exited(0) else { throw fail(run.outcome.description) }
        if let changed { throw fail("it wrote outside its staging path: it changed \(changed), which is restored") }
        guard strays.isEmpty else {
            throw fail("it wrote outside its staging path: it left \(strays.sorted().prefix(3).joined(separator: ", ")) in its working directory")
        }
        if let written = run.inputError { output.notes.append("the plug-in stopped reading its request early (\(written))") }
        output.summary = "written by the \(format) plug-in"
    }
}

/// Why a plug-in could not be used or failed.
public struct PluginError: Error, CustomStringConvertible, Equatable {
    /// The format name: NAME in `bilateral-writer-NAME`.
    public let format: String
    /// The plug-in program's path.
    public let executable: String
    /// What went wrong.
    public let problem: String

    /// The problem `problem` of the plug-in of `format` at `executable`.
    public init(format: String, executable: String, problem: String) {
        self.format = format
        self.executable = executable
        self.problem = problem
    }

    /// The message, as `bilateral` prints it.
    public var description: String { "the \(format) plug-in (\(executable)): \(problem)" }
}
