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
