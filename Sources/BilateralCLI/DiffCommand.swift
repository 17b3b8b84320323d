import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral diff`: what an edit changed, record by record.
    struct DiffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show what changed between two versions of a dataset, record by record.",
            discussion: """
                Records are matched by id, never by line: each is added, removed, changed (with every \
                field's old and new value) or renamed (when the new record says 'replaces: OLD-ID'). \
                Observations are summarised per series: how many were added, removed and revised, with \
                the largest revisions. Observations are matched by series, period and dimensions; rows of \
                an observations file that are identical in both versions are paired without being parsed.

                Either version may be a path or REV:PATH, read from git as 'git cat-file blob REV:PATH' \
                does (with its observation files from the same revision), for example \
                'bilateral diff main:Fixtures/pakistan-japan.yaml Fixtures/pakistan-japan.yaml'.

                Two directories of datasets, or REV:DIR, compare portfolios: each relationship is matched \
                by its dataset file's path under the directory and summarised (added, removed, or what \
                changed), and each changed shared record (of a record document) is listed once, with the \
                relationships that include it and so change with it.

                A version with errors that keep some records from being read (a typo in a pull request) \
                is still compared: the diff lists the errors and shows the records that were read, \
                without reporting the unread ones as removed or added.

                Exit status, like diff: 0 no changes; 1 changes, or errors listed; 2 a usage error, or a \
                version that cannot be read as a dataset at all (not YAML or JSON, or no metadata).
                """
        )

        @Argument(help: ArgumentHelp("The old version: a dataset document or a directory of them, or REV:PATH in git.", valueName: "old"),
                  completion: DatasetInput.completion)
        var old: String

        @Argument(help: ArgumentHelp("The new version, likewise.", valueName: "new"), completion: DatasetInput.completion)
        var new: String

        @OptionGroup var rootOption: RootOption

        @Option(help: "text (default), markdown (a pull-request comment) or json (versioned, described by Schemas/diff-report.schema.json).")
        var format: DiffFormat = .text

        @OptionGroup var jobsOption: JobsOption

        func run() throws {
            let oldPortfolio = try DatasetRevision.portfolio(old), newPortfolio = try DatasetRevision.portfolio(new)
            if oldPortfolio != nil || newPortfolio != nil {
                guard let oldPortfolio, let newPortfolio else {
                    throw InputError(description: "'\(VisibleText.escaped(oldPortfolio == nil ? old : new))' is not a directory, but '\(VisibleText.escaped(oldPortfolio == nil ? new : old))' is: compare two directories or two dataset documents")
                }
                return try comparePortfolios(oldPortfolio, newPortfolio)
            }
            let diff: DatasetDiff
            do {
                diff = try DatasetComparison.compare(try DatasetRevision.load(old, root: rootOption.root), try DatasetRevision.load(new, root: rootOption.root))
            } catch let error as DiffError {
                throw InputError(description: error.description)
            }
            FileHandle.standardOutput.write(Data(format.render(diff).utf8))
            if !diff.isEmpty { throw ExitCode(1) }
        }

        /// Compares two portfolios' datasets, and their record documents, given by name as version arguments.
        private func comparePortfolios(_ oldPortfolio: DatasetRevision.Portfolio, _ newPortfolio: DatasetRevision.Portfolio) throws {
            let root = rootOption.root
            let (oldDatasets, newDatasets) = (oldPortfolio.datasets, newPortfolio.datasets)
            let (oldRecords, newRecords) = (oldPortfolio.recordDocuments, newPortfolio.recordDocuments)
            var diff: PortfolioDiff
            do {
                diff = try PortfolioDiff(old: old, new: new, names: Set(oldDatasets.keys).union(newDatasets.keys).sorted(),
                                         jobs: jobsOption.jobs) { name in
                    (try oldDatasets[name].map { try DatasetRevision.load($0, root: root) },
                     try newDatasets[name].map { try DatasetRevision.load($0, root: root) })
                }
                try diff.addRecordDocuments(Set(oldRecords.keys).union(newRecords.keys).sorted(), jobs: jobsOption.jobs) { name in
                    (try oldRecords[name].map { try DatasetRevision.loadRecords($0, root: root) },
                     try newRecords[name].map { try DatasetRevision.loadRecords($0, root: root) })
                }
            } catch let error as DiffError {
                throw InputError(description: error.description)
            }
            FileHandle.standardOutput.write(Data(format.render(diff).utf8))
            if !diff.isEmpty { throw ExitCode(1) }
        }
    }
}

extension DiffFormat: ExpressibleByArgument {}
