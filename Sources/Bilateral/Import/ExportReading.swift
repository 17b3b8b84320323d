import Foundation

/// An edited export being read on a thread of its own, started before the dataset it goes into is
/// loaded: the tables of records have the same columns in every dataset, so their rows are read (and
/// their cells converted) while the dataset loads; the observations, whose dimension columns are the
/// dataset's, wait for its tables (`deliver(_:)`). Rows reach the merge through a bounded channel.
public final class ExportReading: @unchecked Sendable {
    /// The export, for what it records and for naming places (the reading thread has its own copy).
    let imported: ImportedTables
    /// The rows, table by table, made ready for the merge: the citations first (whose rows the reading
    /// keeps, for the quotes of the rows after them), then each imported table in the tables' order.
    let channel = RowChannel(capacity: 4096)
    /// The dataset's tables, handed from the merging thread to the reading one.
    private let delivered = Delivery<TabularView>()

    /// What the export records it was made from; nil when it does not say (not made by bilateral, or a CSV export).
    public var madeFrom: ExportProvenance? { imported.madeFrom }

    /// Starts reading the workbook at `path`; `displayName` names it in findings.
    public convenience init(workbook path: String, displayName: String) throws(WorkbookError) {
        self.init(try ImportedTables(workbook: path, displayName: displayName))
    }

    /// Starts reading a workbook held in memory.
    public convenience init(workbook data: Data, displayName: String) throws(WorkbookError) {
        self.init(try ImportedTables(workbook: WorkbookReader(data: data), displayName: displayName))
    }

    /// Starts reading the CSV files of a directory written by `export --format csv`.
    public convenience init(csvDirectory path: String) {
        self.init(ImportedTables(csvDirectory: path))
    }

    init(_ imported: ImportedTables) {
        self.imported = imported
        // Up to 4,096 batches of 256 rows (a million rows) read ahead while the dataset is loaded and its own
        // rows gathered: the threads overlap, at the price of those rows' memory (the sheet's XML is never held).
        let handoff = ImportedTables.Handoff(imported), channel = channel, delivered = delivered
        let thread = Thread { Self.read(handoff, into: channel, delivered) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { stop() }

    /// The tables of the dataset the export goes into, which the reading of its observations waits for.
    func deliver(_ view: TabularView) { delivered.deliver(view) }

    /// Stops reading (a reader waiting for room or for the tables gives up) and waits until it has.
    public func stop() {
        delivered.cancel()
        channel.cancel()
        channel.waitUntilClosed()
    }

    /// The tables the export holds, in the order they are read and merged: the citations, then every
    /// table an import changes. Without the dataset's layout (`TabularView.layout`), observations have
    /// no dimension columns yet.
    static func tables(_ view: TabularView) -> [Table] {
        (view.table(named: "citations").map { [$0] } ?? []) + view.tables.filter(TableRows.isImported)
    }

    private struct Stopped: Error {}

    private static func read(_ handoff: ImportedTables.Handoff, into channel: RowChannel, _ delivered: Delivery<TabularView>) {
        var imported = handoff.tables
        let naming = imported
        var quotes = CitationQuotes()
        var failure: Error?
        do {
            for table in tables(TabularView.layout) {
                let table = table.dependsOnTheDataset ? try view(delivered).table(named: table.name) ?? table : table
                let isCitations = table.name == "citations", layout = TableRows.Layout(table), quoted = quotes.of(table: table.name)
                var batch: [ExportRow] = []
                batch.reserveCapacity(256)
                let found = try imported.forEachRow(of: table) { row in
                    // The Citations sheet is read first: its quotes go with the rows of the tables after it.
                    if isCitations { return quotes.add(row.texts) }
                    guard let ready = ExportRow(row, layout: layout, quotes: quoted, imported: naming) else { return }
                    batch.append(ready)
                    guard batch.count == 256 else { return }
                    guard channel.send(.rows(batch)) else { throw Stopped() }
                    batch.removeAll(keepingCapacity: true)
                }
                if !batch.isEmpty { channel.send(.rows(batch)) }
                guard channel.send(.end(found: found)) else { throw Stopped() }
            }
            try imported.checkUnknownSheets(try view(delivered))
        } catch is Stopped {
        } catch {
            failure = error
        }
        channel.close(findings: imported.findings, failure: failure)
    }

    /// The dataset's tables once delivered; `Stopped` when reading stops first.
    private static func view(_ delivered: Delivery<TabularView>) throws -> TabularView {
        guard let view = delivered.wait() else { throw Stopped() }
        return view
    }
}
