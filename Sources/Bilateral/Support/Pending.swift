import Foundation

/// A value computed on a thread of its own from the moment it is made, for whoever needs it later;
/// `value` waits for it.
final class Pending<Value>: @unchecked Sendable {
    private let delivery = Delivery<Value>()

    /// Starts computing `make()`.
    init(_ make: @escaping @Sendable () -> Value) {
        let delivery = delivery
        let thread = Thread { delivery.deliver(make()) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A value already known.
    init(known value: Value) { delivery.deliver(value) }

    /// The value, once computed.
    var value: Value { delivery.wait()! }
}
