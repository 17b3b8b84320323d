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

                Exit status: 0 valid; 1 invalid (errors, or warnings under --strict); \
                2 a usage error or a dataset file that cannot be read.
                """
        )

        @Argument(help: "Dataset documents (.yaml, .yml or .json), or - for standard input. Default: the built-in dataset of record.",
                  completion: DatasetInput.completion)
        var datasets: [String] = []

        @Option(help: "How to print findings: text, json (versioned, for programs), github (workflow annotations), sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML, for CI test reports).")
        var format: ReportFormat = .text

        @OptionGroup var rootOption: RootOption

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
            if datasets.isEmpty {
                report = DatasetValidation.validateEmbedded()
            } else {
                report = ValidationReport(files: [], findings: [])
                for path in datasets { report = report + (try DatasetInput.check(path, root: rootOption.root).report) }
            }
            FileHandle.standardOutput.write(Data(format.render(report, strict: strict).utf8))
            if !report.passes(strict: strict) { throw ExitCode(1) }
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// An input file that cannot be read: a usage or I/O error (exit 2), not invalid data (exit 1).
struct InputError: Error, CustomStringConvertible {
    let description: String
}
