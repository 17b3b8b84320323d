/// A person who takes part in the relationship.
public struct Person: IdentifiedRecord, CitingRecord {
    public static let kind = RecordKind.person

    public var id: String
    public var name: String
    /// Names in other languages, keyed by language code.
    public var names: [String: String]
    /// The id of the person's country.
    public var country: String?
    public var citations: [Citation]
    public var origin: Origin
}
