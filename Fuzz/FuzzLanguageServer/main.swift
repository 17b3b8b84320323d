import Bilateral
import Foundation
import FuzzSupport

/// A client's stream of messages to the language server: its framing (headers, lengths), JSON-RPC
/// (ids, methods, parameters) and every feature, after an `initialize` and the opening of a small
/// dataset, so that the input's requests reach a document.
func fuzzLanguageServer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    var stream = languageServerSession()
    stream.append(input(bytes, count))
    _ = LanguageServer.serve(stream) { body in
        guard (try? JSONSerialization.jsonObject(with: body)) is [String: Any] else { fatalError("the server sent a message that is not a JSON object") }
    }
    return 0
}

exit(runFuzzer(fuzzLanguageServer))
