import Foundation

/// What `--check` compares: the output an export would write, staged in a temporary place, against
/// what its destination holds now.
enum StaleOutput {
    /// Why `current` does not hold exactly `fresh` (files or directories), or nil when it does.
    static func difference(fresh: URL, current: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let freshIsDirectory = manager.fileExists(atPath: fresh.path, isDirectory: &isDirectory) && isDirectory.boolValue
        guard manager.fileExists(atPath: current, isDirectory: &isDirectory) else { return "it does not exist" }
        guard isDirectory.boolValue == freshIsDirectory else {
            return freshIsDirectory ? "it is a file, not a directory" : "it is a directory, not a file"
        }
        guard freshIsDirectory else { return same(fresh.path, current) ? nil : "its content differs" }
        let expected = Set((try? manager.contentsOfDirectory(atPath: fresh.path)) ?? [])
        let present = Set((try? manager.contentsOfDirectory(atPath: current)) ?? [])
        var problems: [String] = []
        let missing = expected.subtracting(present).sorted()
        let extra = present.subtracting(expected).sorted()
        let changed = expected.intersection(present).sorted().filter { !same(fresh.appending(path: $0).path, current + "/" + $0) }
        if !changed.isEmpty { problems.append("\(changed.joined(separator: ", ")) differ\(changed.count == 1 ? "s" : "")") }
        if !missing.isEmpty { problems.append("\(missing.joined(separator: ", ")) missing") }
        if !extra.isEmpty { problems.append("\(extra.joined(separator: ", ")) not written by the export") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        guard let x = FileManager.default.contents(atPath: a), let y = FileManager.default.contents(atPath: b) else { return false }
        return x == y
    }
}
