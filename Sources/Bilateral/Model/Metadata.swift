/// What the dataset is: its title, the two countries, version, as-of date, maintainers and licence.
public struct Metadata: Hashable, Sendable {
    /// Title of the dataset.
    public var title: String = ""
    /// Ids of the two country records.
    public var countries: [String] = []
    /// Version of the dataset.
    public var version: String = ""
    /// The date the dataset describes the relationship at.
    public var asOf: PartialDate = PartialDate(year: 1)
    /// Who keeps the dataset.
    public var maintainers: [String] = []
    /// Licence of the dataset.
    public var licence: String = ""
    /// What the dataset covers.
    public var description: String?
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// Metadata with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Metadata: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Metadata>] = [
        .text("title", \.title, "Title of the dataset."),
        .references("countries", \.countries, to: [.country], count: 2...2, "Ids of the two country records."),
        .text("version", \.version, "Version of the dataset."),
        .date("as_of", \.asOf, "The date the dataset describes the relationship at."),
        .texts("maintainers", \.maintainers, "Who keeps the dataset."),
        .text("licence", \.licence, "Licence of the dataset."),
        .text("description", \.description, "What the dataset covers."),
    ]
}
