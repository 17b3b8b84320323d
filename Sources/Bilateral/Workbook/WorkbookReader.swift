import Foundation

/// Reads an XLSX workbook from outside: its sheets, their cells row by row (streamed, so a sheet of
/// a million rows is never whole in memory), the number formats of its styles and its date system.
/// Only what a workbook's data needs is read; charts, drawings and themes are not opened.
public struct WorkbookReader {
    /// A sheet of the workbook.
    public struct Sheet: Hashable, Sendable {
        /// The name on its tab.
        public var name: String
        /// Hidden (or very hidden) from the tabs.
        public var isHidden: Bool
        /// A worksheet of cells; false for a chart sheet or a dialog sheet.
        public var isWorksheet: Bool
        /// The part that holds it.
        var path: String
    }

    /// A range of merged cells, zero-based columns and one-based rows, inclusive.
    public struct MergedRange: Hashable, Sendable {
        /// The zero-based column of its left edge.
        public var firstColumn: Int
        /// The one-based row of its top edge.
        public var firstRow: Int
        /// The zero-based column of its right edge.
        public var lastColumn: Int
        /// The one-based row of its bottom edge.
        public var lastRow: Int
        /// "A1:C2".
        public var name: String {
            CellReference.name(column: firstColumn, row: firstRow) + ":" + CellReference.name(column: lastColumn, row: lastRow)
        }
    }

    /// The sheets, in tab order.
    public let sheets: [Sheet]
    /// Dates count from 1904-01-01 (old Mac workbooks) rather than 1899-12-30.
    public let usesDate1904: Bool
    /// Text cells may name a shared string by index.
    private let sharedStrings: [String]
    /// Each style's number format, by style index.
    private let formats: [NumberFormat]
    /// Styles whose text was typed after an apostrophe (Excel's quote prefix).
    private let quotePrefixed: Set<Int>
    private let archive: WorkbookArchive

    /// The most shared strings a workbook may have.
    static let maximumSharedStrings = 16_000_000

    /// Reads the workbook at `path`'s structure; cells are read sheet by sheet with `forEachRow`.
    public init(path: String) throws(WorkbookError) {
        try self.init(archive: WorkbookArchive(url: URL(fileURLWithPath: path)))
    }

    /// Reads a workbook held in memory.
    public init(data: Data) throws(WorkbookError) {
        try self.init(archive: WorkbookArchive(data: data))
    }

