import ArgumentParser
import Bilateral
import Foundation

/// The `bilateral` command: validate and export a dataset of the relations between two countries.
@main
struct BilateralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bilateral",
        abstract: "Keep a validated dataset of the relations between two countries.",
        discussion: """
            With no dataset path, commands use the built-in dataset of record (Pakistan–Japan relations).

            Exit status: 0 success; 1 the dataset is invalid; 2 a usage error or a file that cannot be read.
            """,
        version: ToolVersion.current,
        subcommands: [Validate.self, DiffCommand.self, Export.self, ImportCommand.self, BriefCommand.self, PortfolioCommand.self, Formats.self, Schema.self, LanguageServerCommand.self]
    )

    /// The subcommands' names, and `help`.
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

    /// A first argument that names no subcommand is a mistyped one: say which is nearest and exit 2,
    /// as a mistyped option does.
    static func refuseUnknownSubcommand(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return }
        let nearest = Suggestion.closest(to: first, in: commandNames).map { " Did you mean '\($0)'?" } ?? ""
        FileHandle.standardError.write(Data("""
            Error: unknown command '\(VisibleText.escaped(first))'.\(nearest)
            The commands are: \(commandNames.joined(separator: ", ")). Run 'bilateral help' for usage.

            """.utf8))
        Foundation.exit(usageOrIOError)
    }

    /// Exit status for usage and I/O errors; 1 is kept for "the data is invalid".
    static let usageOrIOError: Int32 = 2

    static func main() {
        refuseUnknownSubcommand(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            if code.rawValue == ExitCode.validationFailure.rawValue {
                FileHandle.standardError.write(Data("Run 'bilateral help' for usage.\n".utf8))
            }
            Foundation.exit(usageOrIOError)
        }
    }
}
