import Foundation

/// The edits an import makes, gathered by the document they land in and made through the edit
/// engine: a YAML editor for the dataset document and each record document, a CSV editor for each
/// observations file. Each row's cells become the values the loader reads back.
struct DocumentEdits {
    let current: ValidatedDataset
    let currentFile: String
    /// Documents held in memory, by the name findings give them; others are read from disk.
    let documents: [String: Data]
    private var yaml: [String: YAMLDocumentEditor] = [:]
    private var csv: [String: CSVDocumentEditor] = [:]
    private(set) var findings: [ImportFinding] = []
    /// Where each edit came from (a workbook cell) by the YAML place it lands on, for locating findings.
    private var placesByLine: [String: [(line: Int, place: String)]] = [:]
    private var count = 0
    /// The tables whose records the edits change.
    private(set) var changedTables: Set<String> = []

    /// The dataset document's editor, since most edits land in it: on the map its loading made, or else
    /// mapping the document on a thread of its own while the rows are merged.
    private let datasetEditor: Pending<Result<YAMLDocumentEditor, EditError>>

    init(current: ValidatedDataset, currentFile: String, documents: [String: Data] = [:]) {
        self.current = current
        self.currentFile = currentFile
        self.documents = documents
        if let map = current.documentMap {
            datasetEditor = Pending(known: .success(YAMLDocumentEditor(file: currentFile, map: map)))
        } else {
            datasetEditor = Pending { Result { () throws(EditError) in try Self.yamlEditor(currentFile, documents: documents) } }
        }
    }

    var isEmpty: Bool { count == 0 }

    // MARK: Rows to edits

    /// Changes the cells `changed` of the row `texts` (as the dataset has it), whose record starts at `origin`.
    mutating func change(_ changed: [(column: Int, text: String)], of texts: [String], table: Table, origin: SourceLocation, places: [String]) {
        count += 1
        changedTables.insert(table.name)
        note(origin, places.first ?? "")
        if CSVDocumentEditor.edits(origin.file) {
            return attempt(places.first) { edits throws(EditError) in
                var editor = try edits.csvEditor(origin.file)
                for (column, text) in changed {
                    try editor.set(Self.field(of: table.columns[column], in: table), ofRowAt: origin.line, to: Self.csvText(text, table.columns[column]))
                }
                edits.csv[origin.file] = editor
            }
        }
        attempt(places.first) { edits throws(EditError) in
            var editor = try edits.yamlEditor(origin.file)
            let record = try editor.record(at: origin)
            var new = texts
            for (column, text) in changed { new[column] = text }
            let order = Self.fieldOrder(table)
            var done: Set<String> = []
            for (column, _) in changed {
                let name = Self.field(of: table.columns[column], in: table)
                guard done.insert(name).inserted else { continue }
                try editor.set(name, of: record, to: Self.value(of: name, new, table: table, record: record, editor: editor), order: order)
            }
            edits.yaml[origin.file] = editor
        }
    }

    /// Adds a record (or observation) with the cells `texts`.
    mutating func add(_ texts: [String], table: Table, place: String) {
        count += 1
        changedTables.insert(table.name)
        var fields: [EditValue.EditEntry] = []
        var done: Set<String> = []
        for (index, column) in table.columns.enumerated() where !texts[index].isEmpty {
            let name = Self.field(of: column, in: table)
            guard done.insert(name).inserted, let value = Self.value(of: name, texts, table: table, record: nil, editor: nil) else { continue }
            fields.append(.init(name, value))
        }
        if table.name == "observations", let seriesColumn = table.columns.firstIndex(where: { $0.name == "series" }),
           let series = current.dataset.series.first(where: { $0.id == texts[seriesColumn] }), let file = series.observationsFile {
            let path = current.files.displayPath(file)
            return attempt(place) { edits throws(EditError) in
                var editor = try edits.csvEditor(path)
                var values: [String: String] = [:]
                for (index, column) in table.columns.enumerated() where column.name != "series" && column.name != "sources" {
                    values[column.name] = Self.csvText(texts[index], column)
                }
                try editor.append(values)
                edits.csv[path] = editor
            }
        }
        attempt(place) { edits throws(EditError) in
            var editor = try edits.yamlEditor(edits.currentFile)
            try editor.append(fields, to: table.name)
            edits.yaml[edits.currentFile] = editor
        }
    }

    /// Removes the record that starts at `origin`.
    mutating func remove(table: Table, origin: SourceLocation, place: String) {
        remove(from: table.name, at: origin, place: place)
    }

