/// Writes canonical JSON to a file as it goes: two-space indentation with every member and item on its
/// own line, keys in the order given, raw UTF-8 with only quotes, backslashes and control characters
/// (and U+2028, U+2029) escaped.
struct JSONStream {
    let file: OutputFile
    /// Whether each open container has a member yet.
    private var hasMembers: [Bool] = []

    init(file: OutputFile) { self.file = file }

    mutating func beginObject() throws { try open(UInt8(ascii: "{")) }
    mutating func endObject() throws { try close(UInt8(ascii: "}")) }
    mutating func beginArray() throws { try open(UInt8(ascii: "[")) }
    mutating func endArray() throws { try close(UInt8(ascii: "]")) }

    /// Starts a member of the current object; its value follows.
    mutating func key(_ name: String) throws {
        try separate()
        file.withBuffer { Self.appendString(name, to: &$0); $0.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")]) }
        pendingValue = true
    }

    mutating func string(_ text: String) throws {
        try item()
        file.withBuffer { Self.appendString(text, to: &$0) }
        try file.flushIfFull()
    }

    /// A number, `true`, `false` or `null`, written as given.
    mutating func literal(_ text: String) throws {
        try item()
        try file.write(text)
    }

    /// The cell as its JSON value: strings, numbers as written, booleans, arrays and objects (keys sorted).
    mutating func cell(_ cell: Cell) throws {
        switch cell {
        case .empty: try literal("null")
        case .text(let text), .url(let text), .reference(let text): try string(text)
        case .number(let number): try literal(number.description)
        case .integer(let value): try literal(String(value))
        case .boolean(let value): try literal(value ? "true" : "false")
        case .date(let date): try string(date.description)
        case .period(let period): try string(period.description)
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

    /// Ends the document with a newline.
    func finish() throws { try file.write(byte: UInt8(ascii: "\n")) }

    // MARK: Layout

    private var pendingValue = false

    private mutating func open(_ bracket: UInt8) throws {
        try item()
        try file.write(byte: bracket)
        hasMembers.append(false)
    }

    private mutating func close(_ bracket: UInt8) throws {
        let had = hasMembers.removeLast()
        if had { newline() }
        try file.write(byte: bracket)
    }

    /// Before a value: nothing after a key, else the separator and indentation of an array item.
    private mutating func item() throws {
        if pendingValue { pendingValue = false; return }
        try separate()
    }

    private mutating func separate() throws {
        guard !hasMembers.isEmpty else { return }
        if hasMembers[hasMembers.count - 1] { try file.write(byte: UInt8(ascii: ",")) }
        hasMembers[hasMembers.count - 1] = true
        newline()
    }

    private func newline() {
        let depth = hasMembers.count
        file.withBuffer { buffer in
            buffer.append(UInt8(ascii: "\n"))
            for _ in 0..<depth { buffer.append(contentsOf: [0x20, 0x20]) }
        }
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
                let escape: [UInt8]?
                switch byte {
                case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
                case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
                case UInt8(ascii: "\n"): escape = Array(#"\n"#.utf8)
                case UInt8(ascii: "\r"): escape = Array(#"\r"#.utf8)
                case UInt8(ascii: "\t"): escape = Array(#"\t"#.utf8)
                case 0..<0x20, 0x7F: escape = Array("\\u00\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0xF)])".utf8)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = Array((bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    buffer.append(contentsOf: bytes[start..<index])
                    buffer.append(contentsOf: escape!)
                    index += 3
                    start = index
                    continue
                default: escape = nil
                }
                if let escape {
                    buffer.append(contentsOf: bytes[start..<index])
                    buffer.append(contentsOf: escape)
                    start = index + 1
                }
                index += 1
            }
            buffer.append(contentsOf: bytes[start..<bytes.count])
            buffer.append(UInt8(ascii: "\""))
        }
    }

    private static let hexDigits = Array("0123456789abcdef")
}
