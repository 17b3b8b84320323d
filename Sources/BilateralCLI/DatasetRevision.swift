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
    /// The dataset documents of a portfolio named on the command line, a directory or `REV:DIR`, each
    /// as a version argument (`load` reads it) by its path under the directory; nil when the argument
    /// names no directory.
    static func portfolio(_ argument: String) throws -> [String: String]? {
        if PortfolioRun.isDirectory(argument) {
            let portfolio = try PortfolioRun.scan(argument)
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            return Dictionary(uniqueKeysWithValues: portfolio.datasets.map { (String($0.dropFirst(prefix.count)), $0) })
        }
        guard !FileManager.default.fileExists(atPath: argument), let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else { return nil }
        let revision = String(argument[..<colon])
        let directory = try GitFiles.repositoryPath(String(argument[argument.index(after: colon)...]))
        guard try GitFiles.isDirectory(revision, directory) else { return nil }
        let prefix = directory.isEmpty ? "" : directory + "/"
        var datasets: [String: String] = [:]
        for path in try GitFiles.files(revision, under: directory) where ["yaml", "yml", "json"].contains((path as NSString).pathExtension) {
            let name = String(path.dropFirst(prefix.count))
            // Hidden files and directories under the directory are skipped, as on disk.
            guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  PortfolioDirectory.kind(of: try GitFiles.blob(revision, path), path: path) == .dataset else { continue }
            datasets[name] = "\(revision):\(path)"
        }
        guard !datasets.isEmpty else { throw InputError(description: "no dataset document under '\(argument)'") }
        return datasets
    }
}
