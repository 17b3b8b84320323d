/// A document that facts are taken from.
public struct Source: IdentifiedRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.source

    /// How far a source is trusted.
    public enum Tier: String, Sendable, Hashable, CaseIterable {
        /// A government, ministry, embassy or agency.
        case official
        /// A newspaper or agency report, usually quoting an official.
        case press
        /// A reference work, such as an encyclopedia citing official statistics.
        case reference
    }

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// Title; in square brackets when supplied because the source's own is not recorded.
    public var title: String = ""
    /// Who published it.
    public var publisher: String?
    /// Who wrote it.
    public var author: String?
    /// Where it can be read.
    public var url: String?
    /// When it was published, at its precision.
    public var published: PartialDate?
    /// When it was read.
    public var accessed: PartialDate?
    /// Reliability: official, press (usually quoting an official) or reference.
    public var tier: Tier = .official
    /// Path of an archived copy of the text, relative to the dataset file; it must stay inside the dataset's
    /// root (the top of its git work tree, else its directory).
    public var archive: String?
    /// A statistics file the figures of a series are imported from (SDMX, UN Comtrade or World Bank),
    /// relative to the dataset file; it must stay inside the dataset's root.
    public var dataFile: String?
    /// The statistical dataset the figures were taken from: an SDMX dataflow AGENCY:ID(VERSION), or the
    /// UN Comtrade or World Bank indicator.
    public var statisticalDataset: String?
    /// The licence the producer publishes the figures under.
    public var licence: String?
    /// The SHA-256 of `data_file`, in lower-case hex: the file the figures were imported from.
    public var sha256: String?
    /// The archived text itself, carried in the document (the JSON export writes it) so that quotes are
    /// checked without the file; when present, 'archive' is not read.
    public var archivedText: String?
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// A source with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Source: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Source>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("title", \.title, "Title; in square brackets when supplied because the source's own is not recorded."),
        .text("publisher", \.publisher, "Who published it."),
        .text("author", \.author, "Who wrote it."),
        .url("url", \.url, "Where it can be read."),
        .date("published", \.published, "When it was published, at its precision."),
        .date("accessed", \.accessed, "When it was read."),
        .choice("tier", \.tier, "Reliability: official, press (usually quoting an official) or reference."),
        .text("archive", \.archive, "Path of an archived copy of the text, relative to the dataset file; it must stay inside the dataset's root (the top of its git work tree, else its directory)."),
        .documentText("data_file", \.dataFile, "A statistics file the figures of a series are imported from (SDMX, UN Comtrade or World Bank), relative to the dataset file; it must stay inside the dataset's root."),
        .text("dataset", \.statisticalDataset, "The statistical dataset the figures were taken from: an SDMX dataflow AGENCY:ID(VERSION), or the UN Comtrade or World Bank indicator."),
        .text("licence", \.licence, "The licence the producer publishes the figures under."),
        .text("sha256", \.sha256, pattern: "^[0-9a-f]{64}$", "The SHA-256 of data_file, in lower-case hex: the file the figures were imported from."),
        .documentText("archived_text", \.archivedText, verbatim: true, "The archived text itself, carried in the document (the JSON export writes it) so that quotes are checked without the file; when present, 'archive' is not read."),
    ]
}
