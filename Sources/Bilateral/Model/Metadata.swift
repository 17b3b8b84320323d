/// What the dataset is: its title, the two countries, version, as-of date, maintainers and licence.
public struct Metadata: Hashable, Sendable {
    public var title: String
    /// The ids of the two country records whose relationship the dataset describes.
    public var countries: [String]
    public var version: String
    public var asOf: PartialDate
    public var maintainers: [String]
    public var licence: String
    public var description: String?
    public var origin: Origin
}
