import ArgumentParser
import Bilateral
import Foundation

/// `bilateral lsp`: the language server, for editors.
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
            Editors start it and talk to it; it gives them the findings of 'bilateral validate' as they type, \
            completion of field names, ids, choices and codes, hover, go to definition, find references, \
            rename of ids across the workspace, the outline, and quick fixes. See the README for each editor's set-up.
            """
    )

    /// Accepted for clients that pass it; standard input and output is the only transport.
    @Flag(name: .long, help: "Talk over standard input and output (the default and only transport).")
    var stdio = false

    @OptionGroup var jobs: JobsOption

    func run() throws {
        throw ExitCode(LanguageServer.run(jobs: jobs.jobs))
    }
}
