/// A small pull tokenizer for the XML of a workbook's parts, over bytes that may arrive in chunks.
///
/// It knows elements, attributes, text, CDATA, comments and processing instructions, and nothing
/// else: a document type declaration (where entities are declared) is refused, and a reference to any
/// entity but the five predefined ones and character references is an error. So no entity is ever
/// expanded and no external file is ever named, let alone read. Names lose their namespace prefix
/// (`x:c` is `c`), as the parts are read by local name.
struct XMLTokenizer {
    /// One piece of the document.
    enum Token: Equatable {
        /// A start tag; its attributes are in `attributes` until the next call.
        case start(String, selfClosing: Bool)
        case end(String)
        /// Character data, entities decoded.
        case text(String)
    }

    /// A malformed or refused document, at a byte offset of the part.
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    /// Where an attribute of the last start tag is in the buffer: its local name and its value, and the
    /// value decoded when it holds a reference or a carriage return (else it is read from the bytes when asked).
    /// (Plain integers, so that the list of them is reused from tag to tag without any reference counting.)
    private struct AttributeSpan {
        var name: Range<Int>
        var value: Range<Int>
        /// The index of the decoded value in `decodedValues`, or -1.
        var decoded: Int
        /// The name is written with a namespace prefix (`xsi:type`, `xmlns:m`).
        var isPrefixed: Bool
    }

    /// The attributes of the last start tag; their texts are made only for the attributes asked for.
    private var attributes: [AttributeSpan] = []
    /// The decoded values of the last start tag's attributes that needed decoding.
    private var decodedValues: [String] = []
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes dropped from the front of the buffer so far, for offsets in failures.
    private var consumed = 0
    /// No more input will come.
    private var isFinished = false
    /// Where the last token returned starts, as a byte offset of the whole input.
    private(set) var tokenOffset = 0
    /// The most characters one token (a start tag, a run of text) may have.
    static let maximumTokenLength = 64 << 20

    init() { attributes.reserveCapacity(8) }