    private init(archive: WorkbookArchive) throws(WorkbookError) {
        self.archive = archive
        do {
            let workbookPath = try Self.officeDocumentPath(archive)
            let directory = (workbookPath as NSString).deletingLastPathComponent
            let relationships = try Self.relationships(archive, of: workbookPath)
            var sheets: [Sheet] = []
            var date1904 = false
            let found = try archive.readXML(workbookPath) { token, xml in
                guard case .start(let name, _) = token else { return }
                if name == "workbookPr" { date1904 = ["1", "true"].contains(xml.attribute("date1904") ?? "") }
                guard name == "sheet", let sheetName = xml.attribute("name"), let id = xml.attribute("id"),
                      let target = relationships[id] else { return }
                let state = xml.attribute("state") ?? "visible"
                sheets.append(Sheet(name: sheetName, isHidden: state != "visible", isWorksheet: target.type.hasSuffix("/worksheet"),
                                    path: Self.resolve(target.target, against: directory)))
            }
            guard found else { throw WorkbookError(.notAWorkbook, "it has no workbook part '\(workbookPath)'") }
            self.sheets = sheets
            usesDate1904 = date1904
            let stylesPath = relationships.values.first { $0.type.hasSuffix("/styles") }.map { Self.resolve($0.target, against: directory) }
            (formats, quotePrefixed) = try Self.styles(archive, stylesPath)
            let stringsPath = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.resolve($0.target, against: directory) }
            sharedStrings = try Self.sharedStrings(archive, stringsPath)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(.notAWorkbook, "\(error)")
        }
    }

    /// The number format of style `style`; General when the workbook has no such style.
    public func format(ofStyle style: Int) -> NumberFormat {
        style >= 0 && style < formats.count ? formats[style] : NumberFormat(id: 0, code: nil)
    }

    /// Whether text of style `style` was typed after an apostrophe.
    public func isQuotePrefixed(style: Int) -> Bool { quotePrefixed.contains(style) }

    /// Calls `body` with each row that has cells: its one-based number and its cells in column order.
    /// Returns the sheet's merged ranges.
    @discardableResult
    public func forEachRow(of sheet: Sheet, _ body: (Int, [WorkbookCell]) throws -> Void) throws -> [MergedRange] {
        var row = SheetRowReader(sharedStrings: sharedStrings)
        do {
            try archive.readXML(sheet.path) { token, xml in try row.consume(token, xml, body) }
        } catch let error as SheetRowReader.Failure {
            throw WorkbookError(.malformedXML, "sheet '\(VisibleText.escaped(sheet.name))': \(error.message)")
        }
        return row.merged
    }

    // MARK: Parts

    private static func officeDocumentPath(_ archive: WorkbookArchive) throws -> String {
        let relationships = try relationships(archive, of: "")
        guard let document = relationships.values.first(where: { $0.type.hasSuffix("/officeDocument") }) else {
            if archive.contains("xl/workbook.xml") { return "xl/workbook.xml" }
            throw WorkbookError(.notAWorkbook, "it is a ZIP archive but not a workbook (no office document in _rels/.rels)")
        }
        return resolve(document.target, against: "")
    }

    /// The relationships of the part at `path` (the package's own for ""), by id.
    private static func relationships(_ archive: WorkbookArchive, of path: String) throws -> [String: (type: String, target: String)] {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let relsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
        var result: [String: (type: String, target: String)] = [:]
        try archive.readXML(relsPath) { token, xml in
            guard case .start("Relationship", _) = token, let id = xml.attribute("Id"), let target = xml.attribute("Target") else { return }
            guard xml.attribute("TargetMode") != "External" else { return }
            result[id] = (xml.attribute("Type") ?? "", target)
        }
        return result
    }

    /// A relationship's target as a path in the archive.
    private static func resolve(_ target: String, against directory: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = directory.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    private static func styles(_ archive: WorkbookArchive, _ path: String?) throws -> ([NumberFormat], Set<Int>) {
        guard let path else { return ([], []) }
        var codes: [Int: String] = [:]
        var formats: [NumberFormat] = []
        var quotePrefixed: Set<Int> = []
        var inCellFormats = false
        try archive.readXML(path) { token, xml in
            switch token {
            case .start("numFmt", _):
                if let id = xml.attribute("numFmtId").flatMap({ Int($0) }), let code = xml.attribute("formatCode") { codes[id] = code }
            case .start("cellXfs", let selfClosing):
                inCellFormats = !selfClosing
            case .end("cellXfs"):
                inCellFormats = false
            case .start("xf", _) where inCellFormats:
                guard formats.count < 65_536 else { throw WorkbookError(.tooLarge, "more than 65,536 cell styles") }
                let id = xml.attribute("numFmtId").flatMap { Int($0) } ?? 0
                if ["1", "true"].contains(xml.attribute("quotePrefix") ?? "") { quotePrefixed.insert(formats.count) }
                formats.append(NumberFormat(id: id, code: codes[id]))
            default: break
            }
        }
        return (formats, quotePrefixed)
    }

    private static func sharedStrings(_ archive: WorkbookArchive, _ path: String?) throws -> [String] {
        guard let path else { return [] }
        var strings: [String] = []
        var current = "", inItem = false, inText = false, phoneticDepth = 0
        try archive.readXML(path) { token, _ in
            switch token {
            case .start("si", let selfClosing):
                if selfClosing { strings.append("") } else { inItem = true; current = "" }
            case .end("si"):
                guard strings.count < maximumSharedStrings else { throw WorkbookError(.tooLarge, "more than \(maximumSharedStrings) shared strings") }
                strings.append(current)
                inItem = false
            case .start("rPh", false): phoneticDepth += 1
            case .end("rPh"): phoneticDepth -= 1
            case .start("t", let selfClosing): inText = inItem && !selfClosing
            case .end("t"): inText = false
            case .text(let text) where inText && phoneticDepth == 0: current += text
            default: break
            }
        }
        return strings
    }
}
