import Foundation
import Testing
@testable import Bilateral

/// Streaming observation CSV files: RFC 4180 records at any chunk size, with physical lines and columns.
struct CSVTests {
    static func records(_ text: String, chunkSize: Int) throws -> [[String]] {
        var tokenizer = CSVTokenizer(stream: DataByteStream(Data(text.utf8)), chunkSize: chunkSize)
        defer { tokenizer.deallocate() }
        var records: [[String]] = []
        while try tokenizer.nextRecord() {
            records.append(tokenizer.fields.map { tokenizer.text($0) })
        }
        return records
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func splitsRecordsTheSameAtEveryChunkSize(chunkSize: Int) throws {
        let text = "a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\n2,日本,پاکستان\n3,,"
        #expect(try Self.records(text, chunkSize: chunkSize) == [
            ["a", "b", "c"], ["1", "x, \"y\"", "two\r\nlines"], ["2", "日本", "پاکستان"], ["3", "", ""],
        ])
    }

    @Test func reportsUnterminatedQuotesWithTheirPosition() {
        #expect(throws: CSVTokenizer.Problem.self) { try Self.records("a\n\"open\n", chunkSize: 4) }
        do {
            _ = try Self.records("a,b\n1,x\"y\n", chunkSize: 1 << 10)
            Issue.record("expected a problem")
        } catch let problem as CSVTokenizer.Problem {
            #expect((problem.line, problem.column) == (2, 4))
        } catch { Issue.record("\(error)") }
    }

    /// A cell after a multi-line cell is reported on its physical line, with the column counted in characters.
    @Test func reportsCellsAtTheirPhysicalLineAndColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "bilateral-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = try String(contentsOf: Repository.url("Fixtures/valid/observations-csv.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    archive: ../archive/brief-on-pakistan-japan-relations.txt\n", with: "")
        try yaml.write(to: directory.appending(path: "d.yaml"), atomically: true, encoding: .utf8)
        try Data("period,value,description\n2019-01,1,\"two\nlines\"\n2019-02,\"1.5\",日本\n2019-13,x,ok\n".utf8)
            .write(to: directory.appending(path: "observations.csv"))
        let report = try DatasetValidation.validate(path: directory.appending(path: "d.yaml").path)
        let located = report.findings.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
        #expect(located == ["5:1 invalid-date", "5:9 wrong-type"])
    }
}
