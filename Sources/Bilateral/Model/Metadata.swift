/// What the dataset is: its title, the two countries, version, as-of date, maintainers and licence.
public struct Metadata: Hashable, Sendable {
    public var title: String = ""
    /// The ids of the two country records whose relationship the dataset describes.
    public var countries: [String] = []
    public var version: String = ""
    public var asOf: PartialDate = PartialDate(year: 1)
    public var maintainers: [String] = []
    public var licence: String = ""
    public var description: String?
    public var origin: Origin = Origin()

    /// Metadata with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Metadata: ReadableRecord {
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
