import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral export`: write the dataset in another format.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a validated dataset as CSV, JSON, an Excel workbook (XLSX) or another registered format.",
            discussion: """
                The dataset is validated first: with errors (or warnings under --strict) its findings are \
                printed and nothing is written. The output replaces PATH only whole: it is written beside \
                PATH and renamed into place, so a failure or an interruption leaves PATH as it was. A \
                directory is replaced only when it holds nothing but files of an earlier export.

                'bilateral formats' lists the formats. The workbook's creation time is the dataset's as-of \
                date, or SOURCE_DATE_EPOCH when set, so the same dataset gives the same bytes.

                A writer plug-in, an executable named bilateral-writer-NAME in a directory named by --plugins or \
                BILATERAL_PLUGINS, or on PATH (never the current directory unless named), is the format NAME: it is given the request on standard input and writes to a staging path; when it \
                fails, runs past --plugin-timeout or writes elsewhere, nothing is written \
                (docs/writer-plugins.md).

                --check writes nothing and tells whether the output at PATH is current, for CI.

                Exit status: 0 exported (or, with --check, current); 1 the dataset is invalid (or, with \
                --check, the output is stale); 2 a usage error or a file that cannot be read or written.
                """
        )

        @Argument(help: "The dataset document, a directory of them (with --output-dir), or - for standard input. Default: the built-in dataset of record.",
                  completion: DatasetInput.completion)
        var dataset: String?

        @OptionGroup var rootOption: RootOption

        @OptionGroup var jobsOption: JobsOption

        @OptionGroup var pluginsOption: PluginsOption

        @Option(help: "The output format (see 'bilateral formats').", completion: .list(WriterRegistry.standard.formats))
        var format: String

        @Option(help: ArgumentHelp("Where to write: a file, a directory for directory formats, or - for standard output.",
                                   valueName: "path"),
                completion: .file())
        var output: String?

        @Option(name: .customLong("output-dir"), help: ArgumentHelp("With a directory of datasets: where to write one export per relationship, named after its dataset file.", valueName: "directory"),
                completion: .directory)
        var outputDirectory: String?

        @Flag(help: "Refuse to export when validation reports warnings.")
        var strict = false

        @Flag(help: "Write nothing; exit 0 when --output already holds exactly what would be written, 1 (naming the stale file) when not.")
        var check = false

        @Flag(name: .shortAndLong, help: "Print nothing on success: no line saying what was written, and no notes.")
        var quiet = false

        @Flag(help: "Start CSV files with a UTF-8 byte-order mark, for spreadsheet programs that need one.")
        var bom = false

        @Flag(help: "CSV: write text that starts with =, +, -, @, a tab or a carriage return unchanged, instead of with a leading apostrophe. (XLSX writes text as text cells, never formulas.)")
        var keepFormulas = false

        @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("How long a writer plug-in may run before it is stopped and nothing is written.",
                                                                       valueName: "seconds"))
        var pluginTimeout = PluginWriter.defaultTimeout

        func validate() throws {
            guard pluginTimeout > 0, pluginTimeout <= 86_400 else { throw ValidationError("--plugin-timeout must be between 0 and 86400 seconds, not \(pluginTimeout)") }
        }

        func run() throws {
            let writer = try Plugins.writer(for: format, timeout: pluginTimeout, directories: pluginsOption.directories)
            var options = ExportOptions(byteOrderMark: bom, neutraliseFormulas: !keepFormulas)
            if let dataset, dataset != "-", !PortfolioRun.isDirectory(dataset), let provenance = GitFiles.provenance(of: dataset) {
                // Recorded in a workbook so that `bilateral import` finds the dataset, and what it was, again.
                options.datasetFile = provenance.file
                options.commit = provenance.commit
            }
            if PortfolioRun.isDirectory(dataset) {
                guard let outputDirectory, output == nil else {
                    throw ValidationError("a directory of datasets needs --output-dir (and no --output): one export is written per relationship")
                }
                let ext = if case .file(let ext) = writer.layout { "." + ext } else { "" }
                try PortfolioRun(directory: dataset!, outputDirectory: outputDirectory, root: rootOption.root, strict: strict, quiet: quiet, jobs: jobsOption.jobs)
                    .run(with: writer, name: { $0 + ext }, options: options, check: check)
                return
            }
            guard let output, outputDirectory == nil else {
                throw ValidationError(outputDirectory == nil ? "--output is required: a file, a directory, or - for standard output"
                                                             : "--output-dir goes with a directory of datasets; for one dataset use --output")
            }
            try ExportRun(dataset: dataset, root: rootOption.root, strict: strict, quiet: quiet).export(with: writer, output: output, options: options, check: check)
        }
    }

    /// `bilateral formats`: the registered export formats.
    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the export formats, a line each: the built-in ones, then writer plug-ins.",
            discussion: "A writer plug-in is an executable named bilateral-writer-NAME in a directory named by --plugins or BILATERAL_PLUGINS (colon-separated absolute paths), or on PATH; the current directory is never searched unless named. It is listed with the summary it gives when run with --describe (docs/writer-plugins.md)."
        )

        @OptionGroup var pluginsOption: PluginsOption

        func run() {
            let plugins = Plugins.all(directories: pluginsOption.directories)
            let writers = WriterRegistry.standard.writers + plugins.writers
            let width = (writers.map(\.format) + plugins.broken.map(\.format)).map(\.count).max() ?? 0
            func name(_ format: String) -> String { format.padding(toLength: width, withPad: " ", startingAt: 0) }
            for writer in writers {
                let shape = if case .file(let ext) = writer.layout { ".\(ext) file" } else { "directory" }
                let origin = (writer as? PluginWriter).map { ", plug-in \($0.executable)" } ?? ""
                print("\(name(writer.format))  \(writer.summary) (\(shape)\(origin))")
            }
            for broken in plugins.broken { print("\(name(broken.format))  cannot be used: \(broken.problem) (plug-in \(broken.executable))") }
        }
    }
}

/// Reading the dataset a command names, standard input (`-`), or the built-in one.
enum DatasetInput {
    /// Shell completion for a dataset argument: files with a dataset document's extensions.
    static let completion = CompletionKind.file(extensions: ["yaml", "yml", "json"])

    /// How findings name a dataset read from standard input.
    static let standardInputName = "<stdin>"

    /// - Parameters:
    ///   - root: the directory file references must stay inside (`--root`); nil for the default.
    ///   - observationFiles: false to leave the observation files to an export.
    ///   - documents: record documents already composed by another dataset of the same portfolio.
    ///   - rules: false to only load the dataset (`DatasetValidation.check(path:rules:)`).
    ///   - mapsDocument: true to map the document for the edit engine as it loads (an import).
    static func check(_ path: String?, root: String? = nil, observationFiles: Bool = true,
                      documents: ComposedDocuments? = nil, rules: Bool = true, mapsDocument: Bool = false) throws -> CheckedDataset {
        guard let path else { return DatasetValidation.checkEmbedded(observationFiles: observationFiles) }
        do {
            guard path != "-" else {
                // File references resolve against the current directory.
                let data = FileHandle.standardInput.readDataToEndOfFile()
                return DatasetValidation.check(data, file: standardInputName, files: DiskFiles(directory: "", root: root),
                                               observationFiles: observationFiles, rules: rules, mapsDocument: mapsDocument)
            }
            return try DatasetValidation.check(path: path, root: root, observationFiles: observationFiles, documents: documents, rules: rules,
                                               mapsDocument: mapsDocument)
        } catch let error as DatasetFileError {
            throw InputError(description: error.description)
        }
    }
}

/// `--root`, shared by every command that reads datasets.
struct RootOption: ParsableArguments {
    @Option(help: ArgumentHelp("The directory that files a dataset refers to (archive, observations_file) must stay inside. Default: the top of the git work tree holding the dataset, else the dataset's directory.",
                               valueName: "directory"),
            completion: .directory)
    var root: String?

    func validate() throws {
        guard let root else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root '\(root)' is not a directory")
        }
    }
}
