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
