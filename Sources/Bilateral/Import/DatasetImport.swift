import Foundation

/// `bilateral import`: turns an edited export (a workbook, or a directory of CSV files) into edits
/// of the dataset's documents through the edit engine, validates the edited dataset as a whole, and
/// reports what changed as the record-level diff.
///
/// It is a three-way merge: the export records what it was made from (`ExportProvenance`), and
/// only what was changed in the export since is applied, so changes made in git while the workbook
/// was away are never reverted. A cell changed both in the export and in the dataset since is a
/// conflict, listed with its three values, and nothing is written.
public struct DatasetImport {
    /// A file the import changes: its path and new bytes.
    public struct EditedFile: Sendable {
        /// The path as findings name it (relative to the working directory, as the dataset's path is given).
        public var path: String
        /// The file's new bytes.
        public var data: Data
    }

    /// What an import found and would do.
    public struct Outcome: Sendable {
        /// Problems of the export or of the edited dataset; any error means nothing may be written.
        public var findings: [ImportFinding] = []
        /// Things to know (what the export was compared with).
        public var notes: [String] = []
        /// The files to replace, whole.
        public var files: [EditedFile] = []
        /// What changed, record by record; nil when nothing could be planned.
        public var diff: DatasetDiff?

        /// Whether any finding is an error.
        public var hasErrors: Bool { findings.contains(where: \.isError) }
    }

    let current: ValidatedDataset
    let currentFile: String
    let base: ValidatedDataset?
    let importName: String
    let documents: [String: Data]

    /// - Parameters:
    ///   - current: the dataset as it is now (valid).
    ///   - currentFile: its document's path.
    ///   - base: the dataset the export was made from, when it differs from `current`; nil when the same.
    ///   - importName: how the diff names the edited version.
    ///   - documents: the bytes of the dataset's documents and observation files by the name findings give
    ///     them, for a dataset held in memory; a document not given is read from disk at that path.
    public init(current: ValidatedDataset, currentFile: String, base: ValidatedDataset?, importName: String,
                documents: [String: Data] = [:]) {
        self.current = current
        self.currentFile = currentFile
        self.base = base
        self.importName = importName
        self.documents = documents
    }

    /// Plans the import of `workbook`, read against the current dataset's tables.
    public func importWorkbook(at path: String, displayName: String) throws -> Outcome {
        let view = TabularView(current)
        let tables = try ImportedTables(workbook: path, displayName: displayName, view: view)
        return try plan(tables, view: view)
    }

    /// Plans the import of a workbook held in memory.
    public func importWorkbook(data: Data, displayName: String) throws -> Outcome {
        let view = TabularView(current)
        return try plan(try ImportedTables(workbook: WorkbookReader(data: data), displayName: displayName, view: view), view: view)
    }

    /// Plans the import of a directory of CSV files written by `export --format csv`.
    public func importCSVDirectory(at path: String) throws -> Outcome {
        let view = TabularView(current)
        return try plan(try ImportedTables(csvDirectory: path, view: view), view: view)
    }

