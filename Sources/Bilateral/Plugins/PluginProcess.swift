import Foundation
import Glibc

/// Runs a plug-in's program with a time limit: its standard input fed by the caller, its standard
/// output captured or passed to standard error, its standard error shown.
enum PluginProcess {
    /// How a run ended.
    enum Outcome: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        /// The program could not be started, for this reason.
        case unstartable(String)

        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signalled(let signal): "was killed by signal \(signal)"
            case .timedOut: "did not finish in time"
            case .unstartable(let reason): "cannot be run: \(reason)"
            }
        }
    }

    struct Run {
        var outcome: Outcome
        /// What it printed, when captured.
        var output: Data
        /// Why writing its standard input stopped early (it closed it), if it did.
        var inputError: String?
    }

    /// Seconds between asking a program to stop and stopping it.
    static let graceSeconds = 2.0

    /// - Parameters:
    ///   - captureOutput: keep standard output (at most 1 MiB) instead of showing it on standard error;
    ///     read after `feed` has written everything.
    ///   - feed: writes the program's standard input; nil leaves it empty.
    static func run(_ executable: String, arguments: [String], timeout: Double, workingDirectory: String? = nil,
                    captureOutput: Bool = false, feed: ((OutputFile) throws -> Void)? = nil) -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = captureOutput ? output : FileHandle.standardError
        process.standardError = FileHandle.standardError
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        do { try process.run() } catch {
            return Run(outcome: .unstartable(error.localizedDescription), output: Data(), inputError: nil)
        }
        let timer = Timer(process: process, seconds: timeout)
        var inputError: String?
        let writer = OutputFile(path: "the plug-in's standard input", descriptor: input.fileHandleForWriting.fileDescriptor, closesDescriptor: false)
        do {
            try feed?(writer)
            try writer.flush()
        } catch {
            // A program may stop reading early; its exit status says whether that was a failure.
            inputError = "\(error)"
        }
        try? input.fileHandleForWriting.close()
        // Read to the end (the program exits or, past its time, is stopped), then collect its status.
        let captured = captureOutput ? Self.readAll(output.fileHandleForReading) : Data()
        process.waitUntilExit()
        timer.cancel()
        let outcome: Outcome = timer.fired ? .timedOut
            : process.terminationReason == .uncaughtSignal ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
        return Run(outcome: outcome, output: captured, inputError: inputError)
    }

    private static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            if data.count < 1 << 20 { data.append(chunk) }
        }
        return data
    }

    /// Stops a process that runs past its time: SIGTERM, then SIGKILL after a grace period.
    private final class Timer: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var didFire = false
        var fired: Bool { lock.withLock { didFire } }

        init(process: Process, seconds: Double) {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                let stop = lock.withLock { () -> Bool in
                    guard !cancelled else { return false }
                    didFire = true
                    return true
                }
                guard stop else { return }
                kill(pid, SIGTERM)
                DispatchQueue.global().asyncAfter(deadline: .now() + PluginProcess.graceSeconds) { [self] in
                    if lock.withLock({ !cancelled }) { kill(pid, SIGKILL) }
                }
            }
        }

        func cancel() { lock.withLock { cancelled = true } }
    }
}