    /// Adds input; call `next()` until it returns nil, then add more.
    mutating func feed(_ bytes: some Collection<UInt8>) {
        if position > 0 {
            buffer.removeFirst(position)
            consumed += position
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Declares the input complete: an unfinished token is then an error.
    mutating func finish() { isFinished = true }

    /// The next token, or nil when the buffer holds no whole token (feed more) or the input is done.
    mutating func next() throws(Failure) -> Token? {
        while position < buffer.count {
            tokenOffset = consumed + position
            if buffer[position] != UInt8(ascii: "<") {
                // Text runs to the next '<'.
                guard let end = firstIndex(of: UInt8(ascii: "<"), from: position) else {
                    if !isFinished { try checkLength(buffer.count - position); return nil }
                    let text = try decode(position, buffer.count)
                    position = buffer.count
                    return .text(text)
                }
                let text = try decode(position, end)
                position = end
                return .text(text)
            }
            guard position + 1 < buffer.count else { return try incomplete() }
            switch buffer[position + 1] {
            case UInt8(ascii: "?"):
                guard let end = find("?>", from: position + 2) else { return try incomplete() }
                position = end + 2
            case UInt8(ascii: "!"):
                if startsWith("<!--", at: position) {
                    guard let end = find("-->", from: position + 4) else { return try incomplete() }
                    position = end + 3
                } else if startsWith("<![CDATA[", at: position) {
                    guard let end = find("]]>", from: position + 9) else { return try incomplete() }
                    let text = String(decoding: buffer[(position + 9)..<end], as: UTF8.self)
                    position = end + 3
                    return .text(text)
                } else if buffer.count - position < 9 && !isFinished {
                    return nil
                } else {
                    throw Failure(message: "a document type or entity declaration, which workbooks never need and bilateral refuses", offset: consumed + position)
                }
            case UInt8(ascii: "/"):
                guard let end = firstIndex(of: UInt8(ascii: ">"), from: position + 2) else { return try incomplete() }
                let name = localName(position + 2, trimmingEnd(end))
                position = end + 1
                return .end(name)
            default:
                return try startTag()
            }
        }
        return nil
    }

    private mutating func incomplete() throws(Failure) -> Token? {
        if isFinished { throw Failure(message: "the document ends inside a tag", offset: consumed + position) }
        try checkLength(buffer.count - position)
        return nil
    }

    private func checkLength(_ length: Int) throws(Failure) {
        if length > Self.maximumTokenLength {
            throw Failure(message: "a tag or text longer than \(Self.maximumTokenLength >> 20) MiB", offset: consumed + position)
        }
    }

    private mutating func startTag() throws(Failure) -> Token? {
        var index = position + 1
        let nameStart = index
        while index < buffer.count, !Self.isNameEnd(buffer[index]) { index += 1 }
        let nameEnd = index
        attributes.removeAll(keepingCapacity: true)
        if !decodedValues.isEmpty { decodedValues.removeAll() }
        while true {
            while index < buffer.count, Self.isSpace(buffer[index]) { index += 1 }
            guard index < buffer.count else { return try incomplete() }
            let byte = buffer[index]
            if byte == UInt8(ascii: ">") {
                position = index + 1
                return .start(localName(nameStart, nameEnd), selfClosing: false)
            }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < buffer.count else { return try incomplete() }
                guard buffer[index + 1] == UInt8(ascii: ">") else { throw Failure(message: "'/' inside a tag", offset: consumed + index) }
                position = index + 2
                return .start(localName(nameStart, nameEnd), selfClosing: true)
            }
            let attributeStart = index
            while index < buffer.count, buffer[index] != UInt8(ascii: "="), !Self.isNameEnd(buffer[index]) { index += 1 }
            let attributeEnd = index
            while index < buffer.count, Self.isSpace(buffer[index]) { index += 1 }
            guard index < buffer.count else { return try incomplete() }
            guard buffer[index] == UInt8(ascii: "="), attributeEnd > attributeStart else {
                throw Failure(message: "an attribute without a value", offset: consumed + index)
            }
            index += 1
            while index < buffer.count, Self.isSpace(buffer[index]) { index += 1 }
            guard index < buffer.count else { return try incomplete() }
            let quote = buffer[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw Failure(message: "an attribute value without quotes", offset: consumed + index)
            }
            guard let close = firstIndex(of: quote, from: index + 1) else { return try incomplete() }
            // A reference is checked here, as the tag is read, whether or not the value is asked for.
            var decoded = -1
            if firstSpecial(index + 1, close) != nil {
                decodedValues.append(try decode(index + 1, close))
                decoded = decodedValues.count - 1
            }
            let local = localNameStart(attributeStart, attributeEnd)
            attributes.append(AttributeSpan(name: local..<attributeEnd, value: (index + 1)..<close, decoded: decoded, isPrefixed: local != attributeStart))
            index = close + 1
        }
    }

    /// The value of the last start tag's attribute `name` (a local name).
    func attribute(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { wanted in
            buffer.withUnsafeBufferPointer { bytes in
                for attribute in attributes where attribute.name.count == wanted.count
                    && attribute.name.indices.allSatisfy({ bytes[$0] == wanted[$0 - attribute.name.lowerBound] }) {
                    return value(of: attribute, in: bytes)
                }
                return nil
            }
        }
    }

    /// Every attribute of the last start tag written without a namespace prefix, by local name, in the
    /// order written (`xmlns` declarations left out).
    func unprefixedAttributes() -> [(name: String, value: String)] {
        buffer.withUnsafeBufferPointer { bytes in
            attributes.compactMap { attribute -> (name: String, value: String)? in
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[attribute.name]), as: UTF8.self)
                guard !attribute.isPrefixed, name != "xmlns" else { return nil }
                return (name, value(of: attribute, in: bytes))
            }
        }
    }

    /// The values of every attribute of the last start tag, whatever its name (namespace declarations among them).
    func attributeValues() -> [String] {
        buffer.withUnsafeBufferPointer { bytes in
            attributes.map { value(of: $0, in: bytes) }
        }
    }

    /// An attribute's value: decoded when it held a reference, else its bytes as written.
    private func value(of attribute: AttributeSpan, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        attribute.decoded >= 0 ? decodedValues[attribute.decoded] : String(decoding: UnsafeBufferPointer(rebasing: bytes[attribute.value]), as: UTF8.self)
    }

    private func trimmingEnd(_ end: Int) -> Int {
        var end = end
        while end > position, Self.isSpace(buffer[end - 1]) { end -= 1 }
        return end
    }

    private func localName(_ start: Int, _ end: Int) -> String {
        String(decoding: buffer[localNameStart(start, end)..<end], as: UTF8.self)
    }

    /// Where the name at `start..<end` starts without its namespace prefix.
    private func localNameStart(_ start: Int, _ end: Int) -> Int {
        var start = start
        var index = start
        while index < end {
            if buffer[index] == UInt8(ascii: ":") { start = index + 1 }
            index += 1
        }
        return start
    }

    /// The first '&' or carriage return in `start..<end`, which decoding changes.
    private func firstSpecial(_ start: Int, _ end: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var index = start
            while index < end {
                if bytes[index] == UInt8(ascii: "&") || bytes[index] == 0x0D { return index }
                index += 1
            }
            return nil
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    private static func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var index = start
            while index < bytes.count {
                if bytes[index] == byte { return index }
                index += 1
            }
            return nil
        }
    }

    private func startsWith(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= buffer.count else { return false }
        return text.withUTF8Buffer { pattern in (0..<count).allSatisfy { buffer[index + $0] == pattern[$0] } }
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        var index = start
        let first = text.withUTF8Buffer { $0[0] }
        while let candidate = firstIndex(of: first, from: index) {
            if startsWith(text, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The text of bytes `start..<end` with character and the five predefined entity references decoded,
    /// and line ends made line feeds, as XML reads them (a carriage return written `&#xD;` stays).
    private func decode(_ start: Int, _ end: Int) throws(Failure) -> String {
        guard let special = firstSpecial(start, end) else { return String(decoding: buffer[start..<end], as: UTF8.self) }
        var bytes: [UInt8] = Array(buffer[start..<special])
        var index = special
        while index < end {
            let byte = buffer[index]
            if byte == 0x0D {
                bytes.append(0x0A)
                index += index + 1 < end && buffer[index + 1] == 0x0A ? 2 : 1
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                bytes.append(byte)
                index += 1
                continue
            }
            guard let semicolon = firstIndex(of: UInt8(ascii: ";"), from: index), semicolon < end, semicolon - index <= 12 else {
                throw Failure(message: "an '&' that starts no reference", offset: consumed + index)
            }
            let name = String(decoding: buffer[(index + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "lt": bytes.append(UInt8(ascii: "<"))
            case "gt": bytes.append(UInt8(ascii: ">"))
            case "amp": bytes.append(UInt8(ascii: "&"))
            case "quot": bytes.append(UInt8(ascii: "\""))
            case "apos": bytes.append(UInt8(ascii: "'"))
            default:
                var value: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { value = UInt32(name.dropFirst(2), radix: 16) }
                else if name.hasPrefix("#") { value = UInt32(name.dropFirst(), radix: 10) }
                guard let value, let scalar = Unicode.Scalar(value) else {
                    throw Failure(message: "the entity '&\(name.prefix(12));', which workbooks never need and bilateral never expands", offset: consumed + index)
                }
                bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = semicolon + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
