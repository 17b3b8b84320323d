import Foundation

/// A place in a text as editors count it (the Language Server Protocol's `Position`): a line from 0
/// and a character offset in UTF-16 code units from 0.
public struct TextPosition: Hashable, Comparable, Sendable {
    /// The line, from 0.
    public var line: Int
    /// The offset in the line, in UTF-16 code units, from 0.
    public var character: Int

    /// The position `line`:`character`, both from 0.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Orders positions by line, then character.
    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

/// A span of a text between two positions, the end excluded.
public struct TextRange: Hashable, Sendable {
    /// Where it starts.
    public var start: TextPosition
    /// Where it ends, excluded.
    public var end: TextPosition

    /// The span `start..<end`.
    public init(_ start: TextPosition, _ end: TextPosition) {
        self.start = start
        self.end = end
    }
}

/// A span of a file.
public struct FileRange: Hashable, Sendable {
    /// The file's absolute path.
    public var path: String
    /// The span in it.
    public var range: TextRange

    /// The span `range` of the file at `path`.
    public init(_ path: String, _ range: TextRange) {
        self.path = path
        self.range = range
    }
}

/// A change of a file's text: the span replaced and its new text.
public struct TextEdit: Hashable, Sendable {
    /// The span replaced.
    public var range: TextRange
    /// What is written there instead.
    public var newText: String

    /// Writes `newText` over `range`.
    public init(_ range: TextRange, _ newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A document's text as bytes, with where each line starts: converts between byte offsets, editors'
/// positions (`TextPosition`) and findings' locations (`SourceLocation`, lines from 1 and columns in
/// Unicode scalars from 1), and applies an editor's changes.
public struct TextDocument: Sendable {
    /// The text's UTF-8 bytes.
    public private(set) var bytes: [UInt8]
    /// The byte offset where each line starts; lines end at `\n`, `\r\n` or `\r`, as the protocol counts them.
    private var lineStarts: [Int]

    /// The document holding `data`.
    public init(_ data: Data) {
        bytes = [UInt8](data)
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The text as data.
    public var data: Data { Data(bytes) }

    /// How many lines the text has.
    public var lineCount: Int { lineStarts.count }

    /// The byte offset of `position`; a position past a line's end is its end, past the last line the text's end.
    public func offset(of position: TextPosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        var index = lineStarts[position.line], units = 0
        let end = lineEnd(position.line)
        while units < position.character, index < end {
            let (length, width) = Self.scalar(at: index, in: bytes)
            index += length
            units += width
        }
        return index
    }

    /// The position of byte `offset`.
    public func position(ofOffset offset: Int) -> TextPosition {
        let offset = min(max(0, offset), bytes.count)
        let line = self.line(ofOffset: offset)
        var index = lineStarts[line], units = 0
        while index < offset {
            let (length, width) = Self.scalar(at: index, in: bytes)
            index += length
            units += width
        }
        return TextPosition(line: line, character: units)
    }

    /// The byte offset of a finding's location.
    public func offset(of location: SourceLocation) -> Int {
        guard location.line >= 1, location.line <= lineStarts.count else { return location.line < 1 ? 0 : bytes.count }
        var index = lineStarts[location.line - 1], characters = 1
        let end = lineEnd(location.line - 1)
        while characters < location.column, index < end {
            index += Self.scalar(at: index, in: bytes).length
            characters += 1
        }
        return index
    }

    /// The range of bytes `start..<end` as positions.
    public func range(_ start: Int, _ end: Int) -> TextRange { TextRange(position(ofOffset: start), position(ofOffset: end)) }

    /// The line holding byte `offset`, from 0.
    public func line(ofOffset offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The byte offset where line `line` starts.
    public func lineStart(_ line: Int) -> Int { lineStarts[min(max(0, line), lineStarts.count - 1)] }

    /// The byte offset where line `line`'s text ends, before its line break.
    public func lineEnd(_ line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > lineStarts[line], line + 1 < lineStarts.count {
            end -= 1
            if bytes[end] == 0x0A, end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }

    /// Line `line`'s text, without its line break.
    public func text(ofLine line: Int) -> String {
        guard line >= 0, line < lineStarts.count else { return "" }
        return String(decoding: bytes[lineStarts[line]..<lineEnd(line)], as: UTF8.self)
    }

    /// The text of bytes `start..<end`.
    public func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// Replaces `range` (the whole text when nil) with `text`, as an editor's change says.
    public mutating func replace(_ range: TextRange?, with text: String) {
        guard let range else {
            self = TextDocument(Data(text.utf8))
            return
        }
        let start = offset(of: range.start), end = max(start, offset(of: range.end))
        bytes.replaceSubrange(start..<end, with: Array(text.utf8))
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The UTF-8 length and UTF-16 width of the scalar at `index` (a stray byte counts as one of each).
    private static func scalar(at index: Int, in bytes: [UInt8]) -> (length: Int, width: Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard index + length <= bytes.count else { return (1, 1) }
        return (length, length == 4 ? 2 : 1)
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0], index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                starts.append(index + 1)
            case 0x0D:
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            default: break
            }
            index += 1
        }
        return starts
    }
}
