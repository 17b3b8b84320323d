/// The brief as a Word document: `bilateral brief --format docx`, `export --format brief-docx`.
///
/// It is the Markdown brief (the `markdown` template, or another Markdown template) read back into
/// Word paragraphs, so the two say the same words: the title, the sections as Heading 1, bulleted
/// lists, and each source mark a footnote holding the source's entry. Pages are A4 and numbered.
public struct BriefDocxWriter: DatasetWriter {
    /// The name given to `--format`.
    public let format = "brief-docx"
    /// One line for `bilateral formats`.
    public let summary = "a Word briefing note (.docx): sections as headings, every source mark a footnote, A4 pages numbered"
    /// What the writer produces: one file or a directory.
    public let layout = OutputLayout.file(extension: "docx")
    /// How the brief is written; nil for the defaults.
    public let options: BriefOptions?

    /// The template a Word brief is written from unless the options name another Markdown template.
    public static let defaultTemplate = "markdown"

    /// - Parameter options: nil for the defaults, with the `markdown` template.
    public init(options: BriefOptions? = nil) { self.options = options }

    /// Writes the dataset into the staged output.
    public func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
        let options = try options ?? BriefOptions(template: BriefTemplate.named(Self.defaultTemplate))
        let file = try output.binaryFile("brief.docx")
        let content = try Brief.content(dataset, options: options, marks: .brackets)
        let markdown = TextLayout.layout(options.template.render(content), width: .max)
        var facts = dataset.dataset
        facts.metadata.asOf = options.asOf ?? facts.metadata.asOf
        var properties = DocumentProperties.of(facts)
        properties.title = "Brief on \(content.first)–\(content.second) Relations"
        let document = WordDocument(blocks: BriefMarkdown.blocks(markdown), styles: options.wordStyles, marking: options.marking,
                                    properties: properties)
        let (bytes, footnotes) = try document.bytes(template: options.template.file)
        try file.write(bytes)
        output.summary = "\(Plural.count(content.sections.count, "section")), \(Plural.count(footnotes, "footnote")), "
            + Plural.count(content.sources.count, "source")
    }
}
