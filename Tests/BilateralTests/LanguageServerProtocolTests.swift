import Foundation
import Testing
@testable import Bilateral

/// The language server's protocol layer: framing, JSON-RPC errors, the lifecycle, and documents kept in
/// step with an editor's changes. Driven with bytes, as a client's standard output gives them.
struct LanguageServerProtocolTests {
    /// A message as a client frames it.
    static func framed(_ json: String) -> [UInt8] { Array("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8) }

    static func request(_ id: Int, _ method: String, _ params: String = "{}") -> [UInt8] {
        framed(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)
    }

    static func notification(_ method: String, _ params: String = "{}") -> [UInt8] {
        framed(#"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params)}"#)
    }

    /// Serves `input` (read in chunks of `chunk` bytes) and returns the exit status and each message the server sent.
    static func serve(_ input: [UInt8], chunk: Int = 7) -> (status: Int32, messages: [[String: Any]]) {
        var sent: [[String: Any]] = []
        let server = LanguageServer { body in
            sent.append(try! JSONSerialization.jsonObject(with: body) as! [String: Any])
            return true
        }
        var position = 0
        var reader = MessageReader(isReadable: { position < input.count }) { buffer in
            let count = min(chunk, input.count - position, buffer.count)
            for index in 0..<count { buffer[index] = input[position + index] }
            position += count
            return count
        }
        return (server.serve(&reader), sent)
    }

    static func errorCode(_ messages: [[String: Any]], id: Int) -> Int? {
        let response = messages.first { ($0["id"] as? Int) == id }
        return (response?["error"] as? [String: Any])?["code"] as? Int
    }

    @Test func answersMalformedMessagesWithTheProtocolsErrorsAndGoesOn() {
        var input = Self.request(1, "textDocument/hover")
        input += Array("Content-Type: nothing\r\n\r\n".utf8)
        input += Self.framed("{not json")
        input += Self.framed(#"[1, 2]"#)
        input += Self.framed(#"{"jsonrpc":"2.0","id":{"a":1},"method":"initialize"}"#)
        input += Self.request(2, "initialize")
        input += Self.request(3, "initialize")
        input += Self.request(4, "no/such/method")
        input += Self.notification("no/such/notification")
        input += Self.request(5, "textDocument/hover", #"{"textDocument":{}}"#)
        input += Self.request(6, "shutdown", "null")
        input += Self.request(7, "textDocument/hover")
        input += Self.notification("exit")
        let (status, messages) = Self.serve(input)
        #expect(status == 0)
        #expect(Self.errorCode(messages, id: 1) == ProtocolError.serverNotInitialized.rawValue)
        let anonymous = messages.filter { $0["id"] is NSNull }.compactMap { ($0["error"] as? [String: Any])?["code"] as? Int }
        #expect(anonymous == [ProtocolError.parseError.rawValue, ProtocolError.parseError.rawValue, ProtocolError.invalidRequest.rawValue,
                              ProtocolError.invalidRequest.rawValue])
        #expect((messages.first { ($0["id"] as? Int) == 2 }?["result"] as? [String: Any])?["capabilities"] != nil)
        #expect(Self.errorCode(messages, id: 3) == ProtocolError.invalidRequest.rawValue)
        #expect(Self.errorCode(messages, id: 4) == ProtocolError.methodNotFound.rawValue)
        #expect(Self.errorCode(messages, id: 5) == ProtocolError.invalidParams.rawValue)
        #expect(messages.first { ($0["id"] as? Int) == 6 }?["result"] is NSNull)
        #expect(Self.errorCode(messages, id: 7) == ProtocolError.invalidRequest.rawValue)
    }

    @Test func skipsAHundredMegabyteMessageWithoutHoldingIt() {
        let length = 100 << 20
        let head = Array("Content-Length: \(length)\r\n\r\n".utf8)
        let tail = Self.request(1, "initialize") + Self.request(2, "shutdown", "null") + Self.notification("exit")
        var sent: [[String: Any]] = []
        let server = LanguageServer { body in
            sent.append(try! JSONSerialization.jsonObject(with: body) as! [String: Any])
            return true
        }
        var position = 0
        let total = head.count + length + tail.count
        var reader = MessageReader { buffer in
            let count = min(buffer.count, total - position)
            for index in 0..<count {
                let at = position + index
                buffer[index] = at < head.count ? head[at] : at < head.count + length ? UInt8(ascii: "x") : tail[at - head.count - length]
            }
            position += count
            return count
        }
        #expect(server.serve(&reader) == 0)
        #expect(Self.errorCode(sent, id: 0) == nil)
        #expect(((sent.first?["error"] as? [String: Any])?["code"] as? Int) == ProtocolError.invalidRequest.rawValue)
        #expect(sent.contains { ($0["id"] as? Int) == 1 && $0["result"] != nil })
    }

    @Test func exitsWhenTheClientGoesAwayOrExitsWithoutShutdown() {
        #expect(Self.serve(Self.request(1, "initialize")).status == 1)
        #expect(Self.serve(Self.request(1, "initialize") + Self.notification("exit")).status == 1)
        #expect(Self.serve(Array("Content-Length: 50\r\n\r\n{".utf8)).status == 1)
        #expect(Self.serve([]).status == 1)
    }

    @Test func keepsDocumentsInStepWithIncrementalChangesCountedInUTF16() throws {
        let directory = try Export.temporaryDirectory()
        let path = FilePaths.real(directory.path)! + "/d.yaml"
        let text = """
            format: bilateral/1
            dataset: {title: "日本 🇯🇵", countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
            sources:
              - {id: s, title: S, tier: official}
            countries:
              - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
              - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}
            statements:
              - {id: st, topic: overview, text: T, sources: [s]}

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let uri = ProtocolValues.uri(of: path)
        let escaped = String(data: try JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed]), encoding: .utf8)!
        var input = Self.request(1, "initialize", #"{"rootUri":"\#(ProtocolValues.uri(of: directory.path))"}"#)
        input += Self.notification("textDocument/didOpen", #"{"textDocument":{"uri":"\#(uri)","languageId":"yaml","version":1,"text":\#(escaped)}}"#)
        // A request is answered about the document as it is: the opened text is checked before it.
        input += Self.request(9, "textDocument/documentSymbol", #"{"textDocument":{"uri":"\#(uri)"}}"#)
        // After the flag (two UTF-16 pairs), make the tier a typo: line 3 is `  - {id: s, title: S, tier: official}`.
        input += Self.notification("textDocument/didChange", #"{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":23},"end":{"line":1,"character":23}},"text":"!"},{"range":{"start":{"line":3,"character":29},"end":{"line":3,"character":30}},"text":"o"}]}"#)
        input += Self.request(2, "shutdown", "null") + Self.notification("exit")
        let (status, messages) = Self.serve(input, chunk: 4096)
        #expect(status == 0)
        let published = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.map { $0["params"] as! [String: Any] }
        #expect(published.count == 2)
        #expect((published.first?["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(published.last?["version"] as? Int == 2)
        let diagnostic = try #require((published.last?["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["code"] as? String == "invalid-value")
        #expect((diagnostic["message"] as? String)?.contains("'ooficial'") == true)
    }

    @Test func writesMessagesAsJSONWithTheirTypesAndSortedKeys() throws {
        let message: [String: Any] = ["b": true, "a": [1, "x\n\"", NSNull()] as [Any], "c": ["z": false, "y": -2] as [String: Any]]
        let data = try #require(MessageJSON.data(message))
        #expect(String(decoding: data, as: UTF8.self) == #"{"a":[1,"x\n\"",null],"b":true,"c":{"y":-2,"z":false}}"#)
        #expect(MessageJSON.data(["a": 1.5]) == nil)
    }

    @Test func checksABurstOfChangesOnceWhenTheClientPauses() throws {
        let directory = try Export.temporaryDirectory()
        let path = FilePaths.real(directory.path)! + "/d.yaml"
        let text = String(decoding: try Data(contentsOf: Repository.url("Fixtures/valid/minimal.yaml")), as: UTF8.self)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let uri = ProtocolValues.uri(of: path)
        let escaped = String(data: try JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed]), encoding: .utf8)!
        var input = Self.request(1, "initialize", #"{"rootUri":"\#(ProtocolValues.uri(of: directory.path))"}"#)
        input += Self.notification("textDocument/didOpen", #"{"textDocument":{"uri":"\#(uri)","languageId":"yaml","version":1,"text":\#(escaped)}}"#)
        for version in 2...4 {
            input += Self.notification("textDocument/didChange", #"{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{"range":{"start":{"line":0,"character":19},"end":{"line":0,"character":19}},"text":" #\#(version)"}]}"#)
        }
        let (_, messages) = Self.serve(input, chunk: 1 << 20)
        let published = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.map { $0["params"] as! [String: Any] }
        #expect(published.map { $0["version"] as? Int } == [4])
    }
}
