import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral portfolio DIR`: the relationships of a portfolio at a glance.
    struct PortfolioCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "portfolio",
            abstract: "Summarise every relationship of a directory of datasets.",
            discussion: """
                Prints a row per relationship: its two countries, as-of date, records (with a table of \
                records per kind, observations in CSV files counted), its latest high-level exchange (a \
                visit, meeting or dialogue round that was not postponed or cancelled) and the period of \
                its newest observation. Then a warning for each relationship whose as-of date is more \
                than --stale-after months before today, and a line for each invalid dataset.

                Exit status: 0 every relationship is valid (stale ones are warnings, failing only under \
                --strict); 1 a dataset is invalid; 2 a usage error or a directory that cannot be read.
                """
        )

        @Argument(help: "A directory of dataset documents and the record documents they include.",
                  completion: .directory)
        var directory: String

        @Option(help: "How to print the overview: text, markdown or json (versioned, for programs; Schemas/portfolio-report.schema.json).")
        var format: PortfolioFormat = .text

        @Option(name: .customLong("stale-after"), help: ArgumentHelp("How many months old an as-of date may be before the relationship is stale.", valueName: "months"))
        var staleAfter = 12

        @Option(help: ArgumentHelp("The date staleness is measured from, as YYYY-MM-DD, for reproducible reports. Default: today (UTC).", valueName: "date"))
        var today: String?

        @OptionGroup var rootOption: RootOption

        @OptionGroup var jobsOption: JobsOption

        @Flag(help: "Count datasets with warnings as invalid, and fail on stale relationships too.")
        var strict = false

        func validate() throws {
            guard staleAfter >= 0 else { throw ValidationError("--stale-after must be 0 or more months, not \(staleAfter)") }
            if let today, PartialDate(iso: today)?.precision != .day {
                throw ValidationError("--today must be a date written YYYY-MM-DD, not '\(VisibleText.escaped(today))'")
            }
        }

        func run() throws {
            guard PortfolioRun.isDirectory(directory) else {
                throw InputError(description: "'\(VisibleText.escaped(directory))' is not a directory; 'bilateral portfolio' summarises a directory of datasets")
            }
            let portfolio = try PortfolioRun.scan(directory)
            let overview = PortfolioOverview(portfolio, root: rootOption.root, strict: strict, today: todayDate,
                                             staleAfterMonths: staleAfter, jobs: jobsOption.jobs)
            FileHandle.standardOutput.write(Data(format.render(overview).utf8))
            if !overview.invalid.isEmpty || (strict && !overview.stale.isEmpty) { throw ExitCode(1) }
        }

        /// `--today`, or the current date in UTC.
        private var todayDate: PartialDate {
            if let today, let date = PartialDate(iso: today) { return date }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: Date())
            return PartialDate(year: parts.year!, month: parts.month, day: parts.day)
        }
    }
}

extension PortfolioFormat: ExpressibleByArgument {}
