/// The blocks of a brief rendered by a Markdown template, read back for a Word document: the small
/// part of Markdown the brief templates write (headings, paragraphs, bulleted and numbered items,
/// rules, `*emphasis*`, `**strong**`, `<https://…>` links, backslash escapes) and the source marks
/// `[3]`, which are never escaped text because the template escapes every `[` of the dataset's text.
enum BriefMarkdown {
    enum Block: Equatable {
        /// `#` is the title (level 1), `##` a section (level 2).
        case heading(level: Int, [Inline])
        case paragraph([Inline])
        /// A bulleted item; level 0 is the outermost.
        case bullet(level: Int, [Inline])
        /// A numbered item, with its own number (the sources list).
        case numbered(Int, [Inline])
        case rule
    }

    enum Inline: Equatable {
        case text(String, bold: Bool, italic: Bool)
        case link(String)
        /// A mark pointing to source number n.
        case mark(Int)
    }

    /// The blocks of `text`, a brief laid out with one paragraph or item per line.
    static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        func endParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inlines(paragraph.joined(separator: " ")))) }
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.isEmpty { endParagraph(); continue }
            if let level = headingLevel(body) {
                endParagraph()
                blocks.append(.heading(level: level, inlines(String(body.dropFirst(level + 1)))))
            } else if body.count >= 3, body.allSatisfy({ $0 == "-" }) {
                endParagraph()
                blocks.append(.rule)
            } else if body.hasPrefix("- ") {
                endParagraph()
                blocks.append(.bullet(level: indent / 2, inlines(String(body.dropFirst(2)))))
            } else if let dot = body.firstIndex(of: "."), dot > body.startIndex, body[..<dot].allSatisfy(\.isASCIIDigit),
                      body[body.index(after: dot)...].hasPrefix(" "), let number = Int(body[..<dot]) {
                endParagraph()
                blocks.append(.numbered(number, inlines(String(body[body.index(dot, offsetBy: 2)...]))))
            } else {
                paragraph.append(String(body))
            }
        }
        endParagraph()
        return blocks
    }

    private static func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && line.dropFirst(hashes).hasPrefix(" ") ? hashes : nil
    }

    /// The runs of one line: text with its emphasis, links and marks.
    static func inlines(_ line: String) -> [Inline] {
        var result: [Inline] = []
        var text = ""
        var bold = false
        var italic = false
        func flush() {
            if !text.isEmpty { result.append(.text(text, bold: bold, italic: italic)) }
            text = ""
        }
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count && characters[index + 1].isASCII && characters[index + 1].isPunctuationOrSymbol:
                text.append(characters[index + 1])
                index += 2
                continue
            case "*":
                flush()
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    bold.toggle()
                    index += 2
                } else {
                    italic.toggle()
                    index += 1
                }
                continue
            case "<":
                if let close = characters[index...].firstIndex(of: ">") {
                    let target = String(characters[(index + 1)..<close])
                    if target.hasPrefix("https://") || target.hasPrefix("http://") {
                        flush()
                        result.append(.link(target))
                        index = close + 1
                        continue
                    }
                }
            case "[":
                var end = index + 1
                while end < characters.count, characters[end].isASCIIDigit { end += 1 }
                if end > index + 1, end < characters.count, characters[end] == "]", let number = Int(String(characters[(index + 1)..<end])) {
                    flush()
                    result.append(.mark(number))
                    index = end + 1
                    continue
                }
            default:
                break
            }
            text.append(character)
            index += 1
        }
        flush()
        return result
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}
