import Foundation

/// The brief as one self-contained web page: `bilateral brief --format html`, `export --format brief-html`.
///
/// Rendered by the `html` template (inline CSS, no script, nothing fetched from any host): a table of
/// contents, source marks linked to the numbered sources and back, a timeline of the exchanges, each
/// series as an SVG bar chart beside its table, and a print stylesheet for A4.
public struct BriefHTMLWriter: DatasetWriter {
    public let format = "brief-html"
    public let summary = "a briefing note as one self-contained web page (Reports/html.mustache) that prints on A4"
    public let layout = OutputLayout.file(extension: "html")
    public let options: BriefOptions?

    /// The template a web-page brief is written from unless the options name another.
    public static let defaultTemplate = "html"

    /// - Parameter options: nil for the defaults, with the `html` template.
    public init(options: BriefOptions? = nil) { self.options = options }

    public func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
        let options = try options ?? BriefOptions(template: BriefTemplate.named(Self.defaultTemplate))
        var content = try Brief.content(dataset, options: options, marks: .htmlLinks)
        content.marking = options.marking
        let html = Self.tidy(options.template.render(content))
        try output.file("brief.html").write(html)
        let charts = html.components(separatedBy: "<svg ").count - 1
        output.summary = "\(Plural.count(content.sections.count, "section")), \(Plural.count(content.sources.count, "source")), "
            + Plural.count(charts, "chart")
    }

    /// The page in NFC, words that must stay together joined by no-break spaces, no trailing spaces
    /// or blank lines, one final newline.
    static func tidy(_ text: String) -> String {
        let lines = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: String(TextLayout.glue), with: "\u{00A0}")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { line in line.hasSuffix(" ") ? String(line.reversed().drop { $0 == " " }.reversed()) : String(line) }
            .filter { !$0.isEmpty }
        return lines.joined(separator: "\n") + "\n"
    }
}
