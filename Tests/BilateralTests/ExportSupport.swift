import Foundation
@testable import Bilateral

/// Exports of fixtures into temporary places, for the writer tests.
enum Export {
    static func validated(_ path: String) throws -> ValidatedDataset {
        let checked = try DatasetValidation.check(path: path.hasPrefix("/") ? path : Repository.url(path).path)
        guard let validated = checked.validated(strict: true) else {
            throw ExportError.unwritable("\(path) does not validate: \(checked.report.findings.map(\.message))")
        }
        return validated
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "bilateral-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the archived texts of `Fixtures/archive` into `directory`, for a dataset written there
    /// that names them without the `../archive/` prefix (a file reference may not leave its root).
    static func copyArchives(to directory: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.url("Fixtures/archive").path) {
            try FileManager.default.copyItem(at: Repository.url("Fixtures/archive/\(name)"), to: directory.appending(path: name))
        }
    }

    /// The files of an export, by name (one entry named after the file for one-file formats).
    static func run(_ path: String, format: String, registry: WriterRegistry = .standard,
                    options: ExportOptions = ExportOptions()) throws -> [String: Data] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "out")
        try Exporter(registry: registry).export(try validated(path), format: format, to: .path(output.path), options: options)
        return try contents(of: output)
    }

    static func contents(of url: URL) throws -> [String: Data] {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard isDirectory.boolValue else { return [url.lastPathComponent: try Data(contentsOf: url)] }
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            files[name] = try Data(contentsOf: url.appending(path: name))
        }
        return files
    }
}
