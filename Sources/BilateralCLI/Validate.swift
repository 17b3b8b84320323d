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

                A directory validates every dataset document under it (a portfolio of relationships), \
                on all cores, each with the record documents it includes; record documents that no \
                dataset includes are read on their own. The text report then ends with a line per \
                dataset and one for the whole.

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

        @Option(help: "How many datasets of a directory to validate at once. Default: the number of cores.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

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
                report = ValidationReport(files: [], findings: [])
                for path in datasets {
                    if PortfolioRun.isDirectory(path) {
                        let portfolio = try PortfolioRun.scan(path)
                        let checked = PortfolioValidation.check(portfolio, root: rootOption.root, jobs: max(1, jobs))
                        for entry in checked.datasets {
                            report = report + entry.report
                            lines.append(entry.report.summaryLine(strict: strict))
                        }
                        if !checked.unincluded.files.isEmpty {
                            report = report + checked.unincluded
                            lines.append(checked.unincluded.summaryLine(strict: strict) + " (record documents no dataset includes)")
                        }
                    } else {
                        report = report + (try DatasetInput.check(path, root: rootOption.root).report)
                    }
                }
            }
            var output = format.render(report, strict: strict)
            if format == .text, !lines.isEmpty {
                // The text report ends with the whole's summary line: the datasets' lines go before it.
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
