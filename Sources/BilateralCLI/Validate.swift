import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral validate`: check datasets the way a CI job does.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check datasets and report every problem with its file, line and column.",
            discussion: """
                Reports each finding as 'path:line:column: severity[code]: message' with a hint. \
                Finding codes are stable; 'bilateral validate --list-codes' lists them.

                A record document of shared records (format bilateral-records/1) named on its own is \
                read on its own: syntax, fields, types and ids; its references are resolved by the \
                datasets that include it.

                A directory validates every dataset document under it (a portfolio of relationships), \
                on all cores, each with the record documents it includes; record documents that no \
                dataset includes are read on their own, and a shared record that no relationship uses \
                is reported once. The text report then ends with a line per dataset, one for the \
                record documents and one for the whole.

                Exit status: 0 valid; 1 invalid (errors, or warnings under --strict); \
                2 a usage error or a dataset file that cannot be read.
                """
        )

        @Argument(help: "Dataset documents (.yaml, .yml or .json), directories of them, or - for standard input. Default: the built-in dataset of record.",
                  completion: DatasetInput.completion)
        var datasets: [String] = []

        @Option(help: "How to print findings: text, json (versioned, for programs), github (workflow annotations), sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML, for CI test reports).")
        var format: ReportFormat = .text

        @OptionGroup var rootOption: RootOption

        @OptionGroup var jobsOption: JobsOption

        @Flag(help: "Fail on warnings too.")
        var strict = false

        @Flag(help: "List the finding codes with their severity and meaning, and exit.")
        var listCodes = false

        func run() throws {
            if listCodes {
                for code in FindingCode.allCases {
                    print("\(code.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)) \(code.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(code.summary)")
                }
                return
            }
            var report: ValidationReport
            /// A summary line per dataset of a directory, for the text report.
            var lines: [String] = []
            if datasets.isEmpty {
                report = DatasetValidation.validateEmbedded()
            } else {
                var reports: [ValidationReport] = []
                for path in datasets {
                    if PortfolioRun.isDirectory(path) {
                        let portfolio = try PortfolioRun.scan(path)
                        let checked = PortfolioValidation.check(portfolio, root: rootOption.root, jobs: jobsOption.jobs)
                        for entry in checked.datasets {
                            reports.append(entry.report)
                            lines.append(entry.report.summaryLine(strict: strict))
                        }
                        if !checked.shared.files.isEmpty {
                            reports.append(checked.shared)
                            lines.append(checked.shared.summaryLine(strict: strict, filesNoun: "record documents"))
                        }
                    } else if PortfolioRun.isRecordDocument(path) {
                        // A shared record document, as a hook passes a changed one: read on its own.
                        reports.append(PortfolioValidation.checkRecordDocument(path, root: rootOption.root))
                    } else {
                        reports.append(try DatasetInput.check(path, root: rootOption.root).report)
                    }
                }
                report = ValidationReport(combining: reports)
            }
            var output = format.render(report, strict: strict)
            if format == .text, report.files.count > 1, !lines.isEmpty {
                // The text report ends with the whole's summary line: the datasets' lines go before it
                // (a directory of one file has only the one line).
                let total = report.summaryLine(strict: strict) + "\n"
                output = String(output.dropLast(total.count)) + lines.map { $0 + "\n" }.joined() + total
            }
            FileHandle.standardOutput.write(Data(output.utf8))
            if !report.passes(strict: strict) { throw ExitCode(1) }
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// An input file that cannot be read: a usage or I/O error (exit 2), not invalid data (exit 1).
struct InputError: Error, CustomStringConvertible {
    let description: String
}
