import Bilateral

/// The writer plug-ins the command line can use: executables named `bilateral-writer-NAME` in
/// `./writers/` or on `PATH`, each asked to describe itself.
enum Plugins {
    /// Every plug-in found: those that describe themselves, and those that cannot be used, with why.
    static func all() -> (writers: [PluginWriter], broken: [PluginError]) {
        var writers: [PluginWriter] = []
        var broken: [PluginError] = []
        for (format, path) in PluginWriter.executables(in: PluginWriter.searchPath())
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
    static func writer(for format: String, timeout: Double) throws -> any DatasetWriter {
        if let writer = WriterRegistry.standard.writer(for: format) { return writer }
        let found = PluginWriter.executables(in: PluginWriter.searchPath())
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
