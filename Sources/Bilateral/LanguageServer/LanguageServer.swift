import Foundation

/// `bilateral lsp`: the Language Server Protocol (3.17) over standard input and output, for any editor.
/// It only translates: each request's parameters become a call of the workspace's editing features,
/// and their results the protocol's JSON. Malformed messages get the protocol's errors; the server
/// never stops for them, and exits when its client says so or goes away.
public final class LanguageServer {
    /// What the server has been told of its lifecycle.
    private enum State { case starting, running, shutDown }

    private var state = State.starting
    private let workspace = LanguageWorkspace()
    /// Sends one message body.
    private let send: (Data) -> Bool
    /// False once the client has gone (a write failed).
    private var clientIsThere = true
    /// The files changed since the last check, in order, and whether each one's diagnostics go out even if unchanged.
    private var awaiting: [(path: String, publishing: Bool)] = []
    /// Whether the client reads Markdown in completion items' documentation, and in hovers; plain text is sent otherwise.
    private var markdownInCompletion = false, markdownInHover = false

    /// A server that sends its messages (bodies, framing left to the sender) through `send`, which
    /// returns false when the client has gone.
    init(send: @escaping (Data) -> Bool) { self.send = send }

    /// Serves the client on standard input and output until it sends `exit` or closes its end.
    /// - Parameter jobs: how many datasets are checked at once when a change affects several.
    /// - Returns: the exit status: 0 after `shutdown` then `exit`, else 1.
    public static func run(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let writer = MessageWriter(descriptor: 1)
        let server = LanguageServer { writer.write($0) }
        server.workspace.jobs = max(1, jobs)
        var reader = MessageReader(descriptor: 0)
        return server.serve(&reader)
    }

