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

    /// Finds the dataset as an export was made from it (by its commit), when the dataset has changed
    /// since; nil when it cannot be found. It does not throw: a lookup that fails is a base not found (and
    /// a throwing closure that caught an error inside was seen to leak that error to its caller in an
    /// optimised build of Swift 6.3).
    public typealias BaseLookup = (ExportProvenance) -> ValidatedDataset?

    /// The dataset as it is now cannot take an import.
    public struct InvalidDataset: Error, Sendable {
        /// What its observation files' checks found.
        public var report: ValidationReport
    }

    let current: ValidatedDataset
    let currentFile: String
    let importName: String
    let documents: [String: Data]
    let lookUpBase: BaseLookup?

    /// - Parameters:
    ///   - current: the dataset as it is now (validated; its observation files may be left to the import's
    ///     pass over them, which refuses the import with `InvalidDataset` if they hold an error). Its rules
    ///     too may be left (`DatasetValidation.check(path:rules:)`): the edited dataset is validated as a
    ///     whole, and the dataset as it was is checked only when nothing changes or the import is refused.
    ///   - currentFile: its document's path.
    ///   - importName: how the diff names the edited version.
    ///   - documents: the bytes of the dataset's documents and observation files by the name findings give
    ///     them, for a dataset held in memory; a document not given is read from disk at that path.
    ///   - base: finds the dataset the export was made from when it differs from `current`.
    public init(current: ValidatedDataset, currentFile: String, importName: String, documents: [String: Data] = [:],
                base: BaseLookup? = nil) {
        self.current = current
        self.currentFile = currentFile
        self.importName = importName
        self.documents = documents
        self.lookUpBase = base
    }

    /// Plans the import of `workbook`, read against the current dataset's tables.
    public func importWorkbook(at path: String, displayName: String) throws -> Outcome {
        try importExport(try ExportReading(workbook: path, displayName: displayName))
    }

    /// Plans the import of a workbook held in memory.
    public func importWorkbook(data: Data, displayName: String) throws -> Outcome {
        try importExport(try ExportReading(workbook: data, displayName: displayName))
    }

    /// Plans the import of a directory of CSV files written by `export --format csv`.
    public func importCSVDirectory(at path: String) throws -> Outcome {
        try importExport(ExportReading(csvDirectory: path))
    }

    /// Plans the import of an export whose reading started before the dataset was loaded (each reading
    /// is imported once: its rows are consumed).
    public func importExport(_ reading: ExportReading) throws -> Outcome {
        defer { reading.stop() }
        var outcome = Outcome()
        let imported = reading.imported, channel = reading.channel
        let view = TabularView(current)
        reading.deliver(view)
        var edits = DocumentEdits(current: current, currentFile: currentFile, documents: documents)
        let tables = ExportReading.tables(view)
        let currentRows = try TableRows(current, view: view)
        let fileFindings = try current.observationFileFindings()
        guard fileFindings.errorCount == 0 else { throw InvalidDataset(report: fileFindings) }
        let (baseRows, unknownBase) = try base(for: imported.madeFrom, currentRows: currentRows, notes: &outcome.notes)

        // The Citations sheet's quotes stay with the reading, which puts them in the sources cells of the rows after it.
        _ = Self.receiveTable(from: channel) { _ in }
        for table in tables.dropFirst() {
            var merge = TableMerge(table: table, base: baseRows, current: currentRows, imported: imported)
            let found = Self.receiveTable(from: channel) { row in merge.add(row, edits: &edits) }
            if found { merge.finish(edits: &edits) }
            outcome.findings += merge.findings
        }
        channel.waitUntilClosed()
        if let failure = channel.failure { throw failure }
        outcome.findings = channel.findings + outcome.findings
        if let unknownBase, !edits.isEmpty || outcome.hasErrors {
            outcome.findings.append(ImportFinding(.unknownBase, at: imported.file, unknownBase,
                                                  hint: "export the workbook again and make the edits there"))
        }
        // With nothing to write, the dataset as it is must pass; so must it when the import is refused,
        // whose findings would otherwise blame the workbook for the dataset's own errors.
        return try applying(&edits, to: outcome)
    }

    /// `outcome` with the edits made: the edited files, and the edited dataset validated as a whole and
    /// compared with the current one, before anything is written. `added` are files the import adds
    /// besides the edited documents (a statistics file copied under the root), by the path findings give them.
    func applying(_ edits: inout DocumentEdits, to outcome: Outcome, adding added: [String: Data] = [:]) throws -> Outcome {
        var outcome = outcome
        guard !outcome.hasErrors else { return try refusingAnInvalidDataset(outcome) }
        outcome.findings += edits.findings
        guard !outcome.hasErrors else { return try refusingAnInvalidDataset(outcome) }
        guard !edits.isEmpty || !added.isEmpty else {
            outcome.diff = DatasetDiff(old: currentFile, new: importName, metadata: [], records: [], observations: [], archives: [], errors: [])
            return try refusingAnInvalidDataset(outcome)
        }
        let files = try edits.results().merging(added) { edited, _ in edited }
        outcome.findings += edits.findings
        guard !outcome.hasErrors else { return try refusingAnInvalidDataset(outcome) }
        outcome.files = files.map { EditedFile(path: $0.key, data: $0.value) }.sorted { $0.path < $1.path }

        // The edited dataset, validated as a whole before anything is written. Observation files are
        // checked again only when one of them, or a series, changed.
        let overlay = EditedDatasetFiles(base: current.files, edited: files)
        let mainData = try files[currentFile] ?? documents[currentFile] ?? DatasetDocument.read(currentFile)
        let filesChanged = files.keys.contains { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".yml") && !$0.hasSuffix(".json") }
        let seriesChanged = edits.changedTables.contains("series")
        // The versions are compared while the rules run.
        let old = DatasetVersion(name: currentFile, dataset: current.dataset, files: current.files)
        // Only the records the edits touched are read again, where that gives what loading the whole would.
        let reloaded = edits.onlyEditedDocument(currentFile).flatMap { EditedReload.load(current: current, editor: $0, edited: mainData) }
        let (checked, diff) = DatasetValidation.check(mainData, file: currentFile, files: overlay, observationFiles: filesChanged || seriesChanged,
                                                      loaded: reloaded) {
            [importName] dataset in Result { try DatasetComparison.compare(old, DatasetVersion(name: importName, dataset: dataset, files: overlay)) }
        }
        for finding in checked.report.findings where finding.severity == .error {
            outcome.findings.append(edits.locate(finding))
        }
        outcome.diff = try diff?.get()
        if outcome.hasErrors { return try refusingAnInvalidDataset(outcome) }
        return outcome
    }

    /// `outcome`, unless the dataset as it is fails the rules its loading left for later: then the
    /// import is refused as the dataset's own fault (`InvalidDataset`).
    private func refusingAnInvalidDataset(_ outcome: Outcome) throws -> Outcome {
        let rules = current.checkDeferredRules()
        guard rules.errorCount == 0, rules.suppressed == 0 else { throw InvalidDataset(report: rules) }
        return outcome
    }

    /// Hands each row of the next table from `channel` to `body`; false when the export has no such table.
    private static func receiveTable(from channel: RowChannel, _ body: (ExportRow) -> Void) -> Bool {
        while let message = channel.receive() {
            switch message {
            case .rows(let rows): for row in rows { body(row) }
            case .end(let found): return found
            }
        }
        return false
    }

    /// The rows the export was made from: the current ones when the fingerprints agree (or the export
    /// records none, which a note says), else those of the version `lookUpBase` finds; and why the base is
    /// unknown when it cannot be found.
    private func base(for madeFrom: ExportProvenance?, currentRows: TableRows, notes: inout [String]) throws -> (TableRows, String?) {
        guard let madeFrom else {
            notes.append("\(importName) does not record what it was exported from (not made by bilateral, or by an older version): compared with the dataset as it is")
            return (currentRows, nil)
        }
        guard madeFrom.fingerprint != currentRows.fingerprint else { return (currentRows, nil) }
        let unknown = "\(importName) was exported from a version of the dataset that has changed since"
        guard let base = lookUpBase?(madeFrom) else {
            return (currentRows, unknown + (madeFrom.commit == nil ? " and that git does not hold (it was not committed)" : " and that cannot be read from git")
                    + ", so its edits cannot be told from the changes made since")
        }
        let rows = try TableRows(base, view: TabularView(base))
        guard rows.fingerprint == madeFrom.fingerprint else {
            return (currentRows, unknown + "; the version at its commit is not the one exported (its fingerprint differs)")
        }
        notes.append("the dataset changed since \(importName) was exported\(madeFrom.commit.map { " at commit \($0.prefix(12))" } ?? ""): only what was changed in the workbook is applied")
        return (rows, nil)
    }

    /// Whether two texts of a column are the same value (numbers compare by value: 12.5 is 12.50).
    static func same(_ a: String, _ b: String, _ column: Column) -> Bool {
        if a == b { return true }
        guard column.kind == .number || column.kind == .integer, let x = Decimal(string: a), let y = Decimal(string: b) else { return false }
        return x == y
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
