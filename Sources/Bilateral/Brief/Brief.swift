import Foundation

/// How a brief is written: as of which date, how wide, from which template, with which sections.
public struct BriefOptions: Sendable {
    /// Only facts known by this date; nil for the dataset's own as-of date and everything in it.
    public var asOf: PartialDate?
    /// The display width paragraphs wrap at; 0 leaves each paragraph on one line.
    public var width: Int
    /// The template the brief is rendered from.
    public var template: BriefTemplate
    /// The sections, in order; the numbered sources always follow.
    public var sections: [BriefSection]
    /// A handling mark printed on every page of a Word or HTML brief: `RESTRICTED`; nil for none.
    public var marking: String?
    /// The styles of a Word brief.
    public var wordStyles: WordStyles

    /// The width paragraphs wrap at unless `--width` says otherwise.
    public static let defaultWidth = 72

    /// The longest handling mark, in characters.
    public static let maximumMarkingLength = 120

    /// - Throws: `BriefError.badMarking` for an empty or over-long marking, or one holding control,
    ///   format or line-separating characters, which could hide or forge text on the page.
    public init(asOf: PartialDate? = nil, width: Int = BriefOptions.defaultWidth, template: BriefTemplate? = nil,
                sections: [BriefSection] = BriefSection.allCases, marking: String? = nil, wordStyles: WordStyles = .builtIn) throws {
        self.asOf = asOf
        self.width = width
        self.template = try template ?? BriefTemplate.named(BriefTemplate.defaultName)
        self.sections = sections
        if let marking {
            guard !marking.trimmingCharacters(in: .whitespaces).isEmpty else { throw BriefError.badMarking("is empty") }
            guard marking.count <= Self.maximumMarkingLength else {
                throw BriefError.badMarking("is longer than \(Self.maximumMarkingLength) characters")
            }
            if let bad = marking.unicodeScalars.first(where: { [.control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned].contains($0.properties.generalCategory) }) {
                throw BriefError.badMarking("holds the control or format character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)); give plain text such as RESTRICTED")
            }
        }
        self.marking = marking
        self.wordStyles = wordStyles
    }
}

/// A briefing note on the relations a dataset describes, every statement marked with its sources.
public enum Brief {
    /// The brief's text: rendered by the template, then laid out.
    public static func render(_ input: ValidatedDataset, options: BriefOptions) throws -> String {
        let content = try content(input, options: options, marks: .brackets)
        return TextLayout.layout(options.template.render(content), width: options.width > 0 ? options.width : .max)
    }

    /// The facts of the brief in words, with source marks written as `marks` says.
    static func content(_ input: ValidatedDataset, options: BriefOptions, marks: MarkStyle) throws -> BriefContent {
        var dataset = input.dataset
        var known: KnownFacts?
        if let asOf = options.asOf {
            // The dataset cannot say what was known after its own as-of date.
            guard asOf.firstDay <= dataset.metadata.asOf.lastDay else {
                throw BriefError.asOfAfterDataset(asOf, dataset: dataset.metadata.asOf)
            }
            known = KnownFacts(dataset, asOf: asOf)
            dataset = known!.dataset(dataset)
        }
        var observations = LatestObservations()
        // Only the figures of series in the chosen sections are read.
        let series = Set(dataset.series.filter { options.sections.contains(BriefSection(topic: $0.briefTopic)) }.map(\.id))
        if !series.isEmpty {
            try input.forEachObservation { observation in
                guard series.contains(observation.series) else { return }
                if let known {
                    if let kept = known.observation(observation, seriesKnown: true) { observations.add(kept) }
                } else {
                    observations.add(observation)
                }
            }
        }
        var builder = BriefBuilder(dataset, observations: observations, marks: marks)
        let undated = dataset.statements.count { $0.date == nil }
        return builder.content(options.sections, undatedKept: known != nil && undated > 0 ? undated : nil)
    }
}

/// The brief as an export format: `bilateral export --format brief`.
public struct BriefWriter: DatasetWriter {
    /// The name given to `--format`.
    public let format = "brief"
    /// One line for `bilateral formats`.
    public let summary = "a plain-text briefing note (Reports/brief.mustache), every statement marked with its sources"
    /// What the writer produces: one file or a directory.
    public let layout = OutputLayout.file(extension: "txt")
    /// How the brief is written; nil for the defaults.
    public let options: BriefOptions?

    /// - Parameter options: nil for the defaults.
    public init(options: BriefOptions? = nil) { self.options = options }

    /// Writes the dataset into the staged output.
    public func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws {
        let text = try Brief.render(dataset, options: options ?? BriefOptions())
        let file = try output.file("brief.txt")
        try file.write(text)
        output.summary = "\(Plural.count(text.split(separator: "\n", omittingEmptySubsequences: false).count - 1, "line")), "
            + Plural.count(text.split(whereSeparator: \.isWhitespace).count, "word")
    }
}
