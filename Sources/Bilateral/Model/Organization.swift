/// A ministry, agency (JICA, JETRO), company (Toyota) or other body.
public struct Organization: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.organization

    /// What kind of thing it is; the words the format uses.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case government, ministry, agency, embassy, company
        case centralBank = "central-bank"
        case statisticsOffice = "statistics-office"
        case legislature, university, media
        case internationalOrganization = "international-organization"
        case other
    }

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// Name.
    public var name: String = ""
    /// Names in other languages, keyed by language code.
    public var names: [String: String] = [:]
    /// Abbreviation ("JICA").
    public var abbreviation: String?
    /// The organization's country.
    public var country: String?
    /// The two countries that own a joint body together, instead of country.
    public var countries: [String] = []
    /// What kind of body it is.
    public var kind: Kind = .other
    /// Sectors it works in.
    public var sectors: [String] = []
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// An organization with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Organization: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Organization>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("name", \.name, "Name."),
        .names(\.names),
        .text("abbreviation", \.abbreviation, "Abbreviation (\"JICA\")."),
        .reference("country", \.country, to: [.country], "The organization's country."),
        .references("countries", \.countries, to: [.country], count: 2...2, "The two countries that own a joint body together, instead of country."),
        .choice("kind", \.kind, "What kind of body it is."),
        .texts("sectors", \.sectors, "Sectors it works in."),
        .citations(\.citations),
    ]
}
