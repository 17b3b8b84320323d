import ArgumentParser
import Bilateral

/// The kinds of brief `bilateral brief --format` writes.
enum BriefFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, docx, html

    /// The template used unless `--template` names another.
    var defaultTemplate: String {
        switch self {
        case .text: BriefTemplate.defaultName
        case .markdown: "markdown"
        case .docx: BriefDocxWriter.defaultTemplate
        case .html: BriefHTMLWriter.defaultTemplate
        }
    }

    /// The extension of each brief written into an output directory.
    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .docx: "docx"
        case .html: "html"
        }
    }

    func writer(_ options: BriefOptions) -> any DatasetWriter {
        switch self {
        case .text, .markdown: BriefWriter(options: options)
        case .docx: BriefDocxWriter(options: options)
        case .html: BriefHTMLWriter(options: options)
        }
    }
}
