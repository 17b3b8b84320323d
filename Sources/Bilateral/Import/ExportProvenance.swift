/// What an export was made from, recorded on its About sheet so that an import can tell what was
/// edited in the workbook from what changed in the dataset since: a fingerprint of the dataset's
/// tables, and where known the dataset's file and the git commit it was at.
public struct ExportProvenance: Hashable, Sendable {
    /// `DatasetFingerprint` of the dataset as exported.
    public var fingerprint: String
    /// The dataset document's path from the top of its git work tree (or as given).
    public var datasetFile: String?
    /// The commit the work tree was at, when the dataset's files were as committed.
    public var commit: String?

    /// What an export was made from.
    public init(fingerprint: String, datasetFile: String? = nil, commit: String? = nil) {
        self.fingerprint = fingerprint
        self.datasetFile = datasetFile
        self.commit = commit
    }

    /// The labels of the About sheet's rows.
    static let fingerprintLabel = "Fingerprint", fileLabel = "Dataset file", commitLabel = "Commit"

    /// What the workbook at `path` records it was made from; nil when it records nothing.
    public static func read(workbook path: String) throws(WorkbookError) -> ExportProvenance? {
        let reader = try WorkbookReader(path: path)
        guard let about = reader.sheets.first(where: { $0.name == "About" && $0.isWorksheet }) else { return nil }
        do { return try ExportProvenance(aboutSheet: reader, about) } catch let error as WorkbookError { throw error } catch {
            throw WorkbookError(.malformedXML, "\(error)")
        }
    }

    /// Reads the rows an export wrote on the About sheet; nil when it has none (not made by bilateral, or too old).
    init?(aboutSheet reader: WorkbookReader, _ sheet: WorkbookReader.Sheet) throws {
        var values: [String: String] = [:]
        try reader.forEachRow(of: sheet) { _, cells in
            guard cells.count >= 2, cells[0].column == 0, cells[1].column == 1,
                  case .text(let label) = cells[0].value, case .text(let value) = cells[1].value else { return }
            if [Self.fingerprintLabel, Self.fileLabel, Self.commitLabel].contains(label) { values[label] = value }
        }
        guard let fingerprint = values[Self.fingerprintLabel], fingerprint.count == 16, fingerprint.allSatisfy(\.isHexDigit) else { return nil }
        self.init(fingerprint: fingerprint, datasetFile: values[Self.fileLabel],
                  commit: values[Self.commitLabel].flatMap { $0.count == 40 && $0.allSatisfy(\.isHexDigit) ? $0 : nil })
    }
}

/// A fingerprint of a dataset's tables, as every tabular export writes them: 64-bit FNV-1a over
/// each table's name and each cell's text, so that any change of data changes it and a change of
/// comments or layout in the YAML does not.
public struct DatasetFingerprint: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty fingerprint, to add tables to.
    init() {}

    /// Sixteen hexadecimal digits for the tables of `view`.
    public static func of(_ view: TabularView) throws -> String {
        var fingerprint = DatasetFingerprint()
        for table in view.tables {
            fingerprint.add(table.name)
            try table.forEachRow { fingerprint.add(row: $0) }
        }
        return fingerprint.text
    }

    /// Adds a text, and a separator after it.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        hash = (hash ^ 0x1F) &* 0x100_0000_01b3
    }

    /// Adds a row's cells, and the end of the row.
    mutating func add(row: [Cell]) { add(texts: Self.texts(of: row)) }

    /// The text of each cell as the fingerprint and the import compare it: empty for a blank cell.
    static func texts(of row: [Cell]) -> [String] { row.map { $0.isEmpty ? "" : $0.plainText } }

    /// Adds a row's cells' texts, and the end of the row.
    mutating func add(texts: [String]) {
        for text in texts { add(text) }
        hash = (hash ^ 0x1E) &* 0x100_0000_01b3
    }

    /// Adds a row given as `TableRows.joined` joins its texts, but for the text at `column`, given apart
    /// as `text`: the same as `add(texts:)` of the row's texts.
    mutating func add(joined: String, replacing column: Int?, with text: String) {
        let separator = TableRows.separatorByte
        var joined = joined, text = text, cell = 0
        joined.withUTF8 { bytes in
            for byte in bytes {
                if byte == separator {
                    if cell == column { text.withUTF8 { for byte in $0 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } } }
                    hash = (hash ^ 0x1F) &* 0x100_0000_01b3
                    cell += 1
                } else if cell != column {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
            }
        }
        hash = (hash ^ 0x1E) &* 0x100_0000_01b3
    }

    /// The fingerprint so far, as sixteen hexadecimal digits.
    var text: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
