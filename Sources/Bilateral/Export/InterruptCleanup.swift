import Glibc

/// Removes the staging files of an export that is interrupted (SIGINT, SIGTERM, SIGHUP), so that an
/// interruption leaves the destination as it was and no staging file behind.
///
/// The paths are kept as C strings in a fixed table, because a signal handler may only call
/// async-signal-safe functions (`unlink`, `rmdir`). Exports may run on several threads at once (a
/// portfolio on both cores), so the table is changed only under a lock, and each export forgets only
/// its own paths (ThreadSanitizer found one export's `clear` wiping another's). The handler reads the
/// table without the lock, as it must: a slot holds a path or nil, and a path is freed only after its
/// slot no longer holds it.
enum InterruptCleanup {
    private static let capacity = 1024
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    /// One past the highest slot ever used: how far the handler looks.
    nonisolated(unsafe) private static var used = 0
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static var lock = pthread_mutex_t()
    private static let lockReady: Bool = { pthread_mutex_init(&lock, nil); return true }()

    private static func locked<T>(_ body: () -> T) -> T {
        _ = lockReady
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return body()
    }

    /// Removes `path` (a file, or an empty directory) if the process is interrupted.
    static func register(_ path: String) {
        locked {
            if !installed {
                installed = true
                var unblocked = sigset_t()
                sigemptyset(&unblocked)
                for signal in [SIGINT, SIGTERM, SIGHUP] {
                    // A signal the parent chose to ignore stays ignored; one it left blocked is let through.
                    let previous = Glibc.signal(signal, handle)
                    if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { Glibc.signal(signal, SIG_IGN) }
                    sigaddset(&unblocked, signal)
                }
                pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
            }
            guard let slot = (0..<capacity).first(where: { paths[$0] == nil }) else { return }
            paths[slot] = strdup(path)
            used = max(used, slot + 1)
        }
    }

    /// Forgets `path` (its file could not be created, or was removed).
    static func forget(_ path: String) {
        forget { $0 == path }
    }

    /// Forgets `directory` and every path registered inside it (after the export that staged it
    /// committed or cleaned up itself); paths of other exports stay.
    static func forget(within directory: String) {
        forget { $0 == directory || $0.hasPrefix(directory + "/") }
    }

    private static func forget(where matches: (String) -> Bool) {
        locked {
            for slot in 0..<used {
                guard let path = paths[slot], matches(String(cString: path)) else { continue }
                paths[slot] = nil
                free(path)
            }
        }
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<InterruptCleanup.used {
            if let path = InterruptCleanup.paths[slot], unlink(path) != 0 { rmdir(path) }
        }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}