    /// Gives the record that starts at `origin` the id `new`, with `replaces: old` so the diff shows a
    /// rename, and makes every reference to it in the dataset's documents name `new`.
    mutating func rename(_ old: String, to new: String, table: Table, origin: SourceLocation, place: String) {
        count += 1
        changedTables.insert(table.name)
        note(origin, place)
        guard let kind = RecordKind(collection: table.name) else { return }
        attempt(place) { edits throws(EditError) in
            var editor = try edits.yamlEditor(origin.file)
            let record = try editor.record(at: origin)
            let order = Self.fieldOrder(table)
            try editor.set("id", of: record, to: .text(new), order: order)
            try editor.set("replaces", of: record, to: .text(old), order: order)
            edits.yaml[origin.file] = editor
            let sites = ReferenceSites.locations(of: old, kind: kind, in: edits.current.dataset)
            for (file, locations) in Dictionary(grouping: sites, by: \.file).sorted(by: { $0.key < $1.key }) {
                var editor = try edits.yamlEditor(file)
                try editor.replaceScalars(at: locations, with: new)
                edits.yaml[file] = editor
            }
        }
    }

    // MARK: Fields to edits

    /// Sets the fields of the record of `kind` that starts at `origin` (nil removes a field); a new field
    /// goes where the kind's declaration order puts it.
    mutating func set(_ fields: [(name: String, value: EditValue?)], ofRecordAt origin: SourceLocation, kind: RecordKind, order: [String]) {
        guard !fields.isEmpty else { return }
        count += 1
        changedTables.insert(kind.collection)
        attempt(nil) { edits throws(EditError) in
            var editor = try edits.yamlEditor(origin.file)
            let record = try editor.record(at: origin)
            for field in fields { try editor.set(field.name, of: record, to: field.value, order: order) }
            edits.yaml[origin.file] = editor
        }
    }

    /// Appends a record of `kind` with `fields` to the dataset document.
    mutating func append(_ fields: [EditValue.EditEntry], kind: RecordKind) {
        count += 1
        changedTables.insert(kind.collection)
        attempt(nil) { edits throws(EditError) in
            var editor = try edits.yamlEditor(edits.currentFile)
            try editor.append(fields, to: kind.collection)
            edits.yaml[edits.currentFile] = editor
        }
    }

    /// Removes the record (or observations file row) of `kind` that starts at `origin`.
    mutating func remove(_ kind: RecordKind, at origin: SourceLocation) {
        remove(from: kind.collection, at: origin, place: nil)
    }

    /// Removes the record (or observations file row) of the table `name` that starts at `origin`.
    private mutating func remove(from name: String, at origin: SourceLocation, place: String?) {
        count += 1
        changedTables.insert(name)
        attempt(place) { edits throws(EditError) in
            if CSVDocumentEditor.edits(origin.file) {
                var editor = try edits.csvEditor(origin.file)
                try editor.removeRow(at: origin.line)
                edits.csv[origin.file] = editor
            } else {
                var editor = try edits.yamlEditor(origin.file)
                try editor.remove(try editor.record(at: origin))
                edits.yaml[origin.file] = editor
            }
        }
    }

    /// Sets cells of the observations file row at `origin`, by column.
    mutating func setCells(_ cells: [(column: String, text: String)], ofRowAt origin: SourceLocation) {
        guard !cells.isEmpty else { return }
        count += 1
        changedTables.insert("observations")
        attempt(nil) { edits throws(EditError) in
            var editor = try edits.csvEditor(origin.file)
            for cell in cells { try editor.set(cell.column, ofRowAt: origin.line, to: cell.text) }
            edits.csv[origin.file] = editor
        }
    }

    /// Appends a row to the observations file `file` (as findings name it), by column.
    mutating func appendRow(_ values: [String: String], toFile file: String) {
        count += 1
        changedTables.insert("observations")
        attempt(nil) { edits throws(EditError) in
            var editor = try edits.csvEditor(file)
            try editor.append(values)
            edits.csv[file] = editor
        }
    }

    /// The editor of `file` when it is the only YAML document edited.
    func onlyEditedDocument(_ file: String) -> YAMLDocumentEditor? {
        yaml.count == 1 ? yaml[file] : nil
    }

