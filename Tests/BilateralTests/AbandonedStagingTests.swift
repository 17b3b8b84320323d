import Foundation
import Testing
@testable import Bilateral

/// A `kill -9` leaves a staging entry that no signal handler could remove: the next export to the same
/// target removes it, but never one of an export still under way; two exports at once never mix.
struct AbandonedStagingTests {
    /// A dataset of 300,000 observations in `directory`, large enough to interrupt while it is written.
    private static func largeDataset(in directory: URL) throws -> String {
        let script = Repository.url("scripts/interop/large_dataset.py").path
        let process = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", script, "300000", directory.path])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return directory.appending(path: "observations-csv.yaml").path
    }

    /// Starts an export and returns once its staging entry exists (or it has ended).
    private static func startExport(_ arguments: [String], watching directory: URL) throws -> (Process, DispatchSemaphore) {
        let process = Process()
        process.executableURL = Transcript.binary
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while try AtomicExportTests.leftovers(in: directory).isEmpty, Date() < deadline {
            if ended.wait(timeout: .now() + .milliseconds(1)) == .success { ended.signal(); break }
        }
        return (process, ended)
    }

    @Test(arguments: ["json", "csv"])
    func killedExportsLeaveNothingOnceTheNextRunHasStarted(format: String) throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Self.largeDataset(in: directory)
        let output = directory.appending(path: "out").path
        let arguments = ["export", dataset, "--format", format, "--output", output]
        var killed = 0
        for _ in 0..<8 {
            let (process, ended) = try Self.startExport(arguments, watching: directory)
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            // At most the entry of the one just killed: each run removes those of the runs before.
            #expect(try AtomicExportTests.leftovers(in: directory).count <= 1)
        }
        #expect(killed > 0)
        #expect(try Transcript.run(arguments).status == 0)
        #expect(try AtomicExportTests.leftovers(in: directory) == [])
    }

    @Test func aSecondExportToTheSameTargetFailsClearlyAndTheFirstWinsWhole() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Self.largeDataset(in: directory)
        let output = directory.appending(path: "out.json")
        try Data("old".utf8).write(to: output)
        let arguments = ["export", dataset, "--format", "json", "--output", output.path]
        let (first, ended) = try Self.startExport(arguments, watching: directory)
        let staging = try AtomicExportTests.leftovers(in: directory)
        let second = try Transcript.run(arguments)
        ended.wait()
        #expect(first.terminationStatus == 0)
        if staging.isEmpty { return }  // the first had already finished: nothing ran at once
        #expect(second.status == 2)
        #expect(second.stderr.contains("another export to it is under way"), "\(second.stderr)")
        // The live export's staging entry was left alone, and its output arrived whole.
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        #expect((written["observations"] as? [Any])?.count == 300_000)
        #expect(try AtomicExportTests.leftovers(in: directory) == [])
    }
}
