import Foundation

/// Lays out the text a template rendered: paragraphs wrapped at a display width, continuation lines of
/// bullets and numbered entries hung under their text, heading underlines as long as their heading
/// and followed by its text,
/// no trailing spaces, single blank lines, one final newline, Unicode in NFC.
///
/// Lines are broken only at spaces, so a word or a URL is never split; a word wider than the width
/// gets a line of its own. A continuation line never starts with something Markdown would read as
/// the start of a block (`-`, `#`, `>`, `1.`), so the same layout serves plain text and Markdown.
enum TextLayout {
    /// Joins words that must stay on one line (a date in the sources list); written as a space.
    static let glue: Character = "\u{E000}"

    static func layout(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var lastWidth = 0
        var underlined = false
        for raw in text.precomposedStringWithCanonicalMapping.split(separator: "\n", omittingEmptySubsequences: false) {
            var end = raw.endIndex
            while end > raw.startIndex, [" ", "\t", "\r"].contains(raw[raw.index(before: end)]) { end = raw.index(before: end) }
            let line = String(raw[..<end])
            if line.isEmpty {
                // A heading's underline is followed by its text directly.
                if let last = lines.last, !last.isEmpty, !underlined { lines.append("") }
                continue
            }
            underlined = false
            if let rule = underline(line), let last = lines.last, !last.isEmpty {
                lines.append(String(repeating: rule, count: max(1, min(lastWidth, width))))
                underlined = true
                continue
            }
            let wrapped = (line.hasPrefix("#") ? [line] : wrap(marksAfterFullStops(line), width: width))
                .map { $0.contains(glue) ? $0.replacingOccurrences(of: String(glue), with: " ") : $0 }
            lastWidth = wrapped.map(DisplayWidth.of).max() ?? 0
            lines += wrapped
        }
        while lines.last == "" { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The line with every full stop that follows source marks put before them: `billion[3].` becomes
    /// `billion.[3]`, so that marks always follow the sentence they support.
    static func marksAfterFullStops(_ line: String) -> String {
        guard line.contains("].") else { return line }
        var characters = Array(line)
        var index = 0
        while index < characters.count {
            guard characters[index] == "]", index + 1 < characters.count, characters[index + 1] == "." else { index += 1; continue }
            // Walk back over a run of marks `[12][3]`.
            var start = index + 1
            var cursor = index
            while cursor >= 0, characters[cursor] == "]" {
                var open = cursor - 1
                while open >= 0, characters[open].isASCII, characters[open].isNumber { open -= 1 }
                guard open >= 0, open < cursor - 1, characters[open] == "[" else { break }
                start = open
                cursor = open - 1
            }
            if start <= index {
                characters.remove(at: index + 1)
                characters.insert(".", at: start)
            }
            index += 2
        }
        return String(characters)
    }

    /// The character of a heading underline (`===`, `---`), or nil.
    private static func underline(_ line: String) -> Character? {
        guard line.count >= 3, let first = line.first, first == "=" || first == "-", line.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// The line broken into lines no wider than `width` where it can be.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let prefix = hangingPrefix(line)
        let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
        let words = line.dropFirst(prefix.count).split(separator: " ").map(String.init)
        var lines: [[String]] = [[]]
        var used = DisplayWidth.of(prefix)
        for word in words {
            let wordWidth = DisplayWidth.of(word)
            if lines[lines.count - 1].isEmpty || used + 1 + wordWidth <= width {
                used += (lines[lines.count - 1].isEmpty ? 0 : 1) + wordWidth
                lines[lines.count - 1].append(word)
                continue
            }
            var next = [word]
            if startsBlock(word), lines[lines.count - 1].count > 1 { next.insert(lines[lines.count - 1].removeLast(), at: 0) }
            lines.append(next)
            used = indent.count + next.map(DisplayWidth.of).reduce(0, +) + next.count - 1
        }
        return lines.enumerated().map { index, words in (index == 0 ? prefix : indent) + words.joined(separator: " ") }
    }

    /// The leading spaces and list marker whose width continuation lines are indented by: `  • `, `◦ `,
    /// `- `, `12. `, `[3] `.
    static func hangingPrefix(_ line: String) -> String {
        let spaces = line.prefix { $0 == " " }
        let rest = line.dropFirst(spaces.count)
        for bullet in ["• ", "◦ ", "- ", "* ", "+ "] where rest.hasPrefix(bullet) { return spaces + bullet }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") { return spaces + digits + ". " }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"), rest[rest.index(after: rest.startIndex)..<close].allSatisfy(\.isNumber),
           rest[close...].hasPrefix("] ") {
            return spaces + rest[...close] + " "
        }
        return String(spaces)
    }

    /// Whether a word at the start of a line would open a Markdown block.
    private static func startsBlock(_ word: String) -> Bool {
        if ["-", "+", "*"].contains(word) || word.hasPrefix("#") || word.hasPrefix(">") || word.hasPrefix("```")
            || word.hasPrefix("~~~") || word.allSatisfy({ $0 == "=" || $0 == "-" }) { return true }
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && digits.count < 10 && [".", ")"].contains(word.dropFirst(digits.count))
    }
}
