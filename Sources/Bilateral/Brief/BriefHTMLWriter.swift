import Foundation

/// The brief as one self-contained web page: `bilateral brief --format html`, `export --format brief-html`.
///
/// Rendered by the `html` template (inline CSS, no script, nothing fetched from any host): a table of
/// contents, source marks linked to the numbered sources and back, a timeline of the exchanges, each
/// series as an SVG bar chart beside its table, and a print stylesheet for A4.
public struct BriefHTMLWriter: DatasetWriter {
    /// The name given to `--format`.
    public let format = "brief-html"
    /// One line for `bilateral formats`.
    public let summary = "a briefing note as one self-contained web page (Reports/html.mustache) that prints on A4"
    /// What the writer produces: one file or a directory.
    public let layout = OutputLayout.file(extension: "html")
    /// How the brief is written; nil for the defaults.
    public let options: BriefOptions?

    /// The template a web-page brief is written from unless the options name another.
    public static let defaultTemplate = "html"

    /// - Parameter options: nil for the defaults, with the `html` template.
    public init(options: BriefOptions? = nil) { self.options = options }

    /// Writes the dataset into the staged output.
    public func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
        let options = try options ?? BriefOptions(template: BriefTemplate.named(Self.defaultTemplate))
        var content = try Brief.content(dataset, options: options, marks: .htmlLinks)
        content.marking = options.marking
        let html = Self.tidy(options.template.render(content))
        try output.file("brief.html").write(html)
        let charts = Self.count("<svg ", in: html)
        output.summary = "\(Plural.count(content.sections.count, "section")), \(Plural.count(content.sources.count, "source")), "
            + Plural.count(charts, "chart")
    }

    /// The page in NFC, words that must stay together joined by no-break spaces, no trailing spaces
    /// or blank lines, one final newline.
    static func tidy(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var lineStart = 0
        // The glue character U+E000 is EE 80 80 in UTF-8; a no-break space is C2 A0.
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        func endLine() {
            while bytes.count > lineStart, bytes[bytes.count - 1] == UInt8(ascii: " ") { bytes.removeLast() }
            if bytes.count > lineStart {
                bytes.append(UInt8(ascii: "\n"))
                lineStart = bytes.count
            }
        }
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "\n") { endLine(); continue }
            if byte == 0xEE {
                pending = [byte]
                if let second = utf8.next() { pending.append(second) }
                if let third = utf8.next() { pending.append(third) }
                if pending == [0xEE, 0x80, 0x80] { bytes += [0xC2, 0xA0] } else { bytes += pending }
                continue
            }
            bytes.append(byte)
        }
        endLine()
        return String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
    }

    /// How many times `needle` occurs in `text`, compared byte by byte.
    static func count(_ needle: String, in text: String) -> Int {
        let pattern = Array(needle.utf8)
        var count = 0
        var matched = 0
        for byte in text.utf8 {
            matched = byte == pattern[matched] ? matched + 1 : (byte == pattern[0] ? 1 : 0)
            if matched == pattern.count { count += 1; matched = 0 }
        }
        return count
    }
}
