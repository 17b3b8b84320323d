import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral import`: an edited workbook or CSV export back into the dataset.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Write the edits made to an exported workbook (or CSV export) back into the dataset.",
            discussion: """
                Reads a workbook that 'export --format xlsx' wrote and someone then edited and saved (in \
                Excel, LibreOffice, Gnumeric or a program), or a directory that 'export --format csv' wrote. \
                Rows are matched to records by id, observations by series, period and dimensions: changed \
                cells become changed fields, new rows new records, deleted rows removed records. The edits \
                are made in place in the dataset's YAML (and record documents and observation files): every \
                byte the edit does not change stays as written. The edited dataset is validated as a whole \
                before any file is written, and the files are replaced all or none.

                Only what was changed in the workbook is applied. The workbook records what it was made \
                from (a fingerprint of the dataset and, in a git work tree, the commit); a cell changed both \
                in the workbook and in the dataset since is a conflict, listed with its three values, and \
                nothing is written. A workbook without that record is compared with the dataset as it is.

                What spreadsheet programs do to values is undone where it can be told for certain and \
                refused where it cannot: a formula, an error value, merged cells over data, a renamed \
                column, digits lost past 15, an apostrophe or blanks added to text, two rows with one id.

                Exit status: 0 applied (or nothing to apply); 1 the import was refused (findings printed, \
                nothing written); 2 the input cannot be read.
                """
        )

        @Argument(help: ArgumentHelp("The edited workbook (.xlsx), or the directory of an edited CSV export.", valueName: "export"),
                  completion: .file(extensions: ["xlsx"]))
        var input: String

        @Option(help: ArgumentHelp("The dataset document to write the edits into. Default: the one the workbook was exported from.", valueName: "dataset"),
                completion: DatasetInput.completion)
        var into: String?

        @Flag(help: "Show what would change; write nothing.")
        var dryRun = false

        @Option(help: "text (default), markdown (a pull-request comment) or json (versioned, described by Schemas/import-report.schema.json).")
        var format: DiffFormat = .text

        @OptionGroup var rootOption: RootOption

        func run() throws {
            let isDirectory = PortfolioRun.isDirectory(input)
            guard isDirectory || FileManager.default.fileExists(atPath: input) else {
                throw InputError(description: "cannot read '\(VisibleText.escaped(input))': no such file or directory")
            }
            let provenance: ExportProvenance?
            do { provenance = isDirectory ? nil : try ExportProvenance.read(workbook: input) } catch {
                throw InputError(description: "\(VisibleText.escaped(input)): \(error)")
            }
            let datasetPath = try datasetPath(provenance)
            let checked = try DatasetInput.check(datasetPath, root: rootOption.root)
            guard let current = checked.validated(strict: false) else {
                FileHandle.standardError.write(Data(ReportFormat.text.render(checked.report, strict: false).utf8))
                FileHandle.standardError.write(Data("bilateral: nothing imported: the dataset '\(VisibleText.escaped(datasetPath))' is invalid as it is; fix it first\n".utf8))
                throw ExitCode(1)
            }
            var notes: [String] = []
            var baseMissing: String?
            let base = try base(for: current, provenance: provenance, datasetPath: datasetPath, notes: &notes, missing: &baseMissing)
            let importer = DatasetImport(current: current, currentFile: datasetPath, base: base, importName: input)
            var outcome: DatasetImport.Outcome
            do {
                outcome = isDirectory ? try importer.importCSVDirectory(at: input) : try importer.importWorkbook(at: input, displayName: input)
            } catch let error as WorkbookError {
                throw InputError(description: "\(VisibleText.escaped(input)): \(error)")
            } catch let error as DatasetFileError {
                throw InputError(description: error.description)
            }
            outcome.notes = notes + outcome.notes
            if let baseMissing, !outcome.files.isEmpty || outcome.hasErrors {
                // Without the version it was made from, the workbook's edits cannot be told from changes made since.
                throw InputError(description: baseMissing)
            }
            let refused = outcome.hasErrors
            let willWrite = !refused && !dryRun && !outcome.files.isEmpty
            FileHandle.standardOutput.write(Data(ImportReport(outcome: outcome, dryRun: dryRun, applied: willWrite).render(format).utf8))
            if refused {
                let errors = outcome.findings.filter(\.isError).count
                FileHandle.standardError.write(Data("bilateral: nothing imported: \(errors) \(errors == 1 ? "error" : "errors") in the import\n".utf8))
                throw ExitCode(1)
            }
            guard willWrite else {
                if dryRun, !outcome.files.isEmpty {
                    FileHandle.standardError.write(Data("bilateral: dry run: would write \(outcome.files.map(\.path).joined(separator: ", "))\n".utf8))
                }
                return
            }
            do { try EditedFilesWriter.replace(outcome.files) } catch let error as ExportError {
                throw InputError(description: error.description)
            }
            FileHandle.standardError.write(Data("wrote \(outcome.files.map(\.path).joined(separator: ", "))\n".utf8))
        }

        /// The dataset to import into: `--into`, else the one the workbook names.
        private func datasetPath(_ provenance: ExportProvenance?) throws -> String {
            if let into { return into }
            guard let file = provenance?.datasetFile else {
                throw ValidationError("name the dataset to import into with --into: the export does not say which dataset it was made from")
            }
            guard let top = GitFiles.topLevel() else {
                throw ValidationError("name the dataset to import into with --into: the workbook names '\(VisibleText.escaped(file))' in a git work tree, and this is none")
            }
            return (top as NSString).appendingPathComponent(file)
        }

        /// The dataset as the workbook was made from it, when it has changed since; nil when it is the
        /// same as now (or the export records nothing, which a note says).
        /// - Parameter missing: set, when the version the workbook was made from cannot be found, to why; the
        ///   import may then only find that nothing is left to do.
        private func base(for current: ValidatedDataset, provenance: ExportProvenance?, datasetPath: String,
                          notes: inout [String], missing: inout String?) throws -> ValidatedDataset? {
            guard let provenance else {
                notes.append("\(input) does not record what it was exported from (not made by bilateral, or by an older version): compared with the dataset as it is")
                return nil
            }
            if try DatasetFingerprint.of(TabularView(current)) == provenance.fingerprint { return nil }
            guard let commit = provenance.commit, let file = provenance.datasetFile else {
                missing = "\(input) was exported from a version of the dataset that has changed since and that git does not hold (it was not committed), so its edits cannot be told from the changes made since; export the workbook again and make the edits there"
                return nil
            }
            let files = GitFiles(revision: commit, directory: (file as NSString).deletingLastPathComponent)
            let data = try GitFiles.blob(commit, file)
            let checked = DatasetValidation.check(data, file: "\(commit.prefix(12)):\(file)", files: files)
            guard let base = checked.validated(strict: false), try DatasetFingerprint.of(TabularView(base)) == provenance.fingerprint else {
                throw InputError(description: "\(input) was exported from commit \(commit.prefix(12)), but the dataset there is not the one exported (its fingerprint differs); export the workbook again")
            }
            notes.append("the dataset changed since \(input) was exported at commit \(commit.prefix(12)): only what was changed in the workbook is applied")
            return base
        }
    }
}
