import Bilateral
import Foundation
import Glibc

/// An export's progress on standard error: shown only on a terminal, only once the export has taken
/// more than a second, at most four times a second, and cleared at the end.
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastShown = Date.distantPast
    private var shown = false

    /// The progress to give an export: shown here when standard error is a terminal, else nowhere.
    static func forExport() -> ExportProgress {
        guard isatty(STDERR_FILENO) != 0 else { return .silent }
        let terminal = TerminalProgress()
        return ExportProgress { terminal.show($0) }
    }

    private func show(_ event: ExportProgress.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .rows(let rows, let table):
            let now = Date()
            guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastShown) > 0.25 else { return }
            lastShown = now
            shown = true
            FileHandle.standardError.write(Data("\r\u{1B}[Kbilateral: \(table): \(rows.formatted()) rows".utf8))
        case .finished:
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }
}