    /// Serves a client whose whole stream of messages is `input`, as a test or a fuzz target has it.
    /// - Parameters:
    ///   - input: the client's messages, framed as they arrive on standard input.
    ///   - send: takes each message body the server sends, framing left out.
    /// - Returns: the exit status, as `run()`'s.
    public static func serve(_ input: Data, send: @escaping (Data) -> Void) -> Int32 {
        let server = LanguageServer { body in send(body); return true }
        var position = input.startIndex
        var reader = MessageReader(isReadable: { position < input.endIndex }) { buffer in
            let count = min(buffer.count, input.endIndex - position)
            input.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: position..<position + count)
            position += count
            return count
        }
        return server.serve(&reader)
    }

    /// Handles messages from `reader` until `exit` or the end of the stream; returns the exit status.
    func serve(_ reader: inout MessageReader) -> Int32 {
        while clientIsThere {
            if !awaiting.isEmpty && !reader.hasInputReady { checkAwaiting() }
            switch reader.next() {
            case .message(let body):
                if let status = handle(body) { return status }
            case .malformed(let reason):
                respond(id: NSNull(), error: RequestError(.parseError, "a message whose headers cannot be read: \(reason)"))
            case .tooLarge(let length):
                respond(id: NSNull(), error: RequestError(.invalidRequest, "a message of \(length) bytes; this server reads messages of up to \(MessageReader.maximumLength) bytes"))
            case .end:
                return state == .shutDown ? 0 : 1
            }
        }
        return 1
    }

    /// Handles one message body; returns the exit status when it is `exit`.
    func handle(_ body: Data) -> Int32? {
        guard let json = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            respond(id: NSNull(), error: RequestError(.parseError, "the message is not JSON"))
            return nil
        }
        guard let message = json as? [String: Any], let method = message["method"] as? String else {
            let id = (json as? [String: Any])?["id"]
            // A response from the client (to a request this server never makes) needs no answer.
            if let object = json as? [String: Any], object["result"] != nil || object["error"] != nil { return nil }
            respond(id: validID(id) ?? NSNull(), error: RequestError(.invalidRequest, "the message is not a request or a notification"))
            return nil
        }
        let params = message["params"]
        guard let rawID = message["id"] else {
            return notification(method, params)
        }
        guard let id = validID(rawID) else {
            respond(id: NSNull(), error: RequestError(.invalidRequest, "a request's id must be a number or a string"))
            return nil
        }
        // A request is answered about the documents as they are now.
        checkAwaiting()
        do {
            respond(id: id, result: try request(method, params))
        } catch {
            respond(id: id, error: error)
        }
        return nil
    }

    private func validID(_ id: Any?) -> Any? {
        if let id = id as? String { return id }
        if let id = ProtocolValues.integer(id) { return id }
        return nil
    }

    // MARK: Requests

    private func request(_ method: String, _ params: Any?) throws(RequestError) -> Any {
        switch (state, method) {
        case (.starting, "initialize"):
            state = .running
            return initialize(params as? [String: Any] ?? [:])
        case (.starting, _):
            throw RequestError(.serverNotInitialized, "the server has not been initialized")
        case (.shutDown, _):
            throw RequestError(.invalidRequest, "the server has been shut down")
        case (.running, "initialize"):
            throw RequestError(.invalidRequest, "the server is initialized already")
        case (.running, "shutdown"):
            state = .shutDown
            return NSNull()
        default:
            break
        }
        let params = params as? [String: Any] ?? [:]
        switch method {
        case "textDocument/completion":
            let (path, position) = try place(params)
            guard let (items, range) = workspace.completion(at: position, in: path) else { return NSNull() }
            return ["isIncomplete": false, "items": items.map { item -> [String: Any] in
                var json: [String: Any] = ["label": item.label, "kind": item.kind.rawValue,
                                           "textEdit": ["range": ProtocolValues.json(range), "newText": item.insertText]]
                if let detail = item.detail { json["detail"] = detail }
                if let documentation = item.documentation { json["documentation"] = markup(documentation, markdown: markdownInCompletion) }
                return json
            }] as [String: Any]
        case "textDocument/hover":
            let (path, position) = try place(params)
            guard let (text, range) = workspace.hover(at: position, in: path) else { return NSNull() }
            return ["contents": markup(text, markdown: markdownInHover), "range": ProtocolValues.json(range)]
        case "textDocument/definition":
            let (path, position) = try place(params)
            return workspace.definition(at: position, in: path).map(ProtocolValues.json) ?? NSNull()
        case "textDocument/references":
            let (path, position) = try place(params)
            let includingDefinition = (params["context"] as? [String: Any])?["includeDeclaration"] as? Bool ?? true
            return workspace.references(at: position, in: path, includingDefinition: includingDefinition).map(ProtocolValues.json)
        case "textDocument/prepareRename":
            let (path, position) = try place(params)
            guard let record = workspace.renameTarget(at: position, in: path) else { return NSNull() }
            return ["range": ProtocolValues.json(record.range), "placeholder": record.id]
        case "textDocument/rename":
            let (path, position) = try place(params)
            guard let newName = params["newName"] as? String else { throw RequestError(.invalidParams, "rename needs 'newName'") }
            do {
                return ProtocolValues.json(try workspace.rename(at: position, in: path, to: newName))
            } catch {
                throw RequestError(.requestFailed, error.message)
            }
        case "textDocument/documentSymbol":
            let path = try document(params)
            return workspace.symbols(in: path).map(symbolJSON)
        case "textDocument/codeAction":
            let path = try document(params)
            guard let range = ProtocolValues.range(params["range"]) else { throw RequestError(.invalidParams, "codeAction needs a 'range'") }
            let text = workspace.text(of: path)
            return workspace.codeActions(in: path, range: range).map { action -> [String: Any] in
                ["title": action.title, "kind": "quickfix", "isPreferred": true,
                 "diagnostics": [ProtocolValues.diagnostic(action.finding, in: workspace, document: text)],
                 "edit": ProtocolValues.json(action.edits)]
            }
        default:
            throw RequestError(.methodNotFound, "the server does not handle '\(method)'")
        }
    }

    private func initialize(_ params: [String: Any]) -> [String: Any] {
        let textDocument = (params["capabilities"] as? [String: Any])?["textDocument"] as? [String: Any]
        let completionItem = (textDocument?["completion"] as? [String: Any])?["completionItem"] as? [String: Any]
        markdownInCompletion = (completionItem?["documentationFormat"] as? [String])?.contains("markdown") == true
        markdownInHover = ((textDocument?["hover"] as? [String: Any])?["contentFormat"] as? [String])?.contains("markdown") == true
        if let folders = params["workspaceFolders"] as? [[String: Any]] {
            for folder in folders { if let uri = folder["uri"] as? String, let path = ProtocolValues.path(ofURI: uri) { workspace.addFolder(path) } }
        } else if let uri = params["rootUri"] as? String, let path = ProtocolValues.path(ofURI: uri) {
            workspace.addFolder(path)
        } else if let path = params["rootPath"] as? String {
            workspace.addFolder(path)
        }
        return [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]] as [String: Any],
                "completionProvider": ["triggerCharacters": [":", " ", "[", ","]],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "renameProvider": ["prepareProvider": true],
                "documentSymbolProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
            ] as [String: Any],
            "serverInfo": ["name": "bilateral", "version": ToolVersion.current],
        ]
    }

    // MARK: Notifications

    private func notification(_ method: String, _ params: Any?) -> Int32? {
        if method == "exit" { return state == .shutDown ? 0 : 1 }
        guard state == .running else { return nil }
        let params = params as? [String: Any] ?? [:]
        let item = params["textDocument"] as? [String: Any] ?? [:]
        let path = (item["uri"] as? String).flatMap(ProtocolValues.path(ofURI:))
        switch method {
        case "textDocument/didOpen":
            guard let path, let text = item["text"] as? String else { return nil }
            workspace.open(path, text: Data(text.utf8), version: ProtocolValues.integer(item["version"]) ?? 0)
            awaitCheck(path, publishing: true)
        case "textDocument/didChange":
            guard let path, let changes = params["contentChanges"] as? [[String: Any]] else { return nil }
            let edits = changes.compactMap { change -> (range: TextRange?, text: String)? in
                guard let text = change["text"] as? String else { return nil }
                return (ProtocolValues.range(change["range"]), text)
            }
            workspace.change(path, version: ProtocolValues.integer(item["version"]) ?? 0, changes: edits)
            // The changed document's diagnostics go out after its changes, with its version, changed or not.
            awaitCheck(path, publishing: true)
        case "textDocument/didSave":
            guard let path else { return nil }
            awaitCheck(path, publishing: true)
        case "textDocument/didClose":
            guard let path else { return nil }
            workspace.close(path)
            awaitCheck(path, publishing: false)
        case "workspace/didChangeWorkspaceFolders":
            let event = params["event"] as? [String: Any] ?? [:]
            for folder in event["removed"] as? [[String: Any]] ?? [] {
                if let uri = folder["uri"] as? String, let path = ProtocolValues.path(ofURI: uri) { workspace.removeFolder(path) }
            }
            for folder in event["added"] as? [[String: Any]] ?? [] {
                if let uri = folder["uri"] as? String, let path = ProtocolValues.path(ofURI: uri) { workspace.addFolder(path) }
            }
            checkAwaiting()
            publish(workspace.checkEverything())
        case "workspace/didChangeWatchedFiles":
            for change in params["changes"] as? [[String: Any]] ?? [] {
                if let uri = change["uri"] as? String, let path = ProtocolValues.path(ofURI: uri) { awaitCheck(path, publishing: false) }
            }
        default:
            break
        }
        return nil
    }

    // MARK: Checking

    /// Notes that `path` changed; it is checked once the client has sent everything it has (or before
    /// the next request), so that a burst of keystrokes costs one check, not one each.
    /// - Parameter publishing: whether its diagnostics go out even if unchanged (an opened, changed or saved document).
    private func awaitCheck(_ path: String, publishing: Bool) {
        if let index = awaiting.firstIndex(where: { $0.path == path }) {
            awaiting[index].publishing = awaiting[index].publishing || publishing
        } else {
            awaiting.append((path, publishing))
        }
    }

    /// Checks what changed since the last check, and publishes the diagnostics.
    private func checkAwaiting() {
        let changed = awaiting
        awaiting = []
        for (path, publishing) in changed { publish(workspace.check(afterChangeOf: path), always: publishing ? path : nil) }
    }

    // MARK: Sending

    /// Publishes the findings of each file given, and of `always` (an opened or saved document) whether or not they changed.
    private func publish(_ changed: [String: [Finding]], always: String? = nil) {
        var files = changed
        if let always, files[always] == nil, workspace.isChecked(always) { files[always] = workspace.findings(in: always) }
        for (path, findings) in files.sorted(by: { $0.key < $1.key }) {
            let text = workspace.text(of: path)
            var params: [String: Any] = ["uri": ProtocolValues.uri(of: path),
                                         "diagnostics": findings.map { ProtocolValues.diagnostic($0, in: workspace, document: text) }]
            if let version = workspace.version(of: path) { params["version"] = version }
            write(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": params])
        }
    }

    private func respond(id: Any, result: Any) { write(["jsonrpc": "2.0", "id": id, "result": result]) }

    private func respond(id: Any, error: RequestError) {
        write(["jsonrpc": "2.0", "id": id, "error": ["code": error.code.rawValue, "message": error.message] as [String: Any]])
    }

    private func respond(id: Any, error: any Error) {
        respond(id: id, error: error as? RequestError ?? RequestError(.internalError, "\(error)"))
    }

    private func write(_ message: [String: Any]) {
        guard clientIsThere, let body = MessageJSON.data(message) else { return }
        if !send(body) { clientIsThere = false }
    }

    // MARK: Parameters

    private func document(_ params: [String: Any]) throws(RequestError) -> String {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String else {
            throw RequestError(.invalidParams, "the request needs 'textDocument' with a 'uri'")
        }
        guard let path = ProtocolValues.path(ofURI: uri) else { throw RequestError(.invalidParams, "'\(uri)' is not a file: URI") }
        return path
    }

    private func place(_ params: [String: Any]) throws(RequestError) -> (String, TextPosition) {
        let path = try document(params)
        guard let position = ProtocolValues.position(params["position"]) else { throw RequestError(.invalidParams, "the request needs a 'position'") }
        return (path, position)
    }

    /// Markdown as the protocol's markup content, or as plain text (the same words) for a client that reads no Markdown.
    private func markup(_ markdown: String, markdown isRead: Bool) -> [String: Any] {
        isRead ? ["kind": "markdown", "value": markdown]
            : ["kind": "plaintext", "value": markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
                .replacingOccurrences(of: "\\", with: "")]
    }

    private func symbolJSON(_ symbol: DocumentSymbol) -> [String: Any] {
        var json: [String: Any] = ["name": symbol.name, "kind": symbol.kind.rawValue, "range": ProtocolValues.json(symbol.range),
                                   "selectionRange": ProtocolValues.json(symbol.selectionRange), "children": symbol.children.map(symbolJSON)]
        if let detail = symbol.detail { json["detail"] = detail }
        return json
    }
}
