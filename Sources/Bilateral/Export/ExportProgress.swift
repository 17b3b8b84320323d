import Foundation
import Glibc

/// Progress of a long export on standard error: shown only on a terminal, and only once the export
/// has taken more than a second.
public final class ExportProgress {
    private let enabled: Bool
    private let start = Date()
    private var lastShown = Date.distantPast
    private var shown = false

    /// On when standard error is a terminal.
    public init(enabled: Bool = isatty(STDERR_FILENO) != 0) { self.enabled = enabled }

    /// Reports `rows` rows written of `table`; cheap enough to call for every row.
    public func rows(_ rows: Int, of table: String) {
        guard enabled, rows & 0x3FFF == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastShown) > 0.25 else { return }
        lastShown = now
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[Kbilateral: \(table): \(rows.formatted()) rows".utf8))
    }

    /// Clears the progress line.
    public func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
