/// A short sourced fact in words, for what the sources say in prose.
public struct Statement: IdentifiedRecord, CitingRecord {
    public static let kind = RecordKind.statement

    public enum Topic: String, Sendable, Hashable, CaseIterable {
        case overview, political, mechanisms, agreements, economy, trade, investment
        case developmentAssistance = "development-assistance"
        case education
        case scienceAndTechnology = "science-and-technology"
        case culture
        case peopleToPeople = "people-to-people"
        case diaspora
        case multilateralCooperation = "multilateral-cooperation"
        case outlook
        case defenceAndSecurity = "defence-and-security"
        /// Integration within a region and its bodies: the EU, ASEAN, Mercosur, the African Union.
        case regionalIntegration = "regional-integration"
        case environmentAndClimate = "environment-and-climate"
        /// Visas, consular services, migration and mobility.
        case consularAndMigration = "consular-and-migration"
        case energy
    }

    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// The section of a briefing note it belongs to.
    public var topic: Topic = .overview
    /// The fact, in a sentence.
    public var text: String = ""
    /// When it was true or made.
    public var date: PartialDate?
    public var citations: [Citation] = []
    public var origin: Origin = Origin()

    /// A statement with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Statement: ReadableRecord {
    public static let fields: [Field<Statement>] = [
        .id(\.id),
        .replaces(\.replaces),
        .choice("topic", \.topic, "The section of a briefing note it belongs to."),
        .text("text", \.text, "The fact, in a sentence."),
        .date("date", \.date, "When it was true or made."),
        .citations(\.citations),
    ]
}
