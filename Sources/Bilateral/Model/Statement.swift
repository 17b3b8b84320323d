/// A short sourced fact in words, for what the sources say in prose.
public struct Statement: IdentifiedRecord, CitingRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.statement

    /// What a statement is about, which places it in a brief; the words the format uses.
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

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// The section of a briefing note it belongs to.
    public var topic: Topic = .overview
    /// The fact, in a sentence.
    public var text: String = ""
    /// When it was true or made.
    public var date: PartialDate?
    /// The sources it cites, each with the words of the source that support it where given.
    public var citations: [Citation] = []
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// A statement with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Statement: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Statement>] = [
        .id(\.id),
        .replaces(\.replaces),
        .choice("topic", \.topic, "The section of a briefing note it belongs to."),
        .text("text", \.text, "The fact, in a sentence."),
        .date("date", \.date, "When it was true or made."),
        .citations(\.citations),
    ]
}
