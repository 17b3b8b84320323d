import Foundation

/// Rows handed from the thread that reads them (parsing, checking, making cells) to the thread that
/// writes them into SQLite, a batch at a time, so that the two run on both cores. At most `capacity`
/// batches wait, so memory stays bounded whatever the number of rows.
final class RowPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [[[Cell]]] = []
    private var closed = false
    private var abandoned = false
    private let capacity: Int

    /// Rows per batch.
    static let batchSize = 2048

    init(capacity: Int = 4) { self.capacity = capacity }

    /// Reads `table`'s rows on another thread and calls `body` with them here, a batch at a time, so
    /// that reading and `body` run side by side; returns how many rows there were. An error on either
    /// side stops both and is thrown.
    static func forEachBatch(of table: Table, _ body: ([[Cell]]) throws -> Void) throws -> Int {
        let pipe = RowPipe()
        let failure = ReaderFailure()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { pipe.close(); done.signal() }
            var batch: [[Cell]] = []
            batch.reserveCapacity(batchSize)
            do {
                try table.forEachRow { cells in
                    batch.append(cells)
                    guard batch.count == batchSize else { return }
                    guard pipe.put(batch) else { throw CancellationError() }
                    batch.removeAll(keepingCapacity: true)
                }
                if !batch.isEmpty { _ = pipe.put(batch) }
            } catch {
                failure.error = error
            }
        }
        var count = 0
        do {
            while let batch = pipe.take() {
                try body(batch)
                count += batch.count
            }
        } catch {
            pipe.abandon()
            done.wait()
            throw error
        }
        done.wait()
        if let error = failure.error, !(error is CancellationError) { throw error }
        return count
    }

    /// What went wrong on the reading thread, read once it has finished.
    private final class ReaderFailure: @unchecked Sendable {
        var error: (any Error)?
    }

    /// Hands a batch over, waiting while the pipe is full; false when the writer has stopped.
    func put(_ batch: [[Cell]]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && !abandoned { condition.wait() }
        guard !abandoned else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// Says that no more batches come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; nil when the pipe is closed and empty.
    func take() -> [[Cell]]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The writer stops early (it failed): the reader's next `put` returns false.
    func abandon() {
        condition.lock()
        abandoned = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
