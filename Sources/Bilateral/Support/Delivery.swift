import Foundation

/// A value handed from one thread to those waiting for it, once; or the handing called off, which
/// wakes them with nothing.
final class Delivery<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?
    private var isCancelled = false

    /// Hands `value` to every waiter, present and future.
    func deliver(_ value: Value) {
        condition.withLock {
            self.value = value
            condition.broadcast()
        }
    }

    /// Calls the handing off: waiters get nil from now on.
    func cancel() {
        condition.withLock {
            isCancelled = true
            condition.broadcast()
        }
    }

    /// The value if it has been delivered (and the handing not called off), without waiting.
    var delivered: Value? {
        condition.withLock { isCancelled ? nil : value }
    }

    /// The value once delivered; nil when the handing is called off first.
    func wait() -> Value? {
        condition.withLock {
            while value == nil && !isCancelled { condition.wait() }
            return isCancelled ? nil : value
        }
    }
}
