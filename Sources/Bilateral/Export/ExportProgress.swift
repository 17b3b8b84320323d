/// How a long export reports its progress: to a callback the caller gives, called on the thread that
/// writes. The command line shows it on a terminal; a program may show it, log it or ignore it.
public struct ExportProgress: Sendable {
    /// What an export reports.
    public enum Event: Sendable, Equatable {
        /// So many rows of a table are written (reported every 16,384 rows).
        case rows(Int, table: String)
        /// The export has finished, whether it succeeded or not.
        case finished
    }

    private let report: @Sendable (Event) -> Void

    /// Progress reported to `report`.
    public init(_ report: @escaping @Sendable (Event) -> Void) { self.report = report }

    /// Progress that goes nowhere.
    public static let silent = ExportProgress { _ in }

    /// Reports `rows` rows written of `table`; cheap enough to call for every row.
    public func rows(_ rows: Int, of table: String) {
        guard rows & 0x3FFF == 0 else { return }
        report(.rows(rows, table: table))
    }

    /// Reports the end of the export.
    public func finish() { report(.finished) }
}
