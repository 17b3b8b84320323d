/// A ministry, agency (JICA, JETRO), company (Toyota) or other body.
public struct Organization: IdentifiedRecord, CitingRecord {
    public static let kind = RecordKind.organization

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case government, ministry, agency, embassy, company
        case centralBank = "central-bank"
        case statisticsOffice = "statistics-office"
        case legislature, university, media
        case internationalOrganization = "international-organization"
        case other
    }

    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    public var name: String = ""
    public var abbreviation: String?
    /// The id of the organization's country.
    public var country: String?
    public var kind: Kind = .other
    public var sectors: [String] = []
    public var citations: [Citation] = []
    public var origin: Origin = Origin()
}

extension Organization: ReadableRecord {
    public static let fields: [Field<Organization>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("name", \.name, "Name."),
        .text("abbreviation", \.abbreviation, "Abbreviation (\"JICA\")."),
        .reference("country", \.country, to: [.country], "The organization's country."),
        .choice("kind", \.kind, "What kind of body it is."),
        .texts("sectors", \.sectors, "Sectors it works in."),
        .citations(\.citations),
    ]
}
