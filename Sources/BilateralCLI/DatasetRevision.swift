import Bilateral
import Foundation

/// A version of a dataset named on the command line: a path, or `REV:PATH` read from git.
enum DatasetRevision {
    static func load(_ argument: String) throws -> DatasetVersion {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: argument) else {
                throw InputError(description: "cannot read '\(argument)': \(String(cString: strerror(errno)))")
            }
            return try DatasetComparison.load(data, name: argument, file: argument,
                                              files: DiskFiles(directory: (argument as NSString).deletingLastPathComponent))
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
