/// Where a position is in a dataset or record document, read from the lines around it and not from a
/// parse, so that half-typed YAML (a key without its colon, an unclosed `[`) still answers: the
/// top-level list it is under, the keys that lead to it, whether it is on a key or a value, and the
/// word there.
struct CursorContext: Equatable {
    /// Whether the position is where a key is written, or a value.
    enum Place: Equatable { case key, value }

    /// The key or value position.
    var place: Place
    /// The keys and list items from the document's top down to the position, outermost first:
    /// `["people", "-"]` for a field name of a person, `["events", "-", "visitors", "-"]` for a visitor.
    var path: [String]
    /// The key whose value the position is in (the list's key for an item of a list); nil at a key.
    var field: String? { place == .value ? path.last(where: { $0 != "-" }) : nil }
    /// The word at the position: bytes `start..<end` of the document.
    var word: (start: Int, end: Int)
    /// The line of the item (`- `) that holds the position, the record it is in when directly under a collection.
    var itemLine: Int?

    static func == (a: CursorContext, b: CursorContext) -> Bool {
        a.place == b.place && a.path == b.path && a.word == b.word && a.itemLine == b.itemLine
    }

    /// The context of byte `offset` of `document`.
    init(_ document: TextDocument, offset: Int) {
        let line = document.line(ofOffset: offset)
        let lineStart = document.lineStart(line)
        let bytes = document.bytes
        var start = offset, end = offset
        while start > lineStart, Self.isWordByte(bytes[start - 1]) { start -= 1 }
        while end < document.lineEnd(line), Self.isWordByte(bytes[end]) { end += 1 }
        word = (start, end)
        let before = Array(bytes[lineStart..<start])
        let scan = LineScan(before)
        var path: [String] = []
        var itemLine: Int?
        // What the line says before the word: `- `, `key: `, flow brackets.
        let column = scan.blockKeyIndent ?? before.count
        if !scan.itemIndents.isEmpty { itemLine = line }
        if let first = scan.itemIndents.first {
            path = Self.ancestors(document, above: line, indent: first, isItem: true, itemLine: &itemLine)
        } else {
            path = Self.ancestors(document, above: line, indent: column, isItem: false, itemLine: &itemLine)
        }
        path += scan.itemIndents.map { _ in "-" }
        if let key = scan.blockKey { path.append(key) }
        path += scan.flowPath
        place = scan.isAtValue ? .value : .key
        // A bare item of a list under a field (not a record under a collection) is a value of that list.
        if place == .key, scan.blockKey == nil, scan.flowPath.isEmpty, !scan.itemIndents.isEmpty, path.count > 2 { place = .value }
        self.path = path
        self.itemLine = itemLine
    }

    /// Whether a byte may be part of an id, a key or a code.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
    }

    /// The keys and items above a place at `indent` on line `line`, outermost first.
    private static func ancestors(_ document: TextDocument, above line: Int, indent: Int, isItem: Bool, itemLine: inout Int?) -> [String] {
        var path: [String] = []
        var threshold = indent, lookingForItemParent = isItem
        var current = line - 1
        while current >= 0, threshold > 0 || lookingForItemParent {
            let text = Array(document.bytes[document.lineStart(current)..<document.lineEnd(current)])
            defer { current -= 1 }
            let scan = LineScan(text)
            guard !scan.isBlankOrComment else { continue }
            // The line's elements, rightmost first: its key, then its items.
            var elements: [(indent: Int, key: String?)] = []
            for indent in scan.itemIndents { elements.append((indent, nil)) }
            if let key = scan.blockKey, let keyIndent = scan.blockKeyIndent { elements.append((keyIndent, key)) }
            var found = false
            for element in elements.reversed() {
                let parent = element.indent < threshold
                    || (lookingForItemParent && element.key != nil && element.indent == threshold && scan.keyHasNoValue)
                guard parent else { continue }
                path.insert(element.key ?? "-", at: 0)
                if element.key == nil, itemLine == nil { itemLine = current }
                threshold = element.indent
                lookingForItemParent = element.key == nil
                found = true
                // Elements further left on the same line are this one's parents.
                for left in elements.reversed() where left.indent < element.indent {
                    path.insert(left.key ?? "-", at: 0)
                    if left.key == nil, itemLine == nil { itemLine = current }
                    threshold = left.indent
                    lookingForItemParent = left.key == nil
                }
                break
            }
            if found && threshold == 0 && !lookingForItemParent { break }
        }
        return path
    }
}

