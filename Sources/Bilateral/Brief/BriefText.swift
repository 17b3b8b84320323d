import Foundation

/// Small helpers that turn the dataset's text into the brief's prose.
enum BriefText {
    /// The text on one line: line breaks and tabs become spaces, the ends trimmed.
    static func inline(_ text: String) -> String {
        let spaced = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return spaced.trimmingCharacters(in: .whitespaces)
    }

    /// The text as a sentence: on one line, with a full stop added after a Latin letter, digit or
    /// closing bracket or quote. Text in other scripts keeps its own punctuation (Urdu's `۔`).
    static func sentence(_ text: String) -> String {
        let line = inline(text)
        guard let last = line.unicodeScalars.last else { return line }
        let open = last.properties.isAlphabetic ? last.value < 0x250 : (last.properties.numericType != nil || ")]%\"'’”".unicodeScalars.contains(last))
        return open ? line + "." : line
    }

    /// Whether the text already ends a sentence (`.`, `?`, `!` or `…`), so that no full stop follows.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".?!…".contains(last)
    }

    /// The text with its first letter in capitals: `The United States`.
    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Words joined as English lists them: `A`, `A and B`, `A, B and C`.
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words.last!
    }
}
