/// A standing dialogue mechanism, such as the "High-level Economic Policy Dialogue"; its rounds are events.
public struct Mechanism: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.mechanism

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// Name.
    public var name: String = ""
    /// Names in other languages, keyed by language code.
    public var names: [String: String] = [:]
    /// Abbreviation ("HLEPD").
    public var abbreviation: String?
    /// Field of cooperation.
    public var area: String?
    /// When it was set up.
    public var established: PartialDate?
    /// When it was wound up or replaced.
    public var ended: PartialDate?
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// A mechanism with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Mechanism: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Mechanism>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("name", \.name, "Name."),
        .names(\.names),
        .text("abbreviation", \.abbreviation, "Abbreviation (\"HLEPD\")."),
        .text("area", \.area, "Field of cooperation."),
        .date("established", \.established, "When it was set up."),
        .date("ended", \.ended, "When it was wound up or replaced."),
        .citations(\.citations),
    ]
}
