/// Text made safe for WordprocessingML: escaped, and cut into runs by direction so that Urdu or
/// Arabic between English words is marked right-to-left.
enum WordXML {
    /// `text` escaped for an XML element or attribute. Characters XML 1.0 cannot hold (the dataset's
    /// validation refuses them) become U+FFFD rather than a file Word will not open.
    static func escaped(_ text: String) -> String {
        // Most text needs nothing: no markup characters and nothing below a space but tab and line ends.
        if !text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let allowed = scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Runs of `text` with the given run properties (`<w:b/>` and the like), right-to-left script
    /// in runs of their own marked `<w:rtl/>`.
    static func runs(_ text: String, properties: String = "") -> String {
        var xml = ""
        for (segment, rightToLeft) in directionalSegments(text) {
            let rPr = properties + (rightToLeft ? "<w:rtl/>" : "")
            xml += "<w:r>" + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "<w:t xml:space=\"preserve\">\(escaped(segment))</w:t></w:r>"
        }
        return xml
    }

    /// The text cut where its direction changes. Letters have their script's direction; spaces,
    /// punctuation and other neutral characters are right-to-left only between two right-to-left
    /// letters, and otherwise go with the left-to-right text.
    static func directionalSegments(_ text: String) -> [(String, Bool)] {
        // Right-to-left scripts start at U+0590, whose UTF-8 lead byte is 0xD6; below it, all is left-to-right.
        if !text.utf8.contains(where: { $0 >= 0xD6 }) { return text.isEmpty ? [] : [(text, false)] }
        let characters = Array(text)
        let strong = characters.map(strongDirection)
        // The direction of the next letter after each character, read from the end.
        var following = [Bool?](repeating: nil, count: characters.count)
        var next: Bool?
        for index in characters.indices.reversed() {
            following[index] = next
            if let direction = strong[index] { next = direction }
        }
        var segments: [(String, Bool)] = []
        var previous: Bool?
        for (index, character) in characters.enumerated() {
            let rightToLeft = strong[index] ?? (previous == true && following[index] == true)
            if let direction = strong[index] { previous = direction }
            if let last = segments.last, last.1 == rightToLeft {
                segments[segments.count - 1].0.append(character)
            } else {
                segments.append((String(character), rightToLeft))
            }
        }
        return segments
    }

    /// True for letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
    /// presentation forms), false for other letters and digits, nil for spaces and punctuation.
    private static func strongDirection(_ character: Character) -> Bool? {
        guard let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
            return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .otherLetter ? true : nil
        default:
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? false : nil
        }
    }
}
