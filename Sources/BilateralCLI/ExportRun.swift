import ArgumentParser
import Bilateral
import Foundation

/// What `export` and `brief` share: validate the dataset, print its findings, and write it with one
/// writer through the exporter, so the output replaces its path only whole.
struct ExportRun {
    let dataset: String?
    /// `--root`: the directory the dataset's file references must stay inside.
    let root: String?
    let strict: Bool
    /// `--quiet`: no line saying what was written, and no notes.
    var quiet = false
    /// Record documents already composed by another run of the same portfolio.
    var documents: ComposedDocuments? = nil
    /// Where messages go.
    var console = Console.direct

    /// Exports, or with `check` compares what would be written with what `output` holds and writes nothing:
    /// exit status 0 (silently) when they are the same, 1 with a line naming the stale output.
    func export(with writer: any DatasetWriter, output: String, options: ExportOptions = ExportOptions(), check: Bool = false) throws {
        if check, output == "-" { throw ValidationError("--check needs --output PATH: it compares the export with that file") }
        let checked = try DatasetInput.check(dataset, root: root, observationFiles: false, documents: documents)
        if !checked.report.findings.isEmpty || checked.report.suppressed > 0 {
            console.error(ReportFormat.text.render(checked.report, strict: strict))
        }
        guard let validated = checked.validated(strict: strict) else {
            if check {
                console.output("\(output) cannot be brought up to date: the dataset is invalid; fix it, then run the command without --check\n")
            } else {
                console.error("bilateral: nothing exported: the dataset is invalid\n")
            }
            throw ExitCode(1)
        }
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        var destination: Exporter.Destination = output == "-" ? .standardOutput : .path(output)
        if check {
            let directory = FileManager.default.temporaryDirectory.appending(path: "bilateral-check-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            scratch = directory
            destination = .path(directory.appending(path: (output as NSString).lastPathComponent).path)
        }
        do {
            let result = try Exporter(registry: WriterRegistry([writer])).export(validated, format: writer.format, to: destination,
                                                                               options: options, progress: console === Console.direct ? TerminalProgress.forExport() : .silent)
            if !check, !quiet {
                for note in result.notes { console.error("bilateral: \(note)\n") }
                if output != "-" {
                    let summary = [result.summary, OutputSize.of(output)].compactMap { $0 }.joined(separator: ", ")
                    console.error("wrote \(output)\(summary.isEmpty ? "" : ": " + summary)\n")
                }
            }
        } catch ExportError.invalidObservations(let found) {
            let report = ValidationReport(files: checked.report.files, findings: found.findings, suppressed: found.suppressed)
            console.error(ReportFormat.text.render(report, strict: strict))
            console.error("bilateral: nothing exported: the dataset is invalid\n")
            throw ExitCode(1)
        } catch let error as ExportError {
            throw InputError(description: error.description)
        } catch let error as BriefError {
            throw InputError(description: error.description)
        } catch let error as PluginError {
            throw InputError(description: error.description)
        }
        if check, case .path(let staged) = destination,
           let difference = StaleOutput.difference(fresh: URL(fileURLWithPath: staged), current: output) {
            console.output("\(output) is stale: \(difference); run the command without --check to update it\n")
            throw ExitCode(1)
        }
    }
}
