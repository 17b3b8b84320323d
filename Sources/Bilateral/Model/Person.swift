/// A person who takes part in the relationship.
public struct Person: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.person

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// Name as the sources give it.
    public var name: String = ""
    /// Names in other languages, keyed by language code.
    public var names: [String: String] = [:]
    /// The person's country.
    public var country: String?
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// A person with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Person: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Person>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("name", \.name, "Name as the sources give it."),
        .names(\.names),
        .reference("country", \.country, to: [.country], "The person's country."),
        .citations(\.citations),
    ]
}
