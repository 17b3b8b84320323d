/// Writes canonical JSON to a file as it goes: two-space indentation with every member and item on its
/// own line, keys in the order given, raw UTF-8 with only quotes, backslashes and control characters
/// (and U+2028, U+2029) escaped.
struct JSONStream {
    let file: OutputFile
    /// Each value on one line, for JSON lines: no line breaks or indentation between members.
    var compact = false
    /// Whether each open container has a member yet.
    private var hasMembers: [Bool] = []
    /// Bytes not yet handed to the file.
    private var buffer: [UInt8] = []

    init(file: OutputFile) {
        self.file = file
        buffer.reserveCapacity(1 << 17)
    }

    private mutating func flushIfFull() throws {
        if buffer.count >= 1 << 16 {
            try file.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func beginObject() throws { try open(UInt8(ascii: "{")) }
    mutating func endObject() throws { try close(UInt8(ascii: "}")) }
    mutating func beginArray() throws { try open(UInt8(ascii: "[")) }
    mutating func endArray() throws { try close(UInt8(ascii: "]")) }

    /// Starts a member of the current object; its value follows.
    mutating func key(_ name: String) throws {
        try separate()
        Self.appendString(name, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        if !compact { buffer.append(UInt8(ascii: " ")) }
        pendingValue = true
    }

    mutating func string(_ text: String) throws {
        try item()
        Self.appendString(text, to: &buffer)
        try flushIfFull()
    }

    /// A number, `true`, `false` or `null`, written as given.
    mutating func literal(_ text: String) throws {
        try item()
        buffer.append(contentsOf: text.utf8)
    }

    /// The cell as its JSON value: strings, numbers as written, booleans, arrays and objects (keys sorted).
    mutating func cell(_ cell: Cell) throws {
        switch cell {
        case .empty: try literal("null")
        case .text(let text), .url(let text), .reference(let text): try string(text)
        case .number(let number):
            try item()
            number.appendDecimal(to: &buffer)
        case .integer(let value): try literal(String(value))
        case .boolean(let value): try literal(value ? "true" : "false")
        case .date(let date):
            try item()
            buffer.append(UInt8(ascii: "\""))
            date.appendISO(to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        case .period(let period):
            try item()
            buffer.append(UInt8(ascii: "\""))
            period.appendISO(to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        case .references(let items), .texts(let items):
            try beginArray()
            for item in items { try string(item) }
            try endArray()
        case .textMap(let map):
            try beginObject()
            for (key, value) in map.sorted(by: { $0.key < $1.key }) {
                try self.key(key)
                try string(value)
            }
            try endObject()
        }
    }

    /// Ends a value or the document with a newline and hands every byte to the file.
    mutating func finish() throws {
        buffer.append(UInt8(ascii: "\n"))
        try file.write(buffer)
        buffer.removeAll()
    }

    // MARK: Layout

    private var pendingValue = false

    private mutating func open(_ bracket: UInt8) throws {
        try item()
        buffer.append(bracket)
        hasMembers.append(false)
    }

    private mutating func close(_ bracket: UInt8) throws {
        let had = hasMembers.removeLast()
        if had { newline() }
        buffer.append(bracket)
        try flushIfFull()
    }

    /// Before a value: nothing after a key, else the separator and indentation of an array item.
    private mutating func item() throws {
        if pendingValue { pendingValue = false; return }
        try separate()
    }

    private mutating func separate() throws {
        guard !hasMembers.isEmpty else { return }
        if hasMembers[hasMembers.count - 1] { buffer.append(UInt8(ascii: ",")) }
        hasMembers[hasMembers.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard !compact else { return }
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<hasMembers.count * 2 { buffer.append(0x20) }
    }

    /// `text` as a JSON string literal.
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            buffer.append(UInt8(ascii: "\""))
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsEscape[Int(byte)] else { index += 1; continue }
                if byte == 0xE2 {  // U+2028 and U+2029 end lines in JavaScript
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    buffer.append(contentsOf: (bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    index += 3
                    start = index
                    continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): buffer.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): buffer.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): buffer.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): buffer.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): buffer.append(contentsOf: #"\t"#.utf8)
                default: buffer.append(contentsOf: "\\u00\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0xF)])".utf8)
                }
                index += 1
                start = index
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// Bytes that end a run of plain text: controls, quote, backslash, DEL, and 0xE2 (which starts U+2028 and U+2029).
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }

    private static let hexDigits = Array("0123456789abcdef")
}
