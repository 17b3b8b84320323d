import Foundation

/// Work split over cores: `body` is called once for each index in `0..<count`, by up to `jobs` workers
/// at once, and the results come back in index order.
public func parallelMap<Value>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
    let slots = ResultSlots<Value>(count: count)
    let workers = max(1, min(jobs, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in stride(from: worker, to: count, by: workers) { slots.set(index, body(index)) }
    }
    return slots.values
}

/// Results written by concurrent workers, each to its own slot.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value, in order.
    var values: [Value] { slots.compactMap { $0 } }
}

/// Two pieces of work at once, on two cores when there are two; their results in order.
func inParallel<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = PairSlots<A, B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { results.first = first() } else { results.second = second() }
    }
    return (results.first!, results.second!)
}

/// The results of `inParallel`, each written by one worker and read after both finished.
private final class PairSlots<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
