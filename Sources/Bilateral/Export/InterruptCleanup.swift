import Glibc

/// Removes the staging files of an export that is interrupted (SIGINT, SIGTERM, SIGHUP), so that an
/// interruption leaves the destination as it was and no staging file behind.
///
/// The paths are kept as C strings in a fixed table, because a signal handler may only call
/// async-signal-safe functions (`unlink`, `rmdir`).
enum InterruptCleanup {
    private static let capacity = 1024
    nonisolated(unsafe) private static let paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var count = 0
    nonisolated(unsafe) private static var installed = false

    /// Removes `path` (a file, or an empty directory) if the process is interrupted.
    static func register(_ path: String) {
        if !installed {
            installed = true
            paths.initialize(repeating: nil, count: capacity)
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
        guard count < capacity else { return }
        paths[count] = strdup(path)
        count += 1
    }

    /// Forgets the path registered last (whose file could not be created).
    static func forgetLast() {
        guard count > 0 else { return }
        count -= 1
        free(paths[count])
        paths[count] = nil
    }

    /// Forgets every registered path (after the export committed or cleaned up itself).
    static func clear() {
        let registered = count
        count = 0
        for index in 0..<registered {
            free(paths[index])
            paths[index] = nil
        }
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        var index = InterruptCleanup.count
        while index > 0 {
            index -= 1
            if let path = InterruptCleanup.paths[index], unlink(path) != 0 { rmdir(path) }
        }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}
