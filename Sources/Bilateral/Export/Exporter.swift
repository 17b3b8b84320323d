import Glibc

/// Runs a writer and puts its output in place whole: the writer writes into a staging file or
/// directory created beside the destination, which replaces the destination by a rename only when the
/// writer has finished. A failure or an interruption leaves the destination as it was.
public struct Exporter: Sendable {
    /// Where an export goes.
    public enum Destination: Hashable, Sendable {
        case path(String)
        /// Standard output, for one-file formats.
        case standardOutput
    }

    /// The writers this exporter can use.
    public var registry: WriterRegistry

    /// An exporter using the writers of `registry`.
    public init(registry: WriterRegistry = .standard) { self.registry = registry }

    /// What an export wrote, for the user.
    public struct Result: Sendable {
        /// The writer's sentences about what it did.
        public var notes: [String]
        /// What the output holds, in a few words ("19 sheets, 412 rows, 5 charts"); nil when the writer says nothing.
        public var summary: String?
    }

    /// Exports `dataset` in `format` to `destination`; returns the writer's notes and summary.
    @discardableResult
    public func export(_ dataset: ValidatedDataset, format: String, to destination: Destination,
                       options: ExportOptions = ExportOptions(), progress: ExportProgress = .silent) throws -> Result {
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
            return Result(notes: output.notes, summary: output.summary)
        }
        let form = writer.layout == .directory ? writer.fileForm.flatMap { $0.matches(path) ? $0 : nil } : nil
        let staging = try Staging(for: path, layout: writer.layout, fileForm: form)
        defer {
            InterruptCleanup.forget(within: staging.staged)
            staging.release()
        }
        let output = ExportOutput(place: staging.place, destination: path, options: options, progress: progress)
        output.fileFormName = form.map { _ in FileForm.stem(of: path) }
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
        return Result(notes: output.notes, summary: output.summary)
    }

    /// Throws when the observation files the export checked (or checks now) have an error.
    private static func requireValidObservationFiles(_ dataset: ValidatedDataset) throws {
        let report = try dataset.observationFileFindings()
        guard report.passes(strict: false) else { throw ExportError.invalidObservations(report) }
    }
}