/// What one line says up to a point: the items (`- `) it opens, its block key, and inside flow
/// collections the keys and items that lead to the point. Quotes are followed; comments end it.
struct LineScan {
    /// The columns of each `- ` the line starts with.
    var itemIndents: [Int] = []
    /// The block key the line writes (`key:`), and its column.
    var blockKey: String?
    var blockKeyIndent: Int?
    /// The line holds only spaces or a comment.
    var isBlankOrComment = true
    /// The block key has nothing after its colon.
    var keyHasNoValue = false
    /// Inside flow collections: `-` for each sequence, the key for each mapping value.
    var flowPath: [String] = []
    /// The point is at a value (after a block or flow key's colon, or in a flow sequence).
    var isAtValue = false

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count, bytes[index] != 0x23 else { return }
        isBlankOrComment = false
        while index + 1 <= bytes.count, bytes[index] == 0x2D, index + 1 == bytes.count || bytes[index + 1] == 0x20 {
            itemIndents.append(index)
            index += 1
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        }
        // A block key: text up to ": " or a final ":" outside quotes and brackets.
        let keyStart = index
        var keyEnd: Int?
        var scan = index
        if scan < bytes.count, bytes[scan] == 0x22 || bytes[scan] == 0x27 {
            let quote = bytes[scan]
            scan += 1
            while scan < bytes.count, bytes[scan] != quote { scan += 1 }
            scan += 1
        }
        while scan < bytes.count, ![0x7B, 0x5B, 0x23].contains(bytes[scan]) {
            if bytes[scan] == 0x3A, scan + 1 == bytes.count || bytes[scan + 1] == 0x20 { keyEnd = scan; break }
            scan += 1
        }
        if let keyEnd, keyEnd > keyStart {
            var key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self).trimmingTrailingSpaces
            if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first { key = String(key.dropFirst().dropLast()) }
            blockKey = key
            blockKeyIndent = keyStart
            index = keyEnd + 1
            isAtValue = true
            let rest = bytes[index...].drop { $0 == 0x20 }
            keyHasNoValue = rest.isEmpty || rest.first == 0x23
        } else if itemIndents.isEmpty || keyStart < bytes.count {
            blockKeyIndent = keyStart
        }
        scanFlow(bytes, from: index)
    }

    private mutating func scanFlow(_ bytes: [UInt8], from start: Int) {
        // Each open flow collection: a sequence, or a mapping with the key whose value is being written.
        var frames: [(isSequence: Bool, key: String?, afterColon: Bool)] = []
        var token: [UInt8] = []
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22, 0x27:
                let quote = byte
                index += 1
                while index < bytes.count, bytes[index] != quote { token.append(bytes[index]); index += 1 }
            case 0x23 where index == 0 || bytes[index - 1] == 0x20:
                index = bytes.count
                continue
            case 0x5B:
                frames.append((true, nil, false)); token = []
            case 0x7B:
                frames.append((false, nil, false)); token = []
            case 0x5D, 0x7D:
                if !frames.isEmpty { frames.removeLast() }
                token = []
            case 0x2C:
                if !frames.isEmpty { frames[frames.count - 1].afterColon = false; frames[frames.count - 1].key = nil }
                token = []
            case 0x3A where !frames.isEmpty && !frames[frames.count - 1].isSequence:
                frames[frames.count - 1].key = String(decoding: token, as: UTF8.self).trimmingSpaces
                frames[frames.count - 1].afterColon = true
                token = []
            case 0x20: break
            default: token.append(byte)
            }
            index += 1
        }
        guard !frames.isEmpty else { return }
        for frame in frames {
            if frame.isSequence { flowPath.append("-") } else if frame.afterColon, let key = frame.key { flowPath.append(key) }
        }
        let innermost = frames[frames.count - 1]
        isAtValue = innermost.isSequence || innermost.afterColon
    }
}

extension String {
    var trimmingTrailingSpaces: String { String(reversed().drop { $0 == " " }.reversed()) }
    var trimmingSpaces: String { String(drop { $0 == " " }).trimmingTrailingSpaces }
}
