import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral import`: an edited workbook or CSV export back into the dataset.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Write an edited workbook (or CSV export), or a series of a statistics file, into the dataset.",
            discussion: """
                WORKBOOKS AND CSV EXPORTS

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

                STATISTICS FILES

                'bilateral import FILE --series ID --into DATASET' takes one series of a statistics file: \
                SDMX (SDMX-CSV 1.0 and 2.x, SDMX-ML 2.1, SDMX-JSON 1.0 and 2.x, as the IMF, OECD, Eurostat, \
                ECB, BIS and UN agencies publish), UN Comtrade (API JSON or CSV) or the World Bank (API JSON \
                or the download CSV). The file says what it is. '--select DIM=CODE' picks the series when the \
                file holds several (the keys are listed when the selection matches none or several). The \
                series' observations become the file's (UNIT_MULT its scale, the currency or unit its own, \
                statuses such as provisional on each value; missing values left out), and a source records \
                the producer, the dataflow, the dates, the licence and the file's SHA-256. A file outside the \
                dataset's root is copied under it (statistics/NAME, or --keep-as), so 'validate' can check \
                the figures against it offline. 'bilateral import --refresh DATASET' reads every imported \
                series' file again, after a newer download was put in its place, and shows the revisions.

                Exit status: 0 applied (or nothing to apply); 1 the import was refused (findings printed, \
                nothing written); 2 the input cannot be read.
                """
        )

        @Argument(help: ArgumentHelp("The edited workbook (.xlsx), the directory of an edited CSV export, or a statistics file; with --refresh, the dataset.",
                                     valueName: "input"),
                  completion: .file(extensions: ["xlsx", "csv", "xml", "json"]))
        var input: String?

        @OptionGroup var statistics: StatisticsImportOptions

        @Option(help: ArgumentHelp("The dataset document to write the edits into. Default: the one the workbook was exported from.", valueName: "dataset"),
                completion: DatasetInput.completion)
        var into: String?

        @Flag(help: "Show what would change; write nothing.")
        var dryRun = false

        @Option(help: "text (default), markdown (a pull-request comment) or json (versioned, described by Schemas/import-report.schema.json).")
        var format: DiffFormat = .text

        @OptionGroup var rootOption: RootOption

        func validate() throws {
            if statistics.refresh {
                guard statistics.series == nil, statistics.select.isEmpty else {
                    throw ValidationError("--refresh reads the files the dataset names; it takes no --series or --select")
                }
            } else if input == nil {
                throw ValidationError("name the workbook, CSV export or statistics file to import (or --refresh DATASET)")
            }
        }

        func run() throws {
            if statistics.refresh { return try refresh() }
            let input = self.input!
            if !PortfolioRun.isDirectory(input), statistics.series != nil || Self.isStatistics(input) {
                return try importStatistics(input)
            }
            let isDirectory = PortfolioRun.isDirectory(input)
            guard isDirectory || FileManager.default.fileExists(atPath: input) else {
                throw InputError(description: "cannot read '\(VisibleText.escaped(input))': no such file or directory")
            }
            // The export is read on a second thread from now on, while the dataset loads on this one.
            let reading: ExportReading
            do {
                reading = isDirectory ? ExportReading(csvDirectory: input) : try ExportReading(workbook: input, displayName: input)
            } catch {
                throw InputError(description: "\(VisibleText.escaped(input)): \(error)")
            }
            defer { reading.stop() }
            let datasetPath = try datasetPath(reading.madeFrom)
            // The observation files are checked by the import's one pass over them, and the rules only when
            // they matter (the edited dataset is validated whole before anything is written). The parse that
            // loads the document also maps it for the edit engine.
            let checked = try DatasetInput.check(datasetPath, root: rootOption.root, observationFiles: false, rules: false, mapsDocument: true)
            guard let current = checked.validated(strict: false) else { return try refuse(checked.report, datasetPath) }
            let importer = DatasetImport(current: current, currentFile: datasetPath, importName: input, base: Self.base)
            let outcome: DatasetImport.Outcome
            do {
                outcome = try importer.importExport(reading)
            } catch let invalid as DatasetImport.InvalidDataset {
                return try refuse(invalid.report, datasetPath)
            } catch let error as WorkbookError {
                throw InputError(description: "\(VisibleText.escaped(input)): \(error)")
            } catch let error as DatasetFileError {
                throw InputError(description: error.description)
            }
            try finish(outcome)
        }

        /// Prints the outcome and, unless it is refused or a dry run, writes its files.
        func finish(_ outcome: DatasetImport.Outcome) throws {
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

        /// Whether the file starts as a statistics file of a format bilateral reads.
        private static func isStatistics(_ path: String) -> Bool {
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
            return StatisticsFile.reader(for: head, file: path) != nil
        }

        /// Prints why the dataset as it is cannot take the import, and exits 1.
        func refuse(_ report: ValidationReport, _ datasetPath: String) throws {
            FileHandle.standardError.write(Data(ReportFormat.text.render(report, strict: false).utf8))
            FileHandle.standardError.write(Data("bilateral: nothing imported: the dataset '\(VisibleText.escaped(datasetPath))' is invalid as it is; fix it first\n".utf8))
            throw ExitCode(1)
        }

        /// The dataset as the workbook was made from it, read from git at the commit the workbook records.
        private static func base(_ madeFrom: ExportProvenance) -> ValidatedDataset? {
            guard let commit = madeFrom.commit, let file = madeFrom.datasetFile,
                  let data = try? GitFiles.blob(commit, file) else { return nil }
            let files = GitFiles(revision: commit, directory: (file as NSString).deletingLastPathComponent)
            return DatasetValidation.check(data, file: "\(commit.prefix(12)):\(file)", files: files).validated(strict: false)
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

    }
}
