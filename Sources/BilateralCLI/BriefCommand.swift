import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral brief`: a briefing note on the relations, from a template.
    struct BriefCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "brief",
            abstract: "Write a briefing note on the relations, every statement marked with its sources.",
            discussion: """
                The brief is rendered from a Mustache template: the built-in 'brief' (plain text), \
                'markdown' or 'html', a template of that name in ./Reports/ when there is one (so wording can \
                change without a rebuild), or a path to a .mustache file. Templates hold the wording; the \
                facts, dates and figures come from the dataset. Paragraphs wrap at --width by display width \
                (wide and combining characters measured as a terminal shows them).

                Formats: text (the default), markdown, docx (a Word document made from the Markdown \
                template: sections as Heading 1, every source mark a footnote holding the source, A4 pages \
                numbered, styles from --reference-docx when given) and html (one self-contained page with a \
                table of contents, linked source marks, a timeline of exchanges, bar charts and a print \
                stylesheet for A4). --marking prints a handling mark on every page of a docx or html brief.

                The dataset is validated first: with errors (or warnings under --strict) nothing is \
                written. --output replaces PATH only whole, like every export.

                Sections: \(BriefSection.allCases.map(\.rawValue).joined(separator: ", ")). The numbered \
                sources always close the brief.

                Exit status: 0 written (or, with --check, current); 1 the dataset is invalid (or, with \
                --check, the brief at --output is stale); 2 a usage error, a template error or a file that \
                cannot be read or written.
                """
        )

        @Argument(help: "The dataset document, a directory of them (with --output-dir), or - for standard input. Default: the built-in dataset of record.",
                  completion: DatasetInput.completion)
        var dataset: String?

        @OptionGroup var rootOption: RootOption

        @OptionGroup var jobsOption: JobsOption

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Only facts known by this date: sources published (or accessed) by then, and events, statements, agreements and periods not later; undated ones count as known.",
                                                              valueName: "YYYY[-MM[-DD]]"))
        var asOf: String?

        @Option(help: ArgumentHelp("The display width paragraphs wrap at; 0 does not wrap.", valueName: "columns"))
        var width = BriefOptions.defaultWidth

        @Option(help: ArgumentHelp("The kind of brief: text, markdown, docx (Word) or html.", valueName: "format"))
        var format: BriefFormat = .text

        @Option(help: ArgumentHelp("A template name (\(BriefTemplate.builtInNames.joined(separator: ", "))) or a path to a .mustache file. Default: brief for text, markdown for markdown and docx, html for html.",
                                   valueName: "name-or-path"))
        var template: String?

        @Option(help: ArgumentHelp("A handling mark printed centred at the top and bottom of every page of a docx or html brief, such as RESTRICTED.",
                                   valueName: "text"))
        var marking: String?

        @Option(name: .customLong("reference-docx"), help: ArgumentHelp("A Word document whose styles (fonts, headings, spacing) a docx brief takes instead of the built-in ones.",
                                                                       valueName: "path"), completion: .file(extensions: ["docx"]))
        var referenceDocx: String?

        @Option(help: ArgumentHelp("The sections to include, in order, separated by commas.", valueName: "list"),
                completion: .list(BriefSection.allCases.map(\.rawValue)))
        var sections: String?

        @Option(help: ArgumentHelp("Where to write: a file, or - for standard output.", valueName: "path"), completion: .file())
        var output = "-"

        @Option(name: .customLong("output-dir"), help: ArgumentHelp("With a directory of datasets: where to write one brief per relationship, named after its dataset file.", valueName: "directory"),
                completion: .directory)
        var outputDirectory: String?

        @Flag(name: .shortAndLong, help: "Print nothing on success: no line saying what was written.")
        var quiet = false

        @Flag(help: "Refuse to write the brief when validation reports warnings.")
        var strict = false

        @Flag(help: "Write nothing; exit 0 when --output already holds exactly this brief, 1 (naming the stale file) when not.")
        var check = false

        func validate() throws {
            guard width == 0 || (20...10_000).contains(width) else {
                throw ValidationError("--width must be 0 (no wrapping) or between 20 and 10000, not \(width)")
            }
            if referenceDocx != nil, format != .docx { throw ValidationError("--reference-docx goes with --format docx") }
            if marking != nil, format != .docx, format != .html { throw ValidationError("--marking goes with --format docx or html") }
            if let asOf, PartialDate(iso: asOf) == nil {
                throw ValidationError("--as-of must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '\(asOf)'")
            }
        }

        func run() throws {
            let options: BriefOptions
            do {
                options = try BriefOptions(asOf: asOf.flatMap { PartialDate(iso: $0) }, width: width,
                                           template: BriefTemplate.named(template ?? format.defaultTemplate), sections: chosenSections(),
                                           marking: marking, wordStyles: referenceDocx.map(WordStyles.reference) ?? .builtIn)
            } catch let error as BriefError {
                throw InputError(description: error.description)
            }
            let writer = format.writer(options)
            if PortfolioRun.isDirectory(dataset) {
                guard let outputDirectory else { throw ValidationError("a directory of datasets needs --output-dir: one brief is written per relationship") }
                let ext = format == .text && template == "markdown" ? "md" : format.fileExtension
                try PortfolioRun(directory: dataset!, outputDirectory: outputDirectory, root: rootOption.root, strict: strict, quiet: quiet, jobs: jobsOption.jobs)
                    .run(with: writer, name: { "\($0).\(ext)" }, check: check)
                return
            }
            if outputDirectory != nil { throw ValidationError("--output-dir goes with a directory of datasets; for one dataset use --output") }
            try ExportRun(dataset: dataset, root: rootOption.root, strict: strict, quiet: quiet).export(with: writer, output: output, check: check)
        }

        private func chosenSections() throws -> [BriefSection] {
            guard let sections else { return BriefSection.allCases }
            return try sections.split(separator: ",").map { name in
                let name = name.trimmingCharacters(in: .whitespaces)
                guard let section = BriefSection(rawValue: name) else { throw BriefError.unknownSection(name) }
                return section
            }
        }
    }
}
