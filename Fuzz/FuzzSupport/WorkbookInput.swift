import Bilateral
import Foundation
import ZIPFoundation

/// The dataset, its exported workbook and the files they are read from, made once per process, that the
/// workbook fuzz target edits: an event with people and a quote, and observations in the document and in
/// a file.
public struct WorkbookScene: Sendable {
    /// The dataset document's bytes, as "fuzz.yaml".
    public let document: Data
    /// The observations file, "rows.csv".
    public let rows: Data
    /// The dataset, validated.
    public let dataset: ValidatedDataset
    /// Each part of the exported workbook, by path, in order.
    public let parts: [(path: String, data: Data)]

    /// The scene, exported once.
    public static let shared = WorkbookScene()

    private init() {
        document = Bilateral_fuzzDataset()
        rows = Data("period,value,hs_code\n2019-01,12.5,0306\n2019-02,3,520512\n".utf8)
        let files = MemoryFiles(["rows.csv": rows])
        dataset = DatasetValidation.check(document, file: "fuzz.yaml", files: files).validated(strict: false)!
        let path = FileManager.default.temporaryDirectory.appending(path: "fuzz-\(getpid()).xlsx").path
        try! Exporter(registry: .standard).export(dataset, format: "xlsx", to: .path(path))
        let archive = try! Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        parts = archive.map { entry in
            var data = Data()
            _ = try! archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The workbook with the Events sheet's XML replaced by `sheet`, stored without compression.
    public func workbook(eventsSheet sheet: Data) -> Data {
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            let bytes = path == "xl/worksheets/sheet8.xml" ? sheet : data
            try! archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .none) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// Plans the import of `workbook` into the scene's dataset, in memory.
    public func importing(_ workbook: Data) throws -> DatasetImport.Outcome {
        try DatasetImport(current: dataset, currentFile: "fuzz.yaml", importName: "fuzz.xlsx",
                          documents: ["fuzz.yaml": document, "rows.csv": rows]).importWorkbook(data: workbook, displayName: "fuzz.xlsx")
    }
}

private func Bilateral_fuzzDataset() -> Data {
    dataset("""
        people:
          - {id: a, name: A, country: pk, sources: [s]}
        events:
          - id: e
            kind: visit
            title: A visits Tokyo   # a comment
            start: 2019-10-20
            visitors: [a]
            sources:
              - {source: s, quote: Tokyo}
        series:
          - {id: x, title: X, indicator: trade, currency: USD, scale: million, period_kind: month, dimensions: [hs_code], observations_file: rows.csv, sources: [s]}
          - {id: people, title: People, indicator: other, unit: persons, period_kind: calendar-year, sources: [s]}
        observations:
          - {series: people, period: 2023, value: 19000, sources: [s]}

        """)
}
