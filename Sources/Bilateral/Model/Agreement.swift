/// An agreement, memorandum of understanding or similar instrument between the two countries.
public struct Agreement: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.agreement

    /// What kind of thing it is; the words the format uses.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case agreement, convention, treaty, mou
        case memorandumOfCooperation = "memorandum-of-cooperation"
        case exchangeOfNotes = "exchange-of-notes"
        case jointStatement = "joint-statement"
        case declaration, other
    }

    /// Where it stands; the words the format uses.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Signed (or issued); entry into force is not recorded.
        case signed
        case inForce = "in-force"
        case superseded, expired, terminated, unknown
    }

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// Title.
    public var title: String = ""
    /// What kind of instrument.
    public var kind: Kind = .other
    /// When the text was initialled, before signature.
    public var initialled: PartialDate?
    /// When it was signed.
    public var signed: PartialDate?
    /// Where it was signed.
    public var place: String?
    /// When it entered into force.
    public var inForce: PartialDate?
    /// Its status.
    public var status: Status = .unknown
    /// The agreement that replaced it.
    public var supersededBy: String?
    /// The countries and organizations party to it, when not just the two countries.
    public var parties: [String] = []
    /// The agreements it adds to without changing them.
    public var supplements: [String] = []
    /// The agreements whose text it changes.
    public var amends: [String] = []
    /// The agreements it puts into effect.
    public var implements: [String] = []
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// An agreement with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Agreement: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Agreement>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("title", \.title, "Title."),
        .choice("kind", \.kind, "What kind of instrument."),
        .date("initialled", \.initialled, "When the text was initialled, before signature."),
        .date("signed", \.signed, "When it was signed."),
        .text("place", \.place, "Where it was signed."),
        .date("in_force", \.inForce, "When it entered into force."),
        .choice("status", \.status, "Its status."),
        .reference("superseded_by", \.supersededBy, to: [.agreement], "The agreement that replaced it."),
        .references("parties", \.parties, to: [.country, .organization], "The countries and organizations party to it, when not just the two countries."),
        .references("supplements", \.supplements, to: [.agreement], "The agreements it adds to without changing them."),
        .references("amends", \.amends, to: [.agreement], "The agreements whose text it changes."),
        .references("implements", \.implements, to: [.agreement], "The agreements it puts into effect."),
        .citations(\.citations),
    ]
}
