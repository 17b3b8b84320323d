import Foundation
@testable import Bilateral

/// Paths and helpers shared by the tests.
enum Repository {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appending(path: path) }

    /// Validates a repository file, naming it by its repository-relative path as the CLI run from the root would.
    static func validate(_ path: String) throws -> ValidationReport {
        let data = try Data(contentsOf: url(path))
        let directory = (path as NSString).deletingLastPathComponent
        return DatasetValidation.validate(data, file: path, files: DiskFiles(directory: url(directory).path, displayDirectory: directory))
    }

    /// Loads a document given as text.
    static func load(_ text: String, file: String = "test.yaml") -> DatasetLoader.Result {
        DatasetLoader().load(Data(text.utf8), file: file)
    }

    static func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path).sorted().map { "\(folder)/\($0)" }
    }
}

/// Runs the built `bilateral` binary and captures what it prints.
struct Transcript {
    var status: Int32
    var stdout: String
    var stderr: String

    static var binary: URL {
        // Tests run from the build products directory's test bundle; the binary sits beside it.
        let products = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?.deletingLastPathComponent()
            ?? Repository.url(".build/debug")
        return products.appending(path: "bilateral")
    }

    /// Runs `bilateral` (or another `executable`) with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: URL = Repository.root, executable: URL = binary) throws -> Transcript {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Transcript(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Datasets the tests build from text.
enum TestDatasets {
    /// The smallest valid dataset of Pakistan and Japan, with one source `s`, to append records to.
    static let header = """
        format: bilateral/1
        dataset: {title: T, countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
        sources:
          - {id: s, title: S, tier: official}
        countries:
          - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
          - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}

        """
}
