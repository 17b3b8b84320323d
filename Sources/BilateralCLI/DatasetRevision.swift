import Bilateral
import Foundation

/// A version of a dataset named on the command line: a path, or `REV:PATH` read from git.
enum DatasetRevision {
    /// - Parameter root: the directory a version on disk may refer to files in (`--root`); nil for the default.
    static func load(_ argument: String, root: String?) throws -> DatasetVersion {
        if FileManager.default.fileExists(atPath: argument) {
            let data: Data
            do { data = try DatasetDocument.read(argument) } catch { throw InputError(description: "\(error)") }
            return try DatasetComparison.load(data, name: argument, file: argument,
                                              files: DiskFiles(directory: (argument as NSString).deletingLastPathComponent, root: root))
        }
        guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else {
            throw InputError(description: "cannot read '\(argument)': no such file (name a git version as REV:PATH)")
        }
        let revision = String(argument[..<colon])
        let path = try GitFiles.repositoryPath(String(argument[argument.index(after: colon)...]))
        let files = GitFiles(revision: revision, directory: (path as NSString).deletingLastPathComponent)
        let data = try GitFiles.blob(revision, path)
        return try DatasetComparison.load(data, name: argument, file: "\(revision):\(path)", files: files)
    }
}

extension DatasetRevision {
    /// The documents of a portfolio named on the command line, a directory or `REV:DIR`.
    struct Portfolio {
        /// Each dataset document as a version argument (`load` reads it), by its path under the directory.
        var datasets: [String: String]
        /// Each record document as a version argument (`loadRecords` reads it), by its path under the directory.
        var recordDocuments: [String: String]
    }

    /// The documents of a portfolio named on the command line; nil when the argument names no directory.
    static func portfolio(_ argument: String) throws -> Portfolio? {
        if PortfolioRun.isDirectory(argument) {
            let portfolio = try PortfolioRun.scan(argument)
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            let named = { (paths: [String]) in Dictionary(uniqueKeysWithValues: paths.map { (String($0.dropFirst(prefix.count)), $0) }) }
            return Portfolio(datasets: named(portfolio.datasets), recordDocuments: named(portfolio.recordDocuments))
        }
        guard !FileManager.default.fileExists(atPath: argument), let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else { return nil }
        let revision = String(argument[..<colon])
        let directory = try GitFiles.repositoryPath(String(argument[argument.index(after: colon)...]))
        guard try GitFiles.isDirectory(revision, directory) else { return nil }
        let prefix = directory.isEmpty ? "" : directory + "/"
        var portfolio = Portfolio(datasets: [:], recordDocuments: [:])
        for path in try GitFiles.files(revision, under: directory) where ["yaml", "yml", "json"].contains((path as NSString).pathExtension) {
            let name = String(path.dropFirst(prefix.count))
            // Hidden files and directories under the directory are skipped, as on disk.
            guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            switch PortfolioDirectory.kind(of: try GitFiles.blob(revision, path), path: path) {
            case .dataset: portfolio.datasets[name] = "\(revision):\(path)"
            case .records: portfolio.recordDocuments[name] = "\(revision):\(path)"
            case nil: break
            }
        }
        guard !portfolio.datasets.isEmpty else { throw InputError(description: "no dataset document under '\(argument)'") }
        return portfolio
    }

    /// A record document named as a path or `REV:PATH`, read on its own (`DatasetComparison.loadRecords`).
    static func loadRecords(_ argument: String, root: String?) throws -> DatasetVersion {
        if FileManager.default.fileExists(atPath: argument) {
            return try DatasetComparison.loadRecords(name: argument, document: (argument as NSString).lastPathComponent,
                                                     files: DiskFiles(directory: (argument as NSString).deletingLastPathComponent, root: root))
        }
        let colon = argument.firstIndex(of: ":")!
        let revision = String(argument[..<colon])
        let path = try GitFiles.repositoryPath(String(argument[argument.index(after: colon)...]))
        return try DatasetComparison.loadRecords(name: argument, document: (path as NSString).lastPathComponent,
                                                 files: GitFiles(revision: revision, directory: (path as NSString).deletingLastPathComponent))
    }
}
