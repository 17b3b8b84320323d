/// Splits RFC 4180 CSV into records, streaming, and keeps the physical line and column of every field.
///
/// Fields may be quoted, with doubled quotes inside and line breaks kept; lines end in CRLF or LF.
struct CSVTokenizer {
    /// One field of the current record, as offsets into the tokenizer's buffer.
    struct Field {
        var start: Int
        var end: Int
        var isQuoted: Bool
        /// The field holds doubled quotes, which `text` turns into single ones.
        var hasEscapedQuotes: Bool
        /// The field holds a byte outside printable ASCII, to be checked for UTF-8 and control characters.
        var needsCheck: Bool
        var line: Int
        var lineStart: Int
    }

    /// Malformed CSV, with where it was found.
    struct Problem: Error {
        var message: String
        var hint: String
        var line: Int
        var column: Int
    }

    private var stream: ByteStream
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var lineStart = 0
    private(set) var fields: [Field] = []
    /// The line the current record starts on.
    private(set) var recordLine = 1

    /// The byte between fields: a comma, or the semicolon of CSV written for locales with a decimal comma.
    let separator: UInt8

    init(stream: ByteStream, separator: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) {
        self.stream = stream
        self.separator = separator
        buffer = .allocate(capacity: chunkSize)
    }

    mutating func deallocate() { buffer.deallocate() }

    /// The bytes of the buffer, valid until the next call to `nextRecord`.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(buffer) }

    /// The field's bytes (with doubled quotes as written).
    func raw(_ field: Field) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// The field's text, doubled quotes undone.
    func text(_ field: Field) -> String {
        field.hasEscapedQuotes ? Self.unescaped(raw(field)) : String(decoding: raw(field), as: UTF8.self)
    }

    /// The text of a quoted field's bytes with each doubled quote made one.
    @inline(never)
    private static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        let quote = UInt8(ascii: "\"")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            bytes.append(raw[index])
            index += raw[index] == quote && index + 1 < raw.count && raw[index + 1] == quote ? 2 : 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The 1-based column (in Unicode scalars) where the field starts.
    func column(of field: Field) -> Int { column(ofOffset: field.start, lineStart: field.lineStart) }

    /// Reads the next record into `fields`; false at the end of the input.
    mutating func nextRecord() throws -> Bool {
        while true {
            if let complete = try parseRecord() {
                if complete { return true }
                // Skip blank lines.
                continue
            }
            if atEnd { return false }
            try refill()
        }
    }

    /// Moves unread bytes to the front of the buffer (growing it for a record longer than a chunk) and reads more.
    private mutating func refill() throws {
        let keep = position
        let remaining = count - keep
        if remaining > 0, keep > 0 {
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: buffer.baseAddress! + keep, byteCount: remaining)
        }
        count = remaining
        lineStart -= keep
        position = 0
        if count == buffer.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
            _ = larger.initialize(from: buffer)
            buffer.deallocate()
            buffer = larger
        }
        let read = try stream.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...])))
        if read == 0 { atEnd = true }
        count += read
    }

    /// Parses one record from `position`. Returns true for a record, false for a blank line, and nil when
    /// the buffer ends before the record does (nothing is consumed then).
    private mutating func parseRecord() throws -> Bool? {
        let base = buffer.baseAddress!
        var i = position
        var currentLine = line
        var currentLineStart = lineStart
        fields.removeAll(keepingCapacity: true)
        if i >= count { return nil }
        if base[i] == 0x0A || (base[i] == 0x0D && i + 1 < count && base[i + 1] == 0x0A) {
            let next = base[i] == 0x0A ? i + 1 : i + 2
            position = next; line += 1; lineStart = next
            return false
        }
        if base[i] == 0x0D && i + 1 >= count && !atEnd { return nil }
        let startLine = line
        while true {
            var field = Field(start: i, end: i, isQuoted: false, hasEscapedQuotes: false, needsCheck: false,
                              line: currentLine, lineStart: currentLineStart)
            if i < count, base[i] == UInt8(ascii: "\"") {
                field.isQuoted = true
                i += 1
                field.start = i
                while true {
                    guard i < count else {
                        if atEnd {
                            throw Problem(message: "a quoted field is never closed", hint: "close the field with a double quote",
                                          line: field.line, column: column(ofOffset: field.start - 1, lineStart: field.lineStart))
                        }
                        return nil
                    }
                    let byte = base[i]
                    if byte == UInt8(ascii: "\"") {
                        if i + 1 < count, base[i + 1] == UInt8(ascii: "\"") {
                            field.hasEscapedQuotes = true; i += 2; continue
                        }
                        if i + 1 >= count, !atEnd { return nil }
                        field.end = i; i += 1
                        break
                    }
                    if byte == 0x0A { currentLine += 1; currentLineStart = i + 1 }
                    if byte < 0x20 || byte >= 0x7F { field.needsCheck = true }
                    i += 1
                }
                if i < count, base[i] != separator, base[i] != 0x0A, base[i] != 0x0D {
                    throw Problem(message: "text after a field's closing quote", hint: "write a quote inside a quoted field as two quotes (\"\")",
                                  line: currentLine, column: column(ofOffset: i, lineStart: currentLineStart))
                }
            } else {
                var check = false
                while i < count {
                    let byte = base[i]
                    if byte == separator || byte == 0x0A || byte == 0x0D { break }
                    if byte == UInt8(ascii: "\"") {
                        throw Problem(message: "a double quote inside an unquoted field",
                                      hint: "quote the whole field and double the quote: \"12\"\" pipe\"",
                                      line: currentLine, column: column(ofOffset: i, lineStart: currentLineStart))
                    }
                    check = check || byte < 0x20 || byte >= 0x7F
                    i += 1
                }
                field.needsCheck = check
                field.end = i
            }
            fields.append(field)
            guard i < count else {
                if !atEnd { return nil }
                position = i; line = currentLine; lineStart = currentLineStart; recordLine = startLine
                return true
            }
            let byte = base[i]
            if byte == separator { i += 1; continue }
            if byte == 0x0D {
                guard i + 1 < count else {
                    if !atEnd { return nil }
                    i += 1
                    position = i; line = currentLine; lineStart = currentLineStart; recordLine = startLine
                    return true
                }
                if base[i + 1] != 0x0A {
                    throw Problem(message: "a carriage return that does not end a line", hint: "end lines with CRLF or LF",
                                  line: currentLine, column: column(ofOffset: i, lineStart: currentLineStart))
                }
                i += 1
            }
            // A line feed ends the record.
            i += 1
            position = i; line = currentLine + 1; lineStart = i; recordLine = startLine
            return true
        }
    }

    /// The 1-based column (in Unicode scalars) of a buffer offset on the line starting at `lineStart`.
    private func column(ofOffset offset: Int, lineStart: Int) -> Int {
        var column = 1
        for i in lineStart..<offset where buffer[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
