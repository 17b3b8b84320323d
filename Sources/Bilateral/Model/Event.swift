/// Something that happened between the two countries: the establishment of relations, a visit, a meeting
/// at a third place, a round of a dialogue mechanism.
public struct Event: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.event

    /// Whether the event took place as planned.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case held, postponed, cancelled
    }

    /// How the people met.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case inPerson = "in-person"
        case virtual, hybrid
    }

    /// What kind of thing it is; the words the format uses.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case establishment, visit, meeting
        case dialogueRound = "dialogue-round"
        case signing
        /// The opening of an embassy or office.
        case opening
        case other
    }

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// What kind of event.
    public var kind: Kind = .other
    /// What happened, in a line.
    public var title: String = ""
    /// When it began (or happened), at its precision.
    public var start: PartialDate = PartialDate(year: 1)
    /// The last day, when it lasted more than its start.
    public var end: PartialDate?
    /// Whether it took place as planned: held (the default), postponed or cancelled; start is then the date
    /// it was planned for.
    public var status: Status?
    /// How the people met: in-person, virtual or hybrid.
    public var format: Format?
    /// Where, in words.
    public var place: String?
    /// The country where it took place.
    public var country: String?
    /// The visiting people.
    public var visitors: [String] = []
    /// The hosting people.
    public var hosts: [String] = []
    /// Other people who took part.
    public var participants: [String] = []
    /// The people at whose invitation a visit took place.
    public var invitedBy: [String] = []
    /// Its purpose.
    public var purpose: String?
    /// The mechanism whose round it is.
    public var mechanism: String?
    /// The round's number within its mechanism.
    public var round: Int?
    /// What else the sources say about it, in a sentence.
    public var note: String?
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()
    /// Everyone who took part, in a fixed order.
    public var people: [String] { visitors + hosts + participants }

    /// An event with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Event: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Event>] = [
        .id(\.id),
        .replaces(\.replaces),
        .choice("kind", \.kind, "What kind of event."),
        .text("title", \.title, "What happened, in a line."),
        .date("start", \.start, "When it began (or happened), at its precision."),
        .date("end", \.end, "The last day, when it lasted more than its start."),
        .choice("status", \.status, "Whether it took place as planned: held (the default), postponed or cancelled; start is then the date it was planned for."),
        .choice("format", \.format, "How the people met: in-person, virtual or hybrid."),
        .text("place", \.place, "Where, in words."),
        .reference("country", \.country, to: [.country], "The country where it took place."),
        .references("visitors", \.visitors, to: [.person], "The visiting people."),
        .references("hosts", \.hosts, to: [.person], "The hosting people."),
        .references("participants", \.participants, to: [.person], "Other people who took part."),
        .references("invited_by", \.invitedBy, to: [.person], "The people at whose invitation a visit took place."),
        .text("purpose", \.purpose, "Its purpose."),
        .reference("mechanism", \.mechanism, to: [.mechanism], "The mechanism whose round it is."),
        .integer("round", \.round, in: 1...Int(Int32.max), "The round's number within its mechanism."),
        .text("note", \.note, "What else the sources say about it, in a sentence."),
        .citations(\.citations),
    ]
}
