/// Text made safe for a spreadsheet cell. libxlsxwriter escapes control characters itself (as
/// `_x0001_`), but passes on text that Excel would decode as such an escape, and stops at a NUL.
enum SpreadsheetText {
    /// The most characters (UTF-16 code units, as Excel counts) a cell holds.
    static let maximumLength = 32_767

    /// Why text cannot go into a cell as it is.
    enum Refusal: Equatable, CustomStringConvertible {
        case tooLong(Int)
        case nul

        var description: String {
            switch self {
            case .tooLong(let length):
                "the text has \(length) characters, more than the \(SpreadsheetText.maximumLength) a spreadsheet cell holds"
            case .nul: "the text holds a NUL character, which a spreadsheet cell cannot hold"
            }
        }
    }

    /// The text a cell shows for `cell`, or nil for a number, date or other value that is not text.
    static func cellText(_ cell: Cell) -> String? {
        switch cell {
        case .text(let value), .url(let value), .reference(let value): value
        case .texts, .textMap, .references: cell.plainText
        default: nil
        }
    }

    /// False when `cell` surely fits a cell, judged from its parts' sizes without building its text.
    static func mayBeTooLong(_ cell: Cell) -> Bool {
        switch cell {
        // Escaping (`escaped`) at most triples a text's UTF-8 bytes.
        case .text(let value), .url(let value), .reference(let value): 3 * value.utf8.count > maximumLength
        case .references(let ids): ids.reduce(ids.count) { $0 + $1.utf8.count } > maximumLength
        // Quoted, and any character escaped in at most six bytes.
        case .texts(let texts): texts.reduce(texts.count * 3) { $0 + 6 * $1.utf8.count } > maximumLength
        case .textMap(let map): map.reduce(map.count * 6) { $0 + 6 * ($1.key.utf8.count + $1.value.utf8.count) } > maximumLength
        default: false
        }
    }

    /// True when `text` is longer than a cell holds, once escaped as the cell is written.
    static func isTooLong(_ text: String) -> Bool {
        3 * text.utf8.count > maximumLength && writtenLength(text) > maximumLength
    }

    /// The characters (UTF-16 code units) of `text` as it is written into a cell: escaped (`escaped`),
    /// which is what libxlsxwriter measures against the limit.
    static func writtenLength(_ text: String) -> Int { escaped(text).utf16.count }

    /// The finding's words for a text of `length` characters that no cell holds, and what to do.
    static func tooLongMessage(_ length: Int) -> (message: String, hint: String) {
        ("has \(length) characters, more than the \(maximumLength) a spreadsheet cell holds",
         "shorten it or split it; the XLSX export refuses it (CSV and JSON keep it whole)")
    }

    /// Why `text` cannot be written, or nil when it can.
    static func refusal(_ text: String) -> Refusal? {
        var text = text
        let hasNUL = text.withUTF8 { $0.contains(0) }
        if hasNUL { return .nul }
        return isTooLong(text) ? .tooLong(writtenLength(text)) : nil
    }

    /// `text` as the cell must hold it so that Excel shows it unchanged: a literal `_xHHHH_` gets its
    /// underscore escaped (`_x005F_xHHHH_`), and U+FFFE and U+FFFF, which XML cannot carry, become
    /// `_xFFFE_` and `_xFFFF_`. Returns `text` itself when nothing needs escaping, which is nearly always.
    static func escaped(_ text: String) -> String {
        var text = text
        let (hasEscape, mayHaveNonCharacter) = text.withUTF8 { (escapeStart(in: $0) != nil, $0.contains(0xEF)) }
        guard hasEscape || mayHaveNonCharacter && text.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF })
        else { return text }
        var result = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "_", isEscape(scalars, at: index) {
                result += "_x005F_"
            } else if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                result += "_x" + String(scalar.value, radix: 16, uppercase: true) + "_"
            } else {
                result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return result
    }

    /// Where an `_xHHHH_` sequence starts in UTF-8 bytes.
    private static func escapeStart(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 7 else { return nil }
        for start in 0...(bytes.count - 7) where bytes[start] == UInt8(ascii: "_") && bytes[start + 1] == UInt8(ascii: "x")
            && bytes[start + 6] == UInt8(ascii: "_") && (2...5).allSatisfy({ isHexDigit(bytes[start + $0]) }) {
            return start
        }
        return nil
    }

    private static func isEscape(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        guard start + 6 < scalars.count, scalars[start + 1] == "x", scalars[start + 6] == "_" else { return false }
        return (2...5).allSatisfy { scalars[start + $0].isASCII && isHexDigit(UInt8(scalars[start + $0].value)) }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
