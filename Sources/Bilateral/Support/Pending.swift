import Foundation

/// A value computed on a thread of its own from the moment it is made, for whoever needs it later;
/// `value` waits for it.
final class Pending<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Value?

    /// Starts computing `make()`.
    init(_ make: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let made = make()
            condition.withLock {
                result = made
                condition.broadcast()
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once computed.
    var value: Value {
        condition.withLock {
            while result == nil { condition.wait() }
            return result!
        }
    }
}
