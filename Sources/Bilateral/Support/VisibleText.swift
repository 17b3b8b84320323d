/// Text from a dataset made safe to print inside a line of a report: characters that break a line
/// (CR, LF, NEL, U+2028, U+2029), reorder it (bidirectional controls and marks), hide in it
/// (zero-width characters) or control a terminal (C0 and C1 controls, DEL) are written as escapes
/// such as `\u{2029}`, so a value can never start a new line, a new workflow command or a table row,
/// nor make a line read other than it is.
public enum VisibleText {
    /// `text` with every such character escaped; returns `text` itself when it has none, which is nearly always.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True for the characters `escaped` writes as escapes.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true                 // C0 (tab, CR and LF among them), DEL, C1 (NEL among them)
        case 0x2028, 0x2029: true                           // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: true         // bidirectional embeddings, overrides and isolates
        case 0x200E, 0x200F, 0x061C: true                   // left-to-right, right-to-left and Arabic letter marks
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x180E: true  // zero-width space, non-joiner, joiner, word joiner, BOM, Mongolian vowel separator
        default: false
        }
    }
}

extension String {
    /// The text with zeros before it up to `width` characters: `0A` for `A` at width 2.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
