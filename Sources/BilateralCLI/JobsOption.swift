import ArgumentParser
import Foundation

/// `--jobs`, shared by every command that works through a directory of datasets.
struct JobsOption: ParsableArguments {
    @Option(help: "With a directory of datasets: how many to work on at once. Default: the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }
}
