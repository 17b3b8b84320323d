import Foundation
import Glibc

/// The whole dataset as one canonical JSON document in the dataset format: keys in the format's field
/// order, two-space indentation, raw UTF-8, numbers and dates as written. Observations kept in CSV
/// files are written inline and each source's archived text is carried as `archived_text`, so the
/// document stands alone: it validates from any directory, its quotes checked, and loading it gives
/// the same dataset.
public struct JSONWriter: DatasetWriter {
    /// The name given to `--format`.
    public let format = "json"
    /// One line for `bilateral formats`.
    public let summary = "the whole dataset as one canonical JSON document (Schemas/bilateral.schema.json)"
    /// What the writer produces: one file or a directory.
    public let layout = OutputLayout.file(extension: "json")

    /// The writer, with its defaults.
    public init() {}

    /// Writes the dataset into the staged output.
    public func write(_ input: ValidatedDataset, to output: ExportOutput) throws {
        let observations = try document(input, to: output.file("dataset.json"), observations: true) { count in
            output.progress.rows(count, of: "observations")
        }
        output.summary = "\(Plural.count(input.dataset.identifiedRecordCount, "record")), \(Plural.count(observations, "observation"))"
    }

    /// The canonical JSON document, as `export --format json` writes it, for a program that keeps
    /// datasets in memory; `DatasetValidation.check(_:file:files:)` reads it back.
    public static func data(_ input: ValidatedDataset) throws -> Data {
        let (path, descriptor) = try TemporaryPath.file("bilateral-json")
        defer { unlink(path) }
        let file = OutputFile(path: path, descriptor: descriptor)
        _ = try JSONWriter().document(input, to: file, observations: true)
        try file.close()
        guard let data = FileManager.default.contents(atPath: path) else { throw ExportError.io(path: path, message: "cannot read it back") }
        return data
    }

    /// The canonical JSON document as text.
    public static func text(_ input: ValidatedDataset) throws -> String { String(decoding: try data(input), as: UTF8.self) }

    /// Writes the canonical document to `file`, with or without its observations; returns how many
    /// observations it wrote.
    /// - Parameter compact: on one line, for JSON lines.
    func document(_ input: ValidatedDataset, to file: OutputFile, observations withObservations: Bool, compact: Bool = false,
                  progress: (Int) -> Void = { _ in }) throws -> Int {
        let d = input.dataset
        var json = JSONStream(file: file)
        json.compact = compact
        var observations = 0
        try json.beginObject()
        try json.key("format")
        try json.string(DatasetLoader.formatName)
        try json.key("dataset")
        try object(d.metadata, &json)
        try records(d.sources, &json) { source, json in
            guard let text = try archivedText(of: source, in: input) else { return }
            try json.key("archived_text")
            try json.string(text)
        }
        try records(d.countries, &json)
        try records(d.people, &json)
        try records(d.offices, &json)
        try records(d.organizations, &json)
        try records(d.mechanisms, &json)
        try records(d.events, &json)
        try records(d.agreements, &json)
        try records(d.statements, &json)
        try records(d.series, &json)
        if withObservations, !d.observations.isEmpty || d.series.contains(where: { $0.observationsFile != nil }) {
            try json.key(RecordKind.observation.collection)
            try json.beginArray()
            try self.observations(input, &json) { _ in
                observations += 1
                progress(observations)
            }
            try json.endArray()
        }
        if !d.acknowledgements.isEmpty {
            try json.key(DatasetLoader.acknowledgementsKey)
            try json.beginArray()
            for acknowledgement in d.acknowledgements { try object(acknowledgement, &json) }
            try json.endArray()
        }
        try json.endObject()
        try json.finish()
        return observations
    }

    /// Writes every observation to `file` as one JSON object per line, as the document has them.
    func observationLines(_ input: ValidatedDataset, to file: OutputFile) throws -> Int {
        var json = JSONStream(file: file)
        json.compact = true
        var count = 0
        try observations(input, &json) { json in
            try json.finish()
            count += 1
        }
        return count
    }

    /// The metadata or an acknowledgement: its fields that have values, as an object.
    private func object(_ record: some DeclaredFields, _ json: inout JSONStream) throws {
        try json.beginObject()
        for (key, cell) in record.values where !cell.isEmpty {
            try json.key(key)
            try json.cell(cell)
        }
        try json.endObject()
    }

    /// A source's archived text: the one the document carries, else the content of its archive file.
    private func archivedText(of source: Source, in input: ValidatedDataset) throws -> String? {
        switch ArchivedText.of(source, files: input.files) {
        case nil: return nil
        case .success(let text): return text
        case .failure(.notUTF8): throw ExportError.unwritable("the archived text of source '\(source.id)' is not UTF-8")
        case .failure(.unreadable(let error)): throw ExportError.unwritable("cannot read the archived text of source '\(source.id)': \(error)")
        case .failure(.other(let error)): throw ExportError.unwritable("cannot read the archived text of source '\(source.id)': \(error)")
        }
    }

    private func records<R: TabulatedRecord>(_ records: [R], _ json: inout JSONStream,
                                             extra: (R, inout JSONStream) throws -> Void = { _, _ in }) throws {
        guard !records.isEmpty else { return }
        try json.key(R.kind.collection)
        try json.beginArray()
        let names = R.columns.map(\.name)
        for r in records {
            try object(names: names, cells: r.cells, citations: (r as? any CitingRecord)?.citations ?? [], &json) { try extra(r, &$0) }
        }
        try json.endArray()
    }

    /// Writes each observation `input` has as an object, calling `each` after each one.
    private func observations(_ input: ValidatedDataset, _ json: inout JSONStream, each: (inout JSONStream) throws -> Void) throws {
        let names = Observation.columns.map(\.name)
        var cells: [Cell] = []
        cells.reserveCapacity(names.count)
        try input.forEachObservation { observation in
            cells.removeAll(keepingCapacity: true)
            observation.appendColumnCells(to: &cells)
            try object(names: names, cells: cells, citations: observation.citations, &json)
            try each(&json)
        }
    }

    /// Writes a record as an object: the cells that have values under their column names, then
    /// `extra`, then the sources it cites.
    private func object(names: [String], cells: [Cell], citations: [Citation], _ json: inout JSONStream,
                        extra: (inout JSONStream) throws -> Void = { _ in }) throws {
        try json.beginObject()
        for (name, cell) in zip(names, cells) where !cell.isEmpty {
            try json.key(name)
            try json.cell(cell)
        }
        try extra(&json)
        if !citations.isEmpty {
            try json.key("sources")
            try json.beginArray()
            for citation in citations {
                guard let quote = citation.quote else { try json.string(citation.source); continue }
                try json.beginObject()
                try json.key("source")
                try json.string(citation.source)
                try json.key("quote")
                try json.string(quote)
                try json.endObject()
            }
            try json.endArray()
        }
        try json.endObject()
    }
}