    func plan(_ imported: ImportedTables, view: TabularView) throws -> Outcome {
        var outcome = Outcome()
        outcome.findings = imported.findings
        let currentRows = try TableRows(current, view: view)
        let baseRows = try base.map { base in try TableRows(base, view: TabularView(base)) } ?? currentRows
        let edited = TableRows(imported, view: view, findings: &outcome.findings)
        guard !outcome.hasErrors else { return outcome }

        var edits = DocumentEdits(current: current, currentFile: currentFile, documents: documents)
        for table in view.tables where TableRows.isImported(table) {
            guard let editedTable = edited.tables[table.name] else { continue }
            let baseTable = baseRows.tables[table.name] ?? [:], currentTable = currentRows.tables[table.name] ?? [:]
            let place = { (key: String, column: Int) in edited.place(table: table.name, key: key, column: column) ?? imported.file }
            for key in edited.order[table.name] ?? [] {
                let row = editedTable[key]!
                guard let baseRow = baseTable[key] else {
                    if let existing = currentTable[key] {
                        if existing.texts != row.texts {
                            outcome.findings.append(ImportFinding(.conflict, at: place(key, 0),
                                                                  "\(TableRows.describe(key, table: table)) was added both in the export and in the dataset since, differently",
                                                                  hint: "keep one: edit the row to match the dataset, or change the dataset first", landsAt: existing.origin?.location))
                        }
                        continue
                    }
                    edits.add(row.texts, table: table, place: place(key, 0))
                    continue
                }
                var changed: [(column: Int, text: String)] = []
                for (index, column) in table.columns.enumerated() where !Self.same(row.texts[index], baseRow.texts[index], column) {
                    let text = row.texts[index], old = baseRow.texts[index]
                    if text.hasPrefix("'") && !old.hasPrefix("'") {
                        outcome.findings.append(ImportFinding(.leadingApostrophe, at: place(key, index), "the text starts with an apostrophe, which a spreadsheet adds to keep text as text",
                                                              hint: "remove the apostrophe; if the value really starts with one, edit the YAML"))
                        continue
                    }
                    if text != text.trimmingCharacters(in: .whitespaces) && old == old.trimmingCharacters(in: .whitespaces) {
                        outcome.findings.append(ImportFinding(.surroundingBlanks, at: place(key, index), "the text starts or ends with blanks",
                                                              hint: "remove the blanks before or after the text"))
                        continue
                    }
                    guard let now = currentTable[key] else {
                        outcome.findings.append(ImportFinding(.conflict, at: place(key, index),
                                                              "\(TableRows.describe(key, table: table)) was edited in the export but removed from the dataset since",
                                                              hint: "add it to the dataset again first, or undo the edit in the export"))
                        continue
                    }
                    if Self.same(now.texts[index], old, column) {
                        changed.append((index, text))
                    } else if !Self.same(now.texts[index], text, column) {
                        outcome.findings.append(ImportFinding(.conflict, at: place(key, index),
                                                              "'\(column.name)' of \(TableRows.describe(key, table: table)) was changed both in the export and in the dataset since: was '\(Self.shown(old))', the export has '\(Self.shown(text))', the dataset now has '\(Self.shown(now.texts[index]))'",
                                                              hint: "make the export's cell match the dataset, or the dataset match the cell, and import again",
                                                              landsAt: now.origin.map { $0.fields[column.name] ?? $0.location }))
                    }
                }
                if !changed.isEmpty, let origin = currentTable[key]?.origin?.location {
                    edits.change(changed, of: currentTable[key]!.texts, table: table, origin: origin, places: changed.map { place(key, $0.column) })
                }
            }
            for key in baseRows.order[table.name] ?? [] where editedTable[key] == nil {
                guard let now = currentTable[key] else { continue }
                guard now.texts == baseTable[key]!.texts, let origin = now.origin?.location else {
                    outcome.findings.append(ImportFinding(.conflict, at: imported.file,
                                                          "\(TableRows.describe(key, table: table)) was deleted from the export but changed in the dataset since",
                                                          hint: "add the row back to the export, or delete the record in the dataset", landsAt: now.origin?.location))
                    continue
                }
                edits.remove(table: table, origin: origin, place: imported.file)
            }
        }
        outcome.findings += edits.findings
        guard !outcome.hasErrors else { return outcome }
        guard !edits.isEmpty else {
            outcome.diff = DatasetDiff(old: currentFile, new: importName, metadata: [], records: [], observations: [], archives: [], errors: [])
            return outcome
        }
        let files = try edits.results()
        outcome.findings += edits.findings
        guard !outcome.hasErrors else { return outcome }
        outcome.files = files.map { EditedFile(path: $0.key, data: $0.value) }.sorted { $0.path < $1.path }

        // The edited dataset, validated as a whole before anything is written.
        let overlay = EditedDatasetFiles(base: current.files, edited: files)
        let mainData = try files[currentFile] ?? documents[currentFile] ?? DatasetDocument.read(currentFile)
        let checked = DatasetValidation.check(mainData, file: currentFile, files: overlay)
        for finding in checked.report.findings where finding.severity == .error {
            outcome.findings.append(edits.locate(finding, in: checked.dataset, rows: edited))
        }
        if let dataset = checked.dataset {
            outcome.diff = try DatasetComparison.compare(DatasetVersion(name: currentFile, dataset: current.dataset, files: current.files),
                                                         DatasetVersion(name: importName, dataset: dataset, files: overlay))
        }
        return outcome
    }

    /// Whether two texts of a column are the same value (numbers compare by value: 12.5 is 12.50).
    static func same(_ a: String, _ b: String, _ column: Column) -> Bool {
        if a == b { return true }
        guard column.kind == .number || column.kind == .integer, let x = Decimal(string: a), let y = Decimal(string: b) else { return false }
        return x == y
    }

    private static func shown(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "\u{1F}", with: ": ").replacingOccurrences(of: "\u{1E}", with: "; ")
        return plain.count > 80 ? String(plain.prefix(79)) + "…" : plain
    }
}

/// The dataset's files with some replaced by edited bytes, keyed by the path findings give them.
struct EditedDatasetFiles: DatasetFiles {
    let base: DatasetFiles
    let edited: [String: Data]

    func displayPath(_ relativePath: String) -> String { base.displayPath(relativePath) }

    func read(_ relativePath: String) throws -> Data {
        if let data = edited[base.displayPath(relativePath)] { return data }
        return try base.read(relativePath)
    }

    func open(_ relativePath: String) throws -> ByteStream {
        if let data = edited[base.displayPath(relativePath)] { return DataByteStream(data) }
        return try base.open(relativePath)
    }
}
