/// What an unquoted YAML scalar reads as in YAML 1.1 or YAML 1.2, whichever guesses a type.
///
/// Text fields reject any plain scalar that a YAML tool could read as something other than text:
/// `NO` (Norway) is `false` in YAML 1.1, `0306` (an HS code) is an octal number.
enum PlainScalar: Equatable {
    case text, null, boolean, integer, float, timestamp

    static let booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let specialFloats: Set<String> = [
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    ]

    static func resolve(_ text: String) -> PlainScalar {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return .null }
        // Fast path: most text starts with a letter that no typed scalar starts with.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
             UInt8(ascii: "O"):
            break
        default:
            return .text
        }
        if nulls.contains(text) { return .null }
        if booleans.contains(text) { return .boolean }
        if specialFloats.contains(text) { return .float }
        if isTimestamp(bytes) { return .timestamp }
        return number(bytes) ?? .text
    }

    /// `YYYY-M-D`, optionally followed by a time.
    private static func isTimestamp(_ b: [UInt8]) -> Bool {
        func digits(_ from: Int, _ count: ClosedRange<Int>) -> Int? {
            var i = from
            while i < b.count, isDigit(b[i]) { i += 1 }
            return count.contains(i - from) ? i : nil
        }
        guard let year = digits(0, 4...4), year < b.count, b[year] == UInt8(ascii: "-"),
              let month = digits(year + 1, 1...2), month < b.count, b[month] == UInt8(ascii: "-"),
              let day = digits(month + 1, 1...2) else { return false }
        return day == b.count || [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(b[day])
    }

    /// Integers and floats in decimal, binary, octal, hexadecimal and sexagesimal notation.
    private static func number(_ b: [UInt8]) -> PlainScalar? {
        var i = 0
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return nil }
        if b.count - i > 2, b[i] == UInt8(ascii: "0") {
            let base = b[i + 1]
            let rest = b[(i + 2)...]
            switch base {
            case UInt8(ascii: "x"):
                return rest.allSatisfy { isHex($0) || $0 == UInt8(ascii: "_") } ? .integer : nil
            case UInt8(ascii: "b"):
                return rest.allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") } ? .integer : nil
            case UInt8(ascii: "o"):
                return rest.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) } ? .integer : nil
            default: break
            }
        }
        var sawDigit = false, sawDot = false
        while i < b.count {
            let c = b[i]
            if isDigit(c) { sawDigit = true }
            else if c == UInt8(ascii: "_") {}
            else if c == UInt8(ascii: ":") && sawDigit && !sawDot {} // sexagesimal, YAML 1.1: 12:30
            else if c == UInt8(ascii: ".") && !sawDot { sawDot = true }
            else if (c == UInt8(ascii: "e") || c == UInt8(ascii: "E")) && sawDigit { break }
            else { return nil }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < b.count {
            // An exponent: [eE][-+]?digits.
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < b.count, b[i...].allSatisfy(isDigit) else { return nil }
            return .float
        }
        if sawDot { return .float }
        return .integer
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    /// A word for the type, for messages.
    var name: String {
        switch self {
        case .text: "text"
        case .null: "null"
        case .boolean: "a boolean"
        case .integer: "a number"
        case .float: "a number"
        case .timestamp: "a date"
        }
    }
}
