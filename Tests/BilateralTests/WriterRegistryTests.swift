import Foundation
import Testing
import Bilateral

/// A writer defined outside the library, as another Swift program would write one.
struct EventListWriter: DatasetWriter {
    let format = "event-list"
    let summary = "events as a Markdown list"
    let layout = OutputLayout.file(extension: "md")

    func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
        let file = try output.file("events.md")
        try file.write("# \(dataset.dataset.metadata.title)\n\n")
        for event in dataset.dataset.events { try file.write("- \(event.start): \(event.title)\n") }
    }
}

/// The registry is a plain value that programs extend with their own writers.
struct WriterRegistryTests {
    @Test func theStandardRegistryHasTheBuiltInFormats() {
        #expect(WriterRegistry.standard.formats == ["csv", "json", "xlsx", "sqlite", "brief", "brief-docx", "brief-html"])
    }

    @Test func aWriterFromAnotherModuleExportsThroughTheRegistry() throws {
        var registry = WriterRegistry.standard
        registry.register(EventListWriter())
        #expect(registry.formats == ["csv", "json", "xlsx", "sqlite", "brief", "brief-docx", "brief-html", "event-list"])
        let files = try Export.run("Fixtures/valid/minimal.yaml", format: "event-list", registry: registry)
        #expect(files["out"] == Data("# Test relations\n\n- 2019-10-20: President visits Tokyo\n".utf8))
    }

    @Test func registeringAFormatAgainReplacesItsWriter() {
        var registry = WriterRegistry([JSONWriter(), EventListWriter()])
        registry.register(EventListWriter())
        #expect(registry.formats == ["json", "event-list"])
    }
}
