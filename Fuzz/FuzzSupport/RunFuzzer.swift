/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links): parses the command line, then
/// calls `body` with each input it makes, until told to stop.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ body: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// Runs libFuzzer on `body` with this process's arguments (corpus directories and `-flag=value`
/// options); returns its exit status. A fuzz target's main calls it, as SwiftPM gives every
/// executable a main of its own, so libFuzzer's is not linked.
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32 {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, body)
}
