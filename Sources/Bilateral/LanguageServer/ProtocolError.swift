/// The JSON-RPC and Language Server Protocol error codes the server answers with.
enum ProtocolError: Int {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
}

/// A request that cannot be answered: the code and message of the error response.
struct RequestError: Error {
    var code: ProtocolError
    var message: String

    init(_ code: ProtocolError, _ message: String) {
        self.code = code
        self.message = message
    }
}
