import Foundation

/// Hands an export's rows from the thread that reads them (inflating, parsing and converting cells) to
/// the thread that merges them, in batches, through a bounded buffer: the reader runs ahead while the
/// dataset's own rows are gathered, but never by more than `capacity` batches, so memory stays bounded
/// however long the workbook.
final class RowChannel: @unchecked Sendable {
    /// What the reader sends, in the order the merge takes tables.
    enum Message {
        case rows([ExportRow])
        /// The end of a table; false when the export has no such table.
        case end(found: Bool)
    }

    private let condition = NSCondition()
    private var messages: [Message] = []
    private var head = 0
    private let capacity: Int
    private var isClosed = false
    private var isCancelled = false
    /// What the reader found, or the error that stopped it, once closed.
    private(set) var findings: [ImportFinding] = []
    private(set) var failure: Error?

    /// A channel holding at most `capacity` messages (batches) at once.
    init(capacity: Int) { self.capacity = capacity }

    /// Sends a message; waits while the buffer is full. False when the merge has stopped listening.
    @discardableResult
    func send(_ message: Message) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while messages.count - head >= capacity && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        messages.append(message)
        condition.broadcast()
        return true
    }

    /// The next message; nil once the reader is done and everything is taken.
    func receive() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        while head == messages.count && !isClosed { condition.wait() }
        guard head < messages.count else { return nil }
        let message = messages[head]
        head += 1
        if head > 64 && head * 2 > messages.count {
            messages.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return message
    }

    /// The reader is done, with what it found or the error that stopped it.
    func close(findings: [ImportFinding], failure: Error?) {
        condition.lock()
        self.findings = findings
        self.failure = failure
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The merge stops listening; a waiting reader gives up.
    func cancel() {
        condition.lock()
        isCancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the reader has closed the channel.
    func waitUntilClosed() {
        condition.lock()
        while !isClosed { condition.wait() }
        condition.unlock()
    }
}
