/// Byte-level checks on raw text: valid UTF-8 and no control characters.
enum TextScan {
    /// A problem found in raw bytes, with its 1-based line and column (in Unicode scalars).
    struct Problem: Equatable {
        enum Kind: Equatable { case invalidUTF8(byte: UInt8), controlCharacter(UInt32) }
        var kind: Kind
        var line: Int
        var column: Int
    }

    /// The first invalid UTF-8 sequence or disallowed control character in `bytes`.
    ///
    /// Tab, line feed and carriage return are allowed (they are structure); every other C0 control,
    /// DEL and the C1 controls are not.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        var line = 1, column = 1
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0x0A {
                    line += 1; column = 1; i += 1; continue
                }
                if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                    return Problem(kind: .controlCharacter(UInt32(byte)), line: line, column: column)
                }
                i += 1; column += 1; continue
            }
            let length: Int
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07)
            default: return Problem(kind: .invalidUTF8(byte: byte), line: line, column: column)
            }
            guard i + length <= n else {
                return Problem(kind: .invalidUTF8(byte: byte), line: line, column: column)
            }
            for k in 1..<length {
                let continuation = bytes[i + k]
                guard continuation & 0xC0 == 0x80 else {
                    return Problem(kind: .invalidUTF8(byte: byte), line: line, column: column)
                }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            let tooSmall = (length == 3 && scalar < 0x800) || (length == 4 && scalar < 0x10000)
            if tooSmall || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return Problem(kind: .invalidUTF8(byte: byte), line: line, column: column)
            }
            if (0x80...0x9F).contains(scalar) {
                return Problem(kind: .controlCharacter(scalar), line: line, column: column)
            }
            i += length; column += 1
        }
        return nil
    }

    /// The first control character in a text value other than line feed, or nil.
    static func firstControlCharacter(in text: String) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) { return scalar }
        }
        return nil
    }

    /// `U+0000` style name of a scalar value.
    static func name(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
