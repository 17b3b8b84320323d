import CXLSXWriter
import Foundation
import Glibc
import Testing
@testable import Bilateral

/// The XLSX writer end to end: golden parts, continuation sheets, refusals and library errors that
/// leave no file. The tabular plan is tested without the C library in `XLSXPlanTests`.
struct XLSXTests {
    /// `Tests/Golden/<fixture>/xlsx/`: the workbook's normalised parts (`WorkbookParts`) and `parts.txt`,
    /// their names in order. `scripts/update-goldens.sh` rewrites them; review the diff.
    @Test(arguments: ExportTests.fixtures)
    func workbookPartsMatchTheirGoldenFiles(fixture: String) throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = directory.appending(path: "out.xlsx")
        try Exporter().export(try Export.validated(fixture), format: "xlsx", to: .path(workbook.path))
        let parts = try WorkbookParts.normalised(workbook)
        let golden = ExportTests.golden(fixture).appending(path: "xlsx")
        let list = parts.map(\.name).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["BILATERAL_UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            for part in parts {
                let url = golden.appending(path: part.name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(part.text.utf8).write(to: url)
            }
            try Data(list.utf8).write(to: golden.appending(path: "parts.txt"))
            return
        }
        #expect(list == (try String(contentsOf: golden.appending(path: "parts.txt"), encoding: .utf8)))
        for part in parts {
            let expected = try? String(contentsOf: golden.appending(path: part.name), encoding: .utf8)
            #expect(part.text == expected, "\(fixture): \(part.name) differs from its golden file")
        }
    }

    @Test func theCreationTimeIsTheAsOfDateUnlessSourceDateEpochIsSet() throws {
        let dataset = try Export.validated("Fixtures/valid/minimal.yaml").dataset  // as of 2024-06-01
        #expect(DocumentProperties.of(dataset, environment: [:]).created == 1_717_200_000)
        #expect(DocumentProperties.of(dataset, environment: ["SOURCE_DATE_EPOCH": "86400"]).created == 86_400)
        #expect(DocumentProperties.of(dataset, environment: ["SOURCE_DATE_EPOCH": "0"]).created == 1)
        #expect(DocumentProperties.of(dataset, environment: ["SOURCE_DATE_EPOCH": "-86400"]).created == -86_400)
        let properties = DocumentProperties.of(dataset, environment: [:])
        #expect(properties.title == "Test relations")
        #expect(properties.subject == "Relations between Pakistan and Japan")
        #expect(properties.keywords == "Pakistan, Japan, bilateral relations")
    }

    /// A writer whose sheets hold `rows` data rows, exported into a temporary directory.
    static func export(_ fixture: String, rowsPerSheet rows: Int) throws -> (url: URL, directory: URL) {
        let directory = try Export.temporaryDirectory()
        let url = directory.appending(path: "out.xlsx")
        let registry = WriterRegistry([XLSXWriter(rowsPerSheet: rows)])
        try Exporter(registry: registry).export(try Export.validated(fixture), format: "xlsx", to: .path(url.path))
        return (url, directory)
    }

    @Test func aTableLongerThanASheetContinuesOnNumberedSheetsWithNothingLost() throws {
        // observations-csv: 5 observations, all in its CSV file.
        let (url, directory) = try Self.export("Fixtures/valid/observations-csv.yaml", rowsPerSheet: 2)
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = try WorkbookParts.text("xl/workbook.xml", in: url)
        #expect(workbook.contains(#"<sheet name="Observations" "#))
        #expect(workbook.contains(#"<sheet name="Observations (2)" "#))
        #expect(workbook.contains(#"<sheet name="Observations (3)" "#))
        #expect(!workbook.contains(#"<sheet name="Observations (4)" "#))
        let names = try WorkbookParts.read(url).map(\.name)
        var rows: [Int] = []
        for (index, name) in workbookSheetNames(workbook).enumerated() where name.hasPrefix("Observations") {
            let part = try WorkbookParts.text("xl/worksheets/sheet\(index + 1).xml", in: url)
            #expect(part.contains(#"<row r="1""#) && part.contains(">series<"), "\(name) repeats the header")
            rows.append(part.components(separatedBy: "<row ").count - 2)
        }
        #expect(rows == [2, 2, 1])
        #expect(names.contains("xl/worksheets/sheet14.xml"))
        let about = try WorkbookParts.text("xl/worksheets/sheet1.xml", in: url)
        #expect(about.contains("it continues on &apos;Observations (2)&apos;, &apos;Observations (3)&apos;")
            || about.contains("it continues on 'Observations (2)', 'Observations (3)'"))
    }

    private func workbookSheetNames(_ xml: String) -> [String] {
        xml.components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// A copy of the minimal fixture with a statement whose text is `text`.
    static func datasetWithStatement(_ text: String, in directory: URL) throws -> String {
        let original = try String(contentsOf: Repository.url("Fixtures/valid/minimal.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../archive/", with: "")
        try Export.copyArchives(to: directory)
        let path = directory.appending(path: "long.yaml").path
        try (original + "statements:\n  - {id: long-one, topic: overview, text: \"\(text)\", sources: [brief]}\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCellLongerThanExcelAllowsIsRefusedNamingRecordAndFieldBeforeAnythingIsWritten() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Self.datasetWithStatement(String(repeating: "a", count: 32_768), in: directory)
        let destination = directory.appending(path: "out.xlsx")
        try Data("old workbook".utf8).write(to: destination)
        let checked = try DatasetValidation.check(path: dataset)
        let validated = try #require(checked.validated(strict: false))
        #expect {
            try Exporter().export(validated, format: "xlsx", to: .path(destination.path))
        } throws: { error in
            let message = String(describing: error)
            return message.contains("statements record 'long-one', field 'text'") && message.contains("32768 characters")
        }
        #expect(try String(contentsOf: destination, encoding: .utf8) == "old workbook")
        #expect(try AtomicExportTests.leftovers(in: directory).isEmpty)
    }

    @Test func anErrorInsideLibxlsxwriterSurfacesWithItsMessageAndLeavesNoFile() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appending(path: "out.xlsx")
        try Data("old workbook".utf8).write(to: destination)
        // Just before the library writes the file, its path becomes a link into a missing directory,
        // so that libxlsxwriter's own fopen fails.
        let writer = XLSXWriter(rowsPerSheet: 1_000) { path in
            unlink(path)
            symlink("/nonexistent-bilateral-directory/out.xlsx", path)
        }
        #expect {
            try Exporter(registry: WriterRegistry([writer])).export(try Export.validated("Fixtures/valid/minimal.yaml"), format: "xlsx",
                                                                   to: .path(destination.path))
        } throws: { error in
            String(describing: error).contains(String(cString: lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE)))
        }
        #expect(try String(contentsOf: destination, encoding: .utf8) == "old workbook")
        #expect(try AtomicExportTests.leftovers(in: directory).isEmpty)
    }

    @Test func theWrapperTurnsEveryLibraryErrorIntoAnErrorNamingTheCell() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = try Workbook(path: directory.appending(path: "w.xlsx").path, constantMemory: true)
        let sheet = try workbook.addWorksheet("Data")
        try sheet.write("later row", row: 5, column: 0)
        // Constant-memory mode has written row 6 out; going back is the library's error, not a crash.
        #expect {
            try sheet.write("earlier row", row: 1, column: 0)
        } throws: { error in
            let error = error as? XLSXError
            return error?.code == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE && error?.place == "sheet 'Data', cell A2"
                && error?.message == String(cString: lxw_strerror(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE))
        }
        #expect(throws: XLSXError.self) { try sheet.write(.nan, row: 6, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.write(.infinity, row: 6, column: 1) }
        #expect(throws: XLSXError.self) { try sheet.write("a\u{0}b", row: 6, column: 2) }
        #expect(throws: XLSXError.self) { try sheet.write("x", row: Worksheet.maximumRows, column: 0) }
        #expect(throws: XLSXError.self) { try workbook.addWorksheet("data") }  // names differ only in case
        #expect(throws: XLSXError.self) { try workbook.addWorksheet("Bad/name") }
        try workbook.close()
        #expect(throws: XLSXError.self) { try sheet.write("after close", row: 7, column: 0) }
        #expect(throws: XLSXError.self) { try workbook.close() }
    }

    @Test func textIsAlwaysAStringAndExcelEscapesSurviveTheRoundTrip() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appending(path: "w.xlsx")
        let workbook = try Workbook(path: url.path, constantMemory: true)
        let sheet = try workbook.addWorksheet("Data")
        try sheet.write("=1+1", row: 0, column: 0)
        try sheet.write("keeps _x0041_ as written", row: 0, column: 1)
        try sheet.write("bell \u{7}", row: 0, column: 2)
        try workbook.close()
        let xml = try WorkbookParts.text("xl/worksheets/sheet1.xml", in: url)
        #expect(xml.contains(#"<c r="A1" t="inlineStr"><is><t>=1+1</t></is></c>"#))
        #expect(!xml.contains("<f>"))
        #expect(xml.contains("keeps _x005F_x0041_ as written"))
        #expect(xml.contains("bell _x0007_"))
    }

    @Test func linksPastExcelsLimitOfASheetArePlainTextAndCounted() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = try Workbook(path: directory.appending(path: "links.xlsx").path, constantMemory: true)
        let column = TabularView.sourcesColumn
        let table = Table(name: "observations", title: "Observations", columns: [column], primaryKey: [], count: nil, rows: { _ in })
        let sheets = TableSheets(table, workbook: workbook, choiceLists: ChoiceLists())
        try sheets.start()
        var cells = SheetCells(sourceRows: ["s1": ("Sources", 1)])
        for _ in 0..<(Worksheet.maximumLinks + 2) {
            try sheets.append([cells.value(.references(["s1"]), column: column)]) { "a row" }
        }
        try sheets.finish()
        try workbook.close()
        #expect(sheets.sheets[0].links == Worksheet.maximumLinks)
        #expect(sheets.linksAsText == 2)
        let xml = try WorkbookParts.text("xl/worksheets/sheet1.xml", in: directory.appending(path: "links.xlsx"))
        #expect(xml.components(separatedBy: "<hyperlink ").count - 1 == Worksheet.maximumLinks)
        #expect(xml.contains(#"<c r="A65533" t="inlineStr"><is><t>s1</t></is></c>"#))
    }

    @Test func aWorkbookDroppedWithoutClosingWritesNothing() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "never.xlsx").path
        do {
            let workbook = try Workbook(path: path, constantMemory: true)
            try workbook.addWorksheet("Data").write("x", row: 0, column: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Hole: the topic list passed Excel's 255 characters for an inline drop-down, and the column lost
    /// its drop-down. A list too long for the inline form is drawn from a column of the hidden sheet
    /// "Choices".
    @Test func aListTooLongForAnInlineDropDownIsDrawnFromTheHiddenChoicesSheet() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "dataset.xlsx")
        try Exporter().export(try Export.validated("Fixtures/pakistan-japan.yaml"), format: "xlsx", to: .path(path.path))
        let workbook = try WorkbookParts.text("xl/workbook.xml", in: path)
        #expect(workbook.contains("<sheet name=\"Choices\" sheetId=\"21\" state=\"hidden\""))
        let topics = Statement.Topic.allCases.map(\.rawValue)
        #expect(!TableSheets.fitsDropDown(topics))
        let statements = try WorkbookParts.text("xl/worksheets/sheet10.xml", in: path)
        #expect(statements.contains("<formula1>'Choices'!$A$1:$A$\(topics.count)</formula1>"))
        // The worksheet holding every topic, a row each.
        let parts = try WorkbookParts.read(path).map { String(decoding: $0.data, as: UTF8.self) }
        let choices = parts.filter { part in topics.allSatisfy { part.contains("<t>\($0)</t>") } }
        #expect(choices.count == 1)
        #expect(choices.first?.contains("<c r=\"A\(topics.count)\"") == true && choices.first?.contains("<c r=\"A\(topics.count + 1)\"") == false)
        let lists = ChoiceLists()
        #expect(lists.range(of: ["a", "b"]) == "='Choices'!$A$1:$A$2")
        #expect(lists.range(of: ["c"]) == "='Choices'!$B$1:$B$1")
        #expect(lists.range(of: ["a", "b"]) == "='Choices'!$A$1:$A$2")
    }
}
