import Foundation
import Testing
@testable import Bilateral

/// An export replaces its destination whole or not at all: a failing writer, a refused directory or an
/// interruption leave what was there, and no staging file behind.
struct AtomicExportTests {
    /// Writes part of its output, then fails.
    struct FailingWriter: DatasetWriter {
        let format = "failing"
        let summary = "fails half way"
        let layout: OutputLayout

        func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
            let file = try output.file("part.txt")
            try file.write(String(repeating: "partial ", count: 300_000))
            throw ExportError.unwritable("failed on purpose")
        }
    }

    static func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".bilateral-") }
    }

    @Test(arguments: [OutputLayout.file(extension: "txt"), .directory])
    func aFailingWriterLeavesTheOldOutputAndNoStaging(layout: OutputLayout) throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appending(path: "out")
        if layout == .directory {
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
            try Data("old".utf8).write(to: destination.appending(path: "part.txt"))
        } else {
            try Data("old".utf8).write(to: destination)
        }
        let exporter = Exporter(registry: WriterRegistry([FailingWriter(layout: layout)]))
        #expect(throws: ExportError.unwritable("failed on purpose")) {
            try exporter.export(try Export.validated("Fixtures/valid/minimal.yaml"), format: "failing", to: .path(destination.path))
        }
        let old = layout == .directory ? destination.appending(path: "part.txt") : destination
        #expect(try Data(contentsOf: old) == Data("old".utf8))
        #expect(try Self.leftovers(in: directory) == [])
    }

    @Test func aDirectoryWithOtherFilesIsNotReplaced() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appending(path: "out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: destination.appending(path: "notes.txt"))
        #expect(throws: ExportError.self) {
            try Exporter().export(try Export.validated("Fixtures/valid/minimal.yaml"), format: "csv", to: .path(destination.path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["notes.txt"])
        #expect(try Self.leftovers(in: directory) == [])
    }

    @Test func anEarlierExportIsReplacedWhole() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appending(path: "out")
        let exporter = Exporter()
        try exporter.export(try Export.validated("Fixtures/valid/edge-cases.yaml"), format: "csv", to: .path(destination.path))
        try exporter.export(try Export.validated("Fixtures/valid/minimal.yaml"), format: "csv", to: .path(destination.path))
        #expect(try Export.contents(of: destination) == (try Export.run("Fixtures/valid/minimal.yaml", format: "csv")))
        #expect(try Self.leftovers(in: directory) == [])
    }

    @Test func destinationsThatCannotTakeTheOutputAreRefused() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Export.validated("Fixtures/valid/minimal.yaml")
        let file = directory.appending(path: "file.json")
        try Data("old".utf8).write(to: file)
        #expect(throws: ExportError.self) { try Exporter().export(dataset, format: "csv", to: .path(file.path)) }
        #expect(throws: ExportError.self) { try Exporter().export(dataset, format: "json", to: .path(directory.path)) }
        #expect(throws: ExportError.self) { try Exporter().export(dataset, format: "json", to: .path(directory.path + "/missing/x.json")) }
        #expect(throws: ExportError.self) { try Exporter().export(dataset, format: "csv", to: .standardOutput) }
        #expect(throws: ExportError.unknownFormat("xml", known: ["csv", "json", "xlsx", "sqlite", "brief", "brief-docx", "brief-html"])) {
            try Exporter().export(dataset, format: "xml", to: .path(file.path))
        }
        #expect(try Data(contentsOf: file) == Data("old".utf8))
        #expect(try Self.leftovers(in: directory) == [])
    }

    /// The real process, interrupted while it writes a large export.
    /// The real process, interrupted while it writes a large export. A signal that lands just after the
    /// rename (a loaded machine can delay it) finds the complete new file, which is also whole; the
    /// attempt is then repeated until one interrupts the writing itself.
    @Test func anInterruptedExportLeavesTheOldFileAndNoStaging() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try String(contentsOf: Repository.url("Fixtures/valid/observations-csv.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../archive/", with: "")
        try dataset.write(to: directory.appending(path: "big.yaml"), atomically: true, encoding: .utf8)
        try Export.copyArchives(to: directory)
        var rows = "period,value,hs_code,description\n"
        for index in 0..<400_000 { rows += "20\(10 + index % 10)-0\(1 + index % 9),\(index).5,0306,\"Fish, frozen \(index)\"\n" }
        try rows.write(to: directory.appending(path: "observations.csv"), atomically: true, encoding: .utf8)
        let destination = directory.appending(path: "out.json")
        let arguments = ["export", directory.appending(path: "big.yaml").path, "--format", "json", "--output", destination.path]

        var interruptedWhileWriting = false
        var completeOutputs: [Data] = []
        for _ in 0..<5 where !interruptedWhileWriting {
            try Data("old".utf8).write(to: destination)
            let process = Process()
            process.executableURL = Transcript.binary
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            // `isRunning` can read false just after `run()`; the termination handler says when it has really ended.
            let ended = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in ended.signal() }
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            while try Self.leftovers(in: directory).isEmpty, Date() < deadline {
                if ended.wait(timeout: .now() + .milliseconds(1)) == .success { ended.signal(); break }
            }
            let wasWriting = try !Self.leftovers(in: directory).isEmpty
            process.interrupt()
            process.waitUntilExit()
            #expect(wasWriting, "the export finished before it could be interrupted")
            #expect(try Self.leftovers(in: directory) == [])
            let left = try Data(contentsOf: destination)
            if process.terminationReason == .uncaughtSignal, left == Data("old".utf8) {
                interruptedWhileWriting = true
            } else {
                completeOutputs.append(left)
            }
        }
        #expect(interruptedWhileWriting)
        if !completeOutputs.isEmpty {
            try Data("old".utf8).write(to: destination)
            #expect(try Transcript.run(arguments).status == 0)
            let complete = try Data(contentsOf: destination)
            #expect(completeOutputs.allSatisfy { $0 == complete }, "an interruption left a partial file")
        }
    }

    /// Hole: `--output -` for XLSX spooled the workbook to a named file in /tmp, which `kill -9` left
    /// behind. The spool is now an unnamed file (`O_TMPFILE`), reached through its descriptor: while it
    /// is open there is no new name in /tmp, so there is none for a killed process to leave.
    @Test func theSpoolOfABinaryFileOnStandardOutputHasNoName() throws {
        let names = { Set(try FileManager.default.contentsOfDirectory(atPath: "/tmp").filter { $0.hasPrefix("bilateral-export") }) }
        let before = try names()
        let output = ExportOutput(place: .standardOutput, options: ExportOptions(), progress: .silent)
        let path = try output.path("workbook.xlsx")
        defer { output.discardAll() }
        #expect(path.hasPrefix("/proc/self/fd/"))
        try Data("spooled".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("spooled".utf8))
        #expect(try names().subtracting(before).isEmpty)
    }
}
