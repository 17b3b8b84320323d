import Foundation

/// An edited export being read on a thread of its own, started before the dataset it goes into is
/// loaded: the tables of records have the same columns in every dataset, so their rows are read (and
/// their cells converted) while the dataset loads; the observations, whose dimension columns are the
/// dataset's, are read with the columns their header names and kept until the dataset's tables
/// (`deliver(_:)`) confirm them (`readAhead`). Rows reach the merge through a bounded channel.
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

    /// The most observation rows, and cells, read ahead before the dataset's own table confirms their
    /// columns (the cells bound a hostile header of thousands of columns).
    static let readAheadRows = 1 << 18, readAheadCells = 1 << 22

    private static func read(_ handoff: ImportedTables.Handoff, into channel: RowChannel, _ delivered: Delivery<TabularView>) {
        var imported = handoff.tables
        var quotes = CitationQuotes()
        var failure: Error?
        do {
            for table in tables(TabularView.layout) {
                let found: Bool
                if table.name == "citations" {
                    // The Citations sheet is read first: its quotes go with the rows of the tables after it.
                    found = try imported.forEachRow(of: table) { quotes.add($0.texts) }
                } else if table.dependsOnTheDataset {
                    found = try readAhead(table, from: &imported, quotes: quotes, into: channel, delivered)
                } else {
                    found = try stream(table, from: &imported, quotes: quotes, into: channel)
                }
                guard channel.send(.end(found: found)) else { throw Stopped() }
            }
            try imported.checkUnknownSheets(try view(delivered))
        } catch is Stopped {
        } catch {
            failure = error
        }
        channel.close(findings: imported.findings, failure: failure)
    }

    /// Sends the rows of `table`, made ready for the merge, in batches; false when the export has no such table.
    private static func stream(_ table: Table, from imported: inout ImportedTables, quotes: CitationQuotes, into channel: RowChannel) throws -> Bool {
        var batches = Batches(channel: channel)
        let found = try imported.forEachRow(of: table, ready(table, quotes: quotes, naming: imported) { try batches.add($0) })
        try batches.flush()
        return found
    }

    /// Reads the observations without waiting for the dataset to load, with the dimension columns the
    /// sheet's header names; the rows are kept (up to `readAheadRows`, or `readAheadCells`) until the dataset's table shows
    /// that those are its columns, and sent from then on. When they are not (a column renamed, moved or
    /// added, or the dataset's dimensions changed since the export), the rows are read again with the
    /// dataset's columns. Every import takes this one path, however soon the dataset is loaded.
    private static func readAhead(_ table: Table, from imported: inout ImportedTables, quotes: CitationQuotes, into channel: RowChannel,
                                  _ delivered: Delivery<TabularView>) throws -> Bool {
        func datasetTable() throws -> Table { try view(delivered).table(named: table.name) ?? table }
        guard let header = try imported.headerNames(of: table) else {
            return try stream(datasetTable(), from: &imported, quotes: quotes, into: channel)
        }
        let guess = TabularView.observationsLayout(dimensions: header.filter { !$0.isEmpty && !TabularView.observationColumnsBesideDimensions.contains($0) })
        struct Guessed: Error {}
        /// Whether the dataset's table has the columns guessed; waits for it.
        func confirmed() throws -> Bool { try datasetTable().columns.map(\.name) == guess.columns.map(\.name) }
        var batches = Batches(channel: channel)
        var kept: [ExportRow] = [], isConfirmed = false
        let keepable = max(1, min(readAheadRows, readAheadCells / guess.columns.count))
        let findings = imported.findings.count
        do {
            let found = try imported.forEachRow(of: guess, ready(guess, quotes: quotes, naming: imported) { row in
                if isConfirmed { return try batches.add(row) }
                kept.append(row)
                guard kept.count >= keepable || kept.count % 256 == 0 && delivered.delivered != nil else { return }
                guard try confirmed() else { throw Guessed() }
                isConfirmed = true
                for row in kept { try batches.add(row) }
                kept = []
            })
            if !isConfirmed {
                guard try confirmed() else { throw Guessed() }
                for row in kept { try batches.add(row) }
            }
            try batches.flush()
            return found
        } catch is Guessed {
            imported.forgetFindings(after: findings)
            return try stream(datasetTable(), from: &imported, quotes: quotes, into: channel)
        }
    }

    /// Makes each row read of `table` ready for the merge and hands it to `body`; blank rows are skipped.
    private static func ready(_ table: Table, quotes: CitationQuotes, naming: ImportedTables,
                              _ body: @escaping (ExportRow) throws -> Void) -> (ImportedTables.Row) throws -> Void {
        let layout = TableRows.Layout(table), quoted = quotes.of(table: table.name)
        return { row in
            guard let ready = ExportRow(row, layout: layout, quotes: quoted, imported: naming) else { return }
            try body(ready)
        }
    }

    /// Rows sent through the channel 256 at a time.
    private struct Batches {
        let channel: RowChannel
        private var batch: [ExportRow] = []

        init(channel: RowChannel) {
            self.channel = channel
            batch.reserveCapacity(256)
        }

        mutating func add(_ row: ExportRow) throws {
            batch.append(row)
            if batch.count == 256 { try flush() }
        }

        /// Sends what is gathered; `Stopped` when the merge no longer listens.
        mutating func flush() throws {
            guard !batch.isEmpty else { return }
            guard channel.send(.rows(batch)) else { throw Stopped() }
            batch.removeAll(keepingCapacity: true)
        }
    }

    /// The dataset's tables once delivered; `Stopped` when reading stops first.
    private static func view(_ delivered: Delivery<TabularView>) throws -> TabularView {
        guard let view = delivered.wait() else { throw Stopped() }
        return view
    }
}
