import Foundation
import PackagePlugin

/// Builds the dataset of record, its archived sources, the JSON Schema and the briefing templates into
/// the library, so that the binary works from any directory while the repository keeps one copy of
/// each file.
@main
struct EmbedResources: BuildToolPlugin {
    /// Files and folders, relative to the package root, whose files are embedded; `folder/*.ext` takes
    /// the folder's files with that extension only.
    static let embedded = ["Fixtures/pakistan-japan.yaml", "Fixtures/archive", "Schemas", "Reports/*.mustache", "Reports/*.xml"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var files: [String] = []
        for pattern in Self.embedded {
            let star = pattern.range(of: "/*")
            let entry = star.map { String(pattern[..<$0.lowerBound]) } ?? pattern
            let suffix = star.map { String(pattern[$0.upperBound...]) } ?? ""
            let url = root.appending(path: entry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                files += names.filter { !$0.hasPrefix(".") && $0.hasSuffix(suffix) }.sorted().map { "\(entry)/\($0)" }
            } else {
                files.append(entry)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) resource files",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [root.path, output.path] + files,
                inputFiles: files.map { root.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}
