import Foundation
import Testing
import ZIPFoundation
@testable import Bilateral

/// The workbook reader: cells of workbooks other programs saved read right, and hostile workbooks are
/// refused within bounded memory and time.
@Suite struct WorkbookReaderTests {
    /// The first sheet's cells of a calamine test workbook, by A1 reference.
    private func cells(_ name: String, sheet: Int = 0) throws -> (WorkbookReader, [String: WorkbookCell]) {
        let reader = try WorkbookReader(path: Repository.url("Fixtures/workbooks/calamine/\(name).xlsx").path)
        var cells: [String: WorkbookCell] = [:]
        try reader.forEachRow(of: reader.sheets.filter(\.isWorksheet)[sheet]) { row, values in
            for cell in values { cells[CellReference.name(column: cell.column, row: row)] = cell }
        }
        return (reader, cells)
    }

    private func text(_ reader: WorkbookReader, _ cell: WorkbookCell?, _ kind: Column.Kind = .text) throws -> String? {
        try cell.map { try SheetCellText(reader: reader).text($0, kind: kind) }
    }

    @Test func datesUnderBothDateSystemsAndQuotedFormatsReadAsTheDay() throws {
        let (reader, cells) = try cells("date")
        #expect(!reader.usesDate1904)
        #expect(try text(reader, cells["A1"], .date) == "2021-01-01")
        let (reader1904, cells1904) = try self.cells("date_1904")
        #expect(reader1904.usesDate1904)
        #expect(try text(reader1904, cells1904["A1"], .date) == "2021-01-01")
        let (quoted, quotedCells) = try self.cells("date_quoted_format")
        #expect(try text(quoted, quotedCells["A1"], .date) == "2021-01")  // mmmm" "yyyy shows a month
        for reference in ["A2", "A3", "A4"] { #expect(try text(quoted, quotedCells[reference], .date) == "2021-01-01") }
    }

    @Test func stringsOfEveryKindReadAsWritten() throws {
        let (entities, entityCells) = try cells("encoded_entities")
        #expect(try text(entities, entityCells["A1"]) == "&")
        #expect(try text(entities, entityCells["A2"]) == "\n")  // &#xA; (calamine trims it; it is a line feed)
        for name in ["has_x000D_", "has_x000D_inline"] {
            let (reader, cells) = try cells(name)
            #expect(try text(reader, cells["A1"]) == "ABC\r\nDEF", "\(name)")
        }
        let (rich, richCells) = try cells("richtext-namespaced")
        #expect(try text(rich, richCells["A1"]) == "inline string\nLine 2\nLine 3")
        #expect(try text(rich, richCells["H1"]) == "shared string\nLine 2\nLine 3")
        let (phonetic, phoneticCells) = try cells("rph")
        #expect(try text(phonetic, phoneticCells["A1"]) == "課きく　毛こ")
        let (prefixed, prefixedCells) = try cells("nonstandard-xml-ns-prefix")
        #expect(try ["A1", "B1", "A2", "B2", "A3", "B3"].map { try text(prefixed, prefixedCells[$0]) } == ["a", "b", "1", "3", "2", "4"])
        let (minimal, minimalCells) = try cells("minimal_package")
        #expect(try text(minimal, minimalCells["A3"]) == "BKG_NUM")
    }

    @Test func errorValuesAndMergedRangesAreSeen() throws {
        let (reader, cells) = try cells("errors")
        #expect(cells.values.contains { if case .error = $0.value { true } else { false } })
        #expect(throws: SheetCellText.Refusal.self) { try text(reader, cells.values.first { if case .error = $0.value { true } else { false } }) }
        let merged = try WorkbookReader(path: Repository.url("Fixtures/workbooks/calamine/merge_cells.xlsx").path)
        let ranges = try merged.forEachRow(of: merged.sheets[0]) { _, _ in }
        #expect(!ranges.isEmpty)
    }

    // MARK: Hostile workbooks

    /// A ZIP of `parts`, as a workbook from outside might be.
    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A one-sheet workbook whose sheet part is `sheet`.
    static func workbook(sheet: String) throws -> Data {
        try zip([
            ("_rels/.rels", Data(#"<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8)),
            ("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="Events" sheetId="1" r:id="s1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ])
    }

    private func readAll(_ data: Data) throws {
        let reader = try WorkbookReader(data: data)
        for sheet in reader.sheets { try reader.forEachRow(of: sheet) { _, _ in } }
    }

    @Test func entitiesAndDocumentTypesAreRefusedNeverExpandedOrFetched() throws {
        let xxe = #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>"#
        let laughs = #"<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet/>"#
        let undeclared = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>"#
        for sheet in [xxe, laughs, undeclared] {
            do {
                try readAll(try Self.workbook(sheet: sheet))
                Issue.record("a sheet with entities was read")
            } catch let error as WorkbookError {
                #expect(error.code == .malformedXML)
                #expect(!error.message.contains("root:"))
            }
        }
    }

    /// A sheet whose cells cannot be read is malformed XML, named by its sheet (not a damaged archive);
    /// and a stop the caller asks for reaches it as thrown.
    @Test func aSheetsOwnProblemIsMalformedXMLAndACallersStopIsItsOwn() throws {
        let disordered = #"<worksheet><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData></worksheet>"#
        do {
            try readAll(try Self.workbook(sheet: disordered))
            Issue.record("a sheet with cells out of order was read")
        } catch let error as WorkbookError {
            #expect(error.code == .malformedXML)
            #expect(error.message.hasPrefix("sheet 'Events'"))
        }
        struct Enough: Error {}
        let reader = try WorkbookReader(data: try Self.workbook(sheet: #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#))
        #expect(throws: Enough.self) { try reader.forEachRow(of: reader.sheets[0]) { _, _ in throw Enough() } }
    }

    @Test func aZipBombStopsAfterABoundedAmount() throws {
        let zeros = Data(count: 64 << 20)
        let archive = try Self.zip([
            ("_rels/.rels", Data(#"<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8)),
            ("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="S" sheetId="1" r:id="s1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="s1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", zeros),
        ])
        #expect(archive.count < 1 << 20)
        do {
            try readAll(archive)
            Issue.record("a ZIP bomb was read")
        } catch let error as WorkbookError {
            #expect(error.code == .unsafeArchive)
            #expect(error.message.contains("ZIP bomb"))
        }
    }

    @Test func aPartWhoseChecksumDisagreesIsRefusedAsDamaged() throws {
        let sheet = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>intact</t></is></c></row></sheetData></worksheet>"#
        let intact = try Self.workbook(sheet: sheet)
        try readAll(intact)
        // The sheet's CRC-32 as the local and the central headers record it, changed in both.
        var damaged = [UInt8](intact)
        let crc = [UInt8](withUnsafeBytes(of: Self.checksum(of: sheet).littleEndian) { Data($0) })
        var changed = 0
        for index in 0..<(damaged.count - 4) where Array(damaged[index..<index + 4]) == crc {
            damaged[index] ^= 0xFF
            changed += 1
        }
        #expect(changed == 2)
        do {
            try readAll(Data(damaged))
            Issue.record("a damaged part was read")
        } catch let error as WorkbookError {
            #expect(error.code == .notAWorkbook)
            #expect(error.message.contains("xl/worksheets/sheet1.xml' is damaged"))
        }
    }

    /// The CRC-32 of `text`'s bytes.
    private static func checksum(of text: String) -> UInt32 {
        var checksum = PartChecksum()
        checksum.add(Data(text.utf8))
        return checksum.value
    }

    @Test func entryNamesThatLeaveTheArchiveAndSheetsPastTheGridAreRefused() throws {
        let escape = try Self.zip([("../../etc/evil.xml", Data("x".utf8)), ("xl/workbook.xml", Data("<workbook/>".utf8))])
        #expect(throws: WorkbookError.self) { try WorkbookReader(data: escape) }
        let wide = #"<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(throws: WorkbookError.self) { try readAll(try Self.workbook(sheet: wide)) }
        let unordered = #"<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(throws: WorkbookError.self) { try readAll(try Self.workbook(sheet: unordered)) }
        #expect(throws: WorkbookError.self) { try WorkbookReader(data: Data("PK\u{3}\u{4}garbage".utf8)) }
    }

    @Test func theTokenizerReadsAcrossChunkBoundaries() throws {
        let xml = #"<?xml version="1.0"?><!-- c --><a x="1 &amp; 2"><b><![CDATA[<raw>]]></b>t&#233;xt&#x4E2D;</a>"#
        var whole: [XMLTokenizer.Token] = []
        var tokenizer = XMLTokenizer()
        tokenizer.feed(Array(xml.utf8))
        tokenizer.finish()
        while let token = try tokenizer.next() { whole.append(token) }
        #expect(whole == [.start("a", selfClosing: false), .start("b", selfClosing: false), .text("<raw>"), .end("b"), .text("téxt中"), .end("a")])
        for size in 1...7 {
            var chunked = XMLTokenizer(), tokens: [XMLTokenizer.Token] = []
            let bytes = Array(xml.utf8)
            for start in stride(from: 0, to: bytes.count, by: size) {
                chunked.feed(bytes[start..<min(start + size, bytes.count)])
                while let token = try chunked.next() { tokens.append(token) }
            }
            chunked.finish()
            while let token = try chunked.next() { tokens.append(token) }
            // Text may arrive in pieces; joined, it is the same.
            #expect(Self.joined(tokens) == whole, "chunks of \(size)")
        }
    }

    private static func joined(_ tokens: [XMLTokenizer.Token]) -> [XMLTokenizer.Token] {
        var result: [XMLTokenizer.Token] = []
        for token in tokens {
            if case .text(let text) = token, case .text(let previous)? = result.last { result[result.count - 1] = .text(previous + text) } else { result.append(token) }
        }
        return result
    }
}
