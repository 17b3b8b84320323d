import Foundation

/// Where a run's messages go: straight to standard output and standard error, or held back so that runs
/// working at once can print theirs whole, in order, when each is done.
final class Console: @unchecked Sendable {
    private let held: Bool
    private var lines: [(error: Bool, text: String)] = []

    /// Messages printed as they come.
    static let direct = Console(held: false)

    /// A console that holds its messages until `flush()`.
    static func holding() -> Console { Console(held: true) }

    private init(held: Bool) { self.held = held }

    /// Writes `text` (already ending in a newline, when it should) to standard output.
    func output(_ text: String) { write(text, error: false) }

    /// Writes `text` to standard error.
    func error(_ text: String) { write(text, error: true) }

    /// Prints what was held, in the order it came.
    func flush() {
        for (error, text) in lines { (error ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8)) }
        lines = []
    }

    private func write(_ text: String, error: Bool) {
        if held { lines.append((error, text)) } else { (error ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8)) }
    }
}
