import ArgumentParser
import Bilateral
import Foundation

/// `brief DIR --output-dir OUT` and `export DIR --output-dir OUT`: one output per relationship of a
/// portfolio, named after its dataset file, each replaced whole (or, with `--check`, compared), going on
/// past an invalid dataset so that every stale or invalid one is named in one run.
struct PortfolioRun {
    let directory: String
    let outputDirectory: String
    let root: String?
    let strict: Bool
    let quiet: Bool
    /// How many relationships to write at once.
    let jobs: Int

    /// Whether the argument names a directory, which these commands take as a portfolio.
    static func isDirectory(_ path: String?) -> Bool {
        var isDirectory: ObjCBool = false
        guard let path else { return false }
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether the argument names a record document of shared records.
    static func isRecordDocument(_ path: String) -> Bool {
        guard path != "-", let data = FileManager.default.contents(atPath: path) else { return false }
        return PortfolioDirectory.kind(of: data, path: path) == .records
    }

    /// The datasets and record documents under `directory`; a usage error when there is no dataset.
    static func scan(_ directory: String) throws -> PortfolioDirectory {
        let portfolio: PortfolioDirectory
        do { portfolio = try PortfolioDirectory(scanning: directory) } catch { throw InputError(description: "\(error)") }
        guard !portfolio.datasets.isEmpty else { throw InputError(description: "no dataset document under '\(directory)'") }
        return portfolio
    }

    /// - Parameter name: the output's name for a dataset file's base name (`fr-de` → `fr-de.txt`).
    func run(with writer: any DatasetWriter, name: (String) -> String, options: ExportOptions = ExportOptions(), check: Bool) throws {
        let portfolio = try Self.scan(directory)
        var planned: [(dataset: String, output: String)] = []
        var writers: [String: String] = [:]
        for path in portfolio.datasets {
            let output = (outputDirectory as NSString).appendingPathComponent(name(((path as NSString).lastPathComponent as NSString).deletingPathExtension))
            if let other = writers.updateValue(path, forKey: output) {
                throw InputError(description: "'\(other)' and '\(path)' would both write '\(output)'; give the dataset files different names")
            }
            planned.append((path, output))
        }
        if !check { try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true) }
        let documents = ComposedDocuments()
        let work = planned
        let printsAsItGoes = min(jobs, work.count) <= 1
        let outcomes = parallelMap(work.count, jobs: jobs) { index -> (console: Console, error: (any Error)?) in
            let console = printsAsItGoes ? Console.direct : Console.holding()
            let run = ExportRun(dataset: work[index].dataset, root: root, strict: strict, quiet: quiet, documents: documents, console: console)
            do {
                try run.export(with: writer, output: work[index].output, options: options, check: check)
                return (console, nil)
            } catch {
                return (console, error)
            }
        }
        var failed = 0
        for outcome in outcomes {
            outcome.console.flush()
            if let exit = outcome.error as? ExitCode, exit == ExitCode(1) { failed += 1 } else if let error = outcome.error { throw error }
        }
        if failed > 0 {
            FileHandle.standardError.write(Data("bilateral: \(failed) of \(portfolio.datasets.count) relationships \(check ? "are stale or invalid" : "were not written (invalid)")\n".utf8))
            throw ExitCode(1)
        }
    }
}
