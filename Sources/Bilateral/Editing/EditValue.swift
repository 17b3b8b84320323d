/// A value the edit engine writes into a document, with what it is, so that it is written the way
/// the loader will read it back: text quoted where YAML would take it for something else, numbers,
/// dates and ids as they are.
public indirect enum EditValue: Hashable, Sendable {
    /// Text, quoted when written plain it would not read back as the same text.
    case text(String)
    /// A number, date, period, boolean or id: written as it is.
    case bare(String)
    case list([EditValue])
    /// Keys and values, in order.
    case map([EditEntry])

    /// A key of a map and its value.
    public struct EditEntry: Hashable, Sendable {
        /// The key.
        public var key: String
        /// Its value.
        public var value: EditValue

        /// `key: value`.
        public init(_ key: String, _ value: EditValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value written in YAML's flow style (or plain or quoted, for a scalar), on one line when it can be.
    /// - Parameter inFlow: it goes inside a flow collection, where `,[]{}` must be quoted.
    func flowText(inFlow: Bool) -> String {
        switch self {
        case .text(let text): YAMLScalarText.plainOrQuoted(text, inFlow: inFlow, mustReadAsText: true)
        case .bare(let text): YAMLScalarText.plainOrQuoted(text, inFlow: inFlow, mustReadAsText: false)
        case .list(let items): "[" + items.map { $0.flowText(inFlow: true) }.joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.map { YAMLScalarText.plainOrQuoted($0.key, inFlow: true, mustReadAsText: true) + ": " + $0.value.flowText(inFlow: true) }
                .joined(separator: ", ") + "}"
        }
    }
}

/// How text is written as a YAML scalar.
enum YAMLScalarText {
    /// Plain when that reads back as the same text (and, for text, as text), else double-quoted.
    static func plainOrQuoted(_ text: String, inFlow: Bool, mustReadAsText: Bool) -> String {
        isPlainSafe(text, inFlow: inFlow) && (!mustReadAsText || PlainScalar.resolve(text) == .text) ? text : doubleQuoted(text)
    }

    /// Whether `text` written without quotes is read back as exactly `text`.
    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
                || scalar.value == 0xFEFF { return false }
            // libyaml refuses a colon inside a plain scalar in a flow collection, even one not followed by a blank.
            if inFlow, ",[]{}:".unicodeScalars.contains(scalar) { return false }
        }
        return true
    }

    /// `"text"`, with YAML's escapes.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFEFF {
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `'text'`, quotes doubled; nil when the text has a line break, which single quotes would fold.
    static func singleQuoted(_ text: String) -> String? {
        guard !text.contains(where: \.isNewline) else { return nil }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