    /// The edited documents' bytes, by the path findings name them.
    mutating func results() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, editor) in yaml {
            do { files[path] = try editor.result() } catch { findings.append(Self.finding(error, place: nil)) }
        }
        for (path, editor) in csv {
            do { files[path] = try editor.result() } catch { findings.append(Self.finding(error, place: nil)) }
        }
        return files
    }

    /// A finding of the edited dataset's validation, placed at the workbook cell whose edit lands
    /// nearest above it, with the YAML place it is at.
    func locate(_ finding: Finding) -> ImportFinding {
        let candidates = placesByLine[finding.location.file] ?? []
        let place = candidates.filter { $0.line <= finding.location.line }.max { $0.line < $1.line }?.place ?? finding.location.file
        return ImportFinding(code: finding.code.rawValue, at: place, finding.message, hint: finding.hint, landsAt: finding.location)
    }

    // MARK: Helpers

    private mutating func note(_ origin: SourceLocation, _ place: String) {
        placesByLine[origin.file, default: []].append((origin.line, place))
    }

    private mutating func attempt(_ place: String?, _ body: (inout DocumentEdits) throws(EditError) -> Void) {
        var copy = self
        do {
            try body(&copy)
            self = copy
        } catch {
            findings.append(Self.finding(error, place: place))
        }
    }

    private static func finding(_ error: EditError, place: String?) -> ImportFinding {
        ImportFinding(.unsafeEdit, at: place ?? error.location.description, error.message, hint: error.hint, landsAt: error.location)
    }

    private func yamlEditor(_ file: String) throws(EditError) -> YAMLDocumentEditor {
        if let editor = yaml[file] { return editor }
        if file == currentFile { return try datasetEditor.value.get() }
        return try Self.yamlEditor(file, documents: documents)
    }

    /// An editor of the YAML document `file`.
    private static func yamlEditor(_ file: String, documents: [String: Data]) throws(EditError) -> YAMLDocumentEditor {
        try YAMLDocumentEditor(file: file, data: try bytes(of: file, "the document", documents: documents))
    }

    private func csvEditor(_ file: String) throws(EditError) -> CSVDocumentEditor {
        if let editor = csv[file] { return editor }
        return try CSVDocumentEditor(file: file, data: try Self.bytes(of: file, "the observations file", documents: documents))
    }

    /// A document's bytes: held in memory, or read from disk.
    private static func bytes(of file: String, _ what: String, documents: [String: Data]) throws(EditError) -> Data {
        do { return try documents[file] ?? DatasetDocument.read(file) } catch {
            throw EditError(at: SourceLocation(file: file, line: 1, column: 1), "\(what) cannot be read: \(error)")
        }
    }

    /// The document field a column edits: the column's own, or `dimensions` for a dimension column.
    static func field(of column: Column, in table: Table) -> String {
        table.name == "observations" && !Observation.reservedNames.contains(column.name) && column.name != "sources" ? "dimensions" : column.name
    }

    /// The fields of the table's kind in the order the document writes them.
    static func fieldOrder(_ table: Table) -> [String] {
        table.columns.map { field(of: $0, in: table) }
    }

    /// The value of field `name` from a row's texts; nil to leave the field out.
    static func value(of name: String, _ texts: [String], table: Table, record: YAMLDocumentMap.MappedNode?,
                      editor: YAMLDocumentEditor?) -> EditValue? {
        if name == "dimensions" {
            let entries = table.columns.enumerated().filter { field(of: $0.element, in: table) == "dimensions" && !texts[$0.offset].isEmpty }
                .map { EditValue.EditEntry($0.element.name, .text(texts[$0.offset])) }
            return entries.isEmpty ? nil : .map(entries)
        }
        guard let index = table.columns.firstIndex(where: { $0.name == name }) else { return nil }
        let text = texts[index]
        if name == "sources" {
            guard !text.isEmpty else { return nil }
            return .list(TableRows.parseCitations(text).map { citation in
                citation.quote.map { .map([.init("source", .text(citation.source)), .init("quote", .text($0))]) } ?? .text(citation.source)
            })
        }
        return value(text, table.columns[index])
    }

    /// A cell's text as the value of a field of `column`'s kind; nil for an empty cell (or a false flag).
    static func value(_ text: String, _ column: Column) -> EditValue? {
        guard !text.isEmpty else { return nil }
        switch column.kind {
        case .references: return .list(text.split(separator: " ").map { .text(String($0)) })
        case .texts:
            guard let items = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String] else { return .text(text) }
            return .list(items.map(EditValue.text))
        case .textMap:
            guard let map = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] else { return .text(text) }
            return .map(map.sorted { $0.key < $1.key }.map { .init($0.key, .text($0.value)) })
        case .number, .integer, .date, .period: return .bare(text)
        case .boolean: return text == "true" ? .bare("true") : text == "false" ? nil : .text(text)
        default: return .text(text)
        }
    }

    /// A cell's text as an observations file writes it.
    static func csvText(_ text: String, _ column: Column) -> String {
        column.kind == .boolean && text == "false" ? "" : text
    }
}
