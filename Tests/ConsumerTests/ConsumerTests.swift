import Bilateral
import Foundation
import Testing

/// A program that depends on the library, using its public API only (no `@testable`): what is public
/// is what is tested here.
struct ConsumerTests {
    /// Pakistan–Japan in a few records, made in code.
    static func dataset() -> Dataset {
        var metadata = Metadata()
        metadata.title = "Made in code"
        metadata.countries = ["pk", "jp"]
        metadata.version = "1.0.0"
        metadata.asOf = PartialDate(year: 2024, month: 6, day: 1)
        metadata.licence = "CC-BY-4.0"
        var pakistan = Country()
        (pakistan.id, pakistan.alpha2, pakistan.alpha3, pakistan.name) = ("pk", "PK", "PAK", "Pakistan")
        var japan = Country()
        (japan.id, japan.alpha2, japan.alpha3, japan.name) = ("jp", "JP", "JPN", "Japan")
        var source = Source()
        (source.id, source.title, source.url) = ("brief", "Brief on Pakistan-Japan Relations", "https://example.org/brief")
        var statement = Statement()
        (statement.id, statement.topic, statement.text) = ("friendly", .overview, "The relations are friendly.")
        statement.citations = [Citation(source: "brief")]
        return Dataset(metadata: metadata, sources: [source], countries: [pakistan, japan], statements: [statement])
    }

    static let files = DiskFiles(directory: FileManager.default.temporaryDirectory.path)

    @Test func aDatasetMadeInCodeValidatesExportsAndReadsBack() throws {
        let checked = DatasetValidation.check(Self.dataset(), files: Self.files)
        #expect(checked.report.errorCount == 0, "\(checked.report.findings.map(\.message))")
        let validated = try #require(checked.validated(strict: false))
        let path = FileManager.default.temporaryDirectory.appending(path: "consumer-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Exporter().export(validated, format: "json", to: .path(path))
        let reread = try DatasetValidation.check(path: path)
        #expect(reread.report.errorCount == 0)
        #expect(reread.dataset?.statements.map(\.text) == ["The relations are friendly."])
    }

    @Test func theCanonicalJSONIsAlsoDataAndReadsBack() throws {
        let validated = try #require(DatasetValidation.check(Self.dataset(), files: Self.files).validated(strict: false))
        let data = try JSONWriter.data(validated)
        #expect(try JSONWriter.text(validated).hasPrefix("{\n  \"format\": \"bilateral/1\""))
        let reread = DatasetValidation.check(data, file: "memory.json", files: Self.files)
        #expect(reread.report.errorCount == 0 && reread.dataset?.countries.map(\.name) == ["Pakistan", "Japan"])
    }

    @Test func aBrokenReferenceIsAnErrorAndNothingCanExportIt() {
        var dataset = Self.dataset()
        dataset.statements[0].citations = [Citation(source: "no-such-source")]
        let checked = DatasetValidation.check(dataset, files: Self.files)
        #expect(checked.report.errorCount > 0)
        #expect(checked.validated(strict: false) == nil)
    }

    @Test func errorsSayWhatTheCommandLineSays() throws {
        let validated = try #require(DatasetValidation.check(Self.dataset(), files: Self.files).validated(strict: false))
        do {
            try Exporter().export(validated, format: "cvs", to: .path("/tmp/never-written"))
            Issue.record("an unknown format exported")
        } catch {
            #expect(error.localizedDescription.hasPrefix("unknown format 'cvs'; did you mean 'csv'?"))
        }
    }

    /// A writer of another module, registered beside the built-in ones.
    struct StatementList: DatasetWriter {
        let format = "statement-list"
        let summary = "the statements, a line each"
        let layout = OutputLayout.file(extension: "txt")

        func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
            try output.file("statements.txt").write(dataset.statements.map { $0.text + "\n" }.joined())
        }
    }

    @Test func aWriterOfAnotherModuleExportsThroughTheRegistry() throws {
        var registry = WriterRegistry.standard
        registry.register(StatementList())
        let validated = try #require(DatasetValidation.check(Self.dataset(), files: Self.files).validated(strict: false))
        let path = FileManager.default.temporaryDirectory.appending(path: "consumer-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let events = Events()
        try Exporter(registry: registry).export(validated, format: "statement-list", to: .path(path),
                                                progress: ExportProgress { events.append($0) })
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "The relations are friendly.\n")
        #expect(events.all == [.finished])
    }

    /// Progress events, collected from the exporting thread.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [ExportProgress.Event] = []
        func append(_ event: ExportProgress.Event) { lock.withLock { events.append(event) } }
        var all: [ExportProgress.Event] { lock.withLock { events } }
    }
}
