/// A standing dialogue mechanism, such as the "High-level Economic Policy Dialogue"; its rounds are events.
public struct Mechanism: IdentifiedRecord, CitingRecord {
    public static let kind = RecordKind.mechanism

    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    public var name: String = ""
    public var abbreviation: String?
    /// The field it covers, such as "economic" or "security".
    public var area: String?
    public var citations: [Citation] = []
    public var origin: Origin = Origin()
}

extension Mechanism: ReadableRecord {
    public static let fields: [Field<Mechanism>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("name", \.name, "Name."),
        .text("abbreviation", \.abbreviation, "Abbreviation (\"HLEPD\")."),
        .text("area", \.area, "Field of cooperation."),
        .citations(\.citations),
    ]
}
