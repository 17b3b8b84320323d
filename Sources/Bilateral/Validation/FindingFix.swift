/// A change that fixes a finding, as its hint names it, for an editor to offer as a quick fix.
public enum FindingFix: Hashable, Sendable {
    /// Make the value or key the finding points at this text: the did-you-mean id, field or choice, or
    /// the same text where YAML read it as another type (the edit engine quotes it as it writes it).
    case replace(String)
    /// Add this required field to the record the finding points at.
    case addField(String)
}

/// Another place a finding is about, and what is there.
public struct RelatedLocation: Hashable, Sendable {
    /// Where it is.
    public var location: SourceLocation
    /// What is there, such as "the first record with this id".
    public var message: String

    /// The place `location`, described by `message`.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}
