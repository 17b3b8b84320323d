import ArgumentParser
import Bilateral

/// The writer plug-ins the command line can use: executables named `bilateral-writer-NAME` in the
/// directories named by `--plugins` or `BILATERAL_PLUGINS`, or on `PATH`, each asked to describe itself.
enum Plugins {
    /// Every plug-in found: those that describe themselves, and those that cannot be used, with why.
    static func all(directories: [String]) -> (writers: [PluginWriter], broken: [PluginError]) {
        var writers: [PluginWriter] = []
        var broken: [PluginError] = []
        for (format, path) in PluginWriter.executables(in: PluginWriter.searchPath(named: directories))
        where WriterRegistry.standard.writer(for: format) == nil {
            do { writers.append(try PluginWriter.describe(path, format: format)) } catch let error as PluginError {
                broken.append(error)
            } catch {
                broken.append(PluginError(format: format, executable: path, problem: "\(error)"))
            }
        }
        return (writers, broken)
    }

    /// The writer of `format`: a built-in one, else the plug-in of that name.
    static func writer(for format: String, timeout: Double, directories: [String]) throws -> any DatasetWriter {
        if let writer = WriterRegistry.standard.writer(for: format) { return writer }
        let found = PluginWriter.executables(in: PluginWriter.searchPath(named: directories))
        guard let plugin = found.first(where: { $0.format == format }) else {
            let known = WriterRegistry.standard.formats + found.map(\.format)
            throw InputError(description: ExportError.unknownFormat(format, known: known).description)
        }
        do {
            var writer = try PluginWriter.describe(plugin.path, format: format)
            writer.timeout = timeout
            return writer
        } catch let error as PluginError {
            throw InputError(description: error.description)
        }
    }
}

/// `--plugins DIR`, shared by the commands that find writer plug-ins.
struct PluginsOption: ParsableArguments {
    @Option(name: .customLong("plugins"),
            help: ArgumentHelp("A directory of writer plug-ins (bilateral-writer-NAME) to search before BILATERAL_PLUGINS and PATH; repeatable. The current directory is never searched unless named.",
                               valueName: "directory"),
            completion: .directory)
    var directories: [String] = []

    func validate() throws {
        for directory in directories where !PortfolioRun.isDirectory(directory) {
            throw ValidationError("--plugins '\(directory)' is not a directory")
        }
    }
}
