/// JSON string literals, for reports and writers that keep a fixed key order and byte-identical output.
enum JSONText {
    /// `text` as a JSON string literal: raw UTF-8, with quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        JSONStream.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
