import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import Bilateral

/// Replays the committed fuzz corpus (`Fuzz/corpus/TARGET/`: inputs the fuzzer found that reach code
/// the fixtures do not, and any input that once crashed a target) through the readers the targets
/// drive, and checks what every bad input must get: findings at a line and column inside the input, and
/// a report with one line per finding, none forged by the input's text.
struct FuzzCorpusTests {
    static func corpus(_ target: String) throws -> [(name: String, data: Data)] {
        let directory = Repository.url("Fuzz/corpus/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.sorted().map { ($0, try Data(contentsOf: directory.appending(path: $0))) }
    }

    /// Every finding lies inside the file it names, and the text report has a line per finding and a
    /// summary, whatever the input holds.
    static func expectSoundReport(_ report: ValidationReport, files: [String: Data], _ name: String) {
        for finding in report.findings {
            guard let data = files[finding.location.file] else {
                Issue.record("\(name): a finding names '\(finding.location.file)', which is not an input"); continue
            }
            let lines = Self.lineCount(data)
            #expect((1...lines).contains(finding.location.line) && finding.location.column >= 1,
                    "\(name): \(finding.location) is outside the input's \(lines) lines")
        }
        let text = ReportFormat.text.render(report, strict: true)
        let located = text.split(separator: "\n").filter { line in files.keys.contains { line.hasPrefix($0 + ":") } }
        #expect(located.count == report.findings.count + 1, "\(name): \(located.count) report lines for \(report.findings.count) findings")
    }

    /// Lines as YAML counts them (and editors show them): a line ends at CR LF, LF, a lone CR, NEL,
    /// LS or PS; one more line for what follows the last break.
    static func lineCount(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var lines = 1, index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0D: lines += 1; if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            case 0x0A: lines += 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: lines += 1; index += 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                lines += 1; index += 2
            default: break
            }
            index += 1
        }
        return lines
    }

    @Test func datasetInputsGetLocatedFindingsAndHonestReports() throws {
        let inputs = try Self.corpus("FuzzDataset") + Self.corpus("FuzzJSONDataset").map { ($0.name + ".json", $0.data) }
        #expect(!inputs.isEmpty)
        for (name, data) in inputs {
            let file = name.hasSuffix(".json") ? "fuzz.json" : "fuzz.yaml"
            let report = DatasetValidation.check(data, file: file, files: MemoryFiles([:])).report
            Self.expectSoundReport(report, files: [file: data], name)
        }
    }

    @Test func recordDocumentAndObservationFileInputsGetLocatedFindings() throws {
        let records = try Self.corpus("FuzzRecordDocument"), rows = try Self.corpus("FuzzObservationsCSV")
        #expect(!records.isEmpty && !rows.isEmpty)
        let including = Data((TestDatasets.header + "include: [records.yaml]\n").utf8)
        for (name, data) in records {
            let files = ["records.yaml": data]
            let report = DatasetValidation.check(including, file: "fuzz.yaml", files: MemoryFiles(files)).report
            Self.expectSoundReport(report, files: files.merging(["fuzz.yaml": including]) { a, _ in a }, name)
        }
        let series = Data((TestDatasets.header + """
            series:
              - {id: x, title: X, indicator: trade, currency: USD, scale: million, period_kind: month, dimensions: [hs_code], observations_file: rows.csv, sources: [s]}

            """).utf8)
        for (name, data) in rows {
            let files = ["rows.csv": data]
            let report = DatasetValidation.check(series, file: "fuzz.yaml", files: MemoryFiles(files)).report
            Self.expectSoundReport(report, files: files.merging(["fuzz.yaml": series]) { a, _ in a }, name)
        }
    }

    /// Any text makes a Word document (or a clear refusal, such as source marks without sources) whose
    /// every XML part is well formed.
    @Test func briefMarkdownInputsMakeWellFormedWordDocuments() throws {
        let inputs = try Self.corpus("FuzzBriefMarkdown")
        #expect(!inputs.isEmpty)
        let properties = DocumentProperties(title: "T", subject: "S", author: "A", keywords: "K", comments: "C", created: 0)
        for (name, data) in inputs {
            let document = WordDocument(blocks: BriefMarkdown.blocks(String(decoding: data, as: UTF8.self)), styles: .builtIn,
                                        marking: nil, properties: properties)
            guard let (bytes, _) = try? document.bytes(template: "fuzz") else { continue }
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
                var xml = Data()
                _ = try archive.extract(entry) { xml.append($0) }
                #expect(XMLParser(data: xml).parse(), "\(name): \(entry.path) is not well-formed XML")
            }
        }
    }

    /// Every workbook input (a whole workbook, or a sheet's XML) is read or refused with a `WorkbookError`,
    /// never a crash: among them a ZIP that once made ZIPFoundation's in-memory reader trap.
    @Test func workbookInputsAreReadOrRefused() throws {
        let inputs = try Self.corpus("FuzzWorkbook")
        #expect(!inputs.isEmpty)
        for (name, data) in inputs {
            let workbook = data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? data
                : try WorkbookReaderTests.workbook(sheet: String(decoding: data, as: UTF8.self))
            do {
                let reader = try WorkbookReader(data: workbook)
                for sheet in reader.sheets { try reader.forEachRow(of: sheet) { _, _ in } }
            } catch is WorkbookError {
            } catch {
                Issue.record("\(name): \(error) is not a WorkbookError")
            }
        }
    }

    /// Every statistics file input is read or refused with located errors, one line each, never a crash.
    @Test(arguments: ["FuzzStatisticsCSV", "FuzzStatisticsXML", "FuzzStatisticsJSON", "FuzzComtrade", "FuzzWorldBank"])
    func statisticsInputsAreReadOrRefusedAtTheirPlace(target: String) throws {
        let inputs = try Self.corpus(target)
        #expect(!inputs.isEmpty)
        for (name, data) in inputs {
            do {
                let message = switch target {
                case "FuzzStatisticsCSV": try SDMXCSVReader(file: "input.csv").read(data)
                case "FuzzStatisticsXML": try SDMXMLReader(file: "input.xml").read(data)
                case "FuzzStatisticsJSON": try SDMXJSONReader(file: "input.json").read(data)
                case "FuzzComtrade": try ComtradeReader(file: "input").read(data)
                default: try WorldBankReader(file: "input").read(data)
                }
                _ = try? SeriesSelection(codes: [:]).series(of: message)
            } catch let problems as StatisticsFileProblems {
                #expect(!problems.errors.isEmpty, "\(name)")
                let lines = Self.lineCount(data)
                for error in problems.errors {
                    #expect((1...lines).contains(error.line) && error.column >= 1, "\(name): \(error.line):\(error.column) is outside the input's \(lines) lines")
                }
                #expect(problems.description.split(separator: "\n", omittingEmptySubsequences: false).count == problems.errors.count, "\(name)")
            } catch {
                Issue.record("\(name): \(error) is not a StatisticsFileProblems")
            }
        }
    }

    @Test func languageServerInputsGetJSONRPCAnswersAndAnEnd() throws {
        let start = LanguageServerProtocolTests.request(0, "initialize", #"{"rootUri":"file:///fuzz"}"#)
        for (name, data) in try Self.corpus("FuzzLanguageServer") {
            var sent: [Data] = []
            let status = LanguageServer.serve(Data(start) + data) { sent.append($0) }
            #expect(status == 0 || status == 1, "\(name)")
            for body in sent {
                let message = try JSONSerialization.jsonObject(with: body) as? [String: Any]
                #expect(message?["jsonrpc"] as? String == "2.0", "\(name)")
            }
        }
    }
}
