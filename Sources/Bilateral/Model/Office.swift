/// An office that a person held for a period, such as "Foreign Minister of Japan".
public struct Office: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.office

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// Who held the office.
    public var person: String = ""
    /// The office ("Foreign Minister of Pakistan").
    public var title: String = ""
    /// The organization of the office.
    public var organization: String?
    /// The office's country.
    public var country: String?
    /// When the person took office.
    public var start: PartialDate?
    /// When the person left office.
    public var end: PartialDate?
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// An office with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Office: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Office>] = [
        .id(\.id),
        .replaces(\.replaces),
        .reference("person", \.person, to: [.person], "Who held the office."),
        .text("title", \.title, "The office (\"Foreign Minister of Pakistan\")."),
        .reference("organization", \.organization, to: [.organization], "The organization of the office."),
        .reference("country", \.country, to: [.country], "The office's country."),
        .date("start", \.start, "When the person took office."),
        .date("end", \.end, "When the person left office."),
        .citations(\.citations),
    ]
}
