import ArgumentParser
import Bilateral
import Foundation

/// What `export` and `brief` share: validate the dataset, print its findings, and write it with one
/// writer through the exporter, so the output replaces its path only whole.
struct ExportRun {
    let dataset: String?
    let strict: Bool

    func export(with writer: any DatasetWriter, output: String, options: ExportOptions = ExportOptions()) throws {
        let checked = try DatasetInput.check(dataset, observationFiles: false)
        if !checked.report.findings.isEmpty || checked.report.suppressed > 0 {
            FileHandle.standardError.write(Data(ReportFormat.text.render(checked.report, strict: strict).utf8))
        }
        guard let validated = checked.validated(strict: strict) else {
            FileHandle.standardError.write(Data("bilateral: nothing exported: the dataset is invalid\n".utf8))
            throw ExitCode(1)
        }
        let destination: Exporter.Destination = output == "-" ? .standardOutput : .path(output)
        do {
            let notes = try Exporter(registry: WriterRegistry([writer])).export(validated, format: writer.format, to: destination,
                                                                              options: options, progress: ExportProgress())
            for note in notes { FileHandle.standardError.write(Data("bilateral: \(note)\n".utf8)) }
        } catch ExportError.invalidObservations(let found) {
            let report = ValidationReport(files: checked.report.files, findings: found.findings, suppressed: found.suppressed)
            FileHandle.standardError.write(Data(ReportFormat.text.render(report, strict: strict).utf8))
            FileHandle.standardError.write(Data("bilateral: nothing exported: the dataset is invalid\n".utf8))
            throw ExitCode(1)
        } catch let error as ExportError {
            throw InputError(description: error.description)
        } catch let error as BriefError {
            throw InputError(description: error.description)
        }
    }
}
