/// One problem found in a dataset: a stable code, a severity, where it is, and what to do about it.
public struct Finding: Hashable, Sendable {
    /// The finding's stable code, such as `unknown-reference`.
    public var code: FindingCode
    /// Error or warning.
    public var severity: Severity
    /// Where it is: `file:line:column`.
    public var location: SourceLocation
    /// A sentence that quotes the offending value.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?
    /// The id the finding is about when it names one it could not find (`unknown-reference`), so that
    /// a portfolio can say which record document defines it.
    public var missingID: String?
    /// The change that would fix it, when the finding knows one: what an editor offers as a quick fix.
    public var fix: FindingFix?
    /// Other places the finding is about: the record that has a duplicated id first, the source a quote is not found in.
    public var related: [RelatedLocation] = []

    /// A finding of `code` at `location`, with its message and a hint.
    public init(_ code: FindingCode, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.code = code
        self.severity = code.severity
        self.location = location
        self.message = message
        self.hint = hint
    }
}

extension Finding: Comparable {
    /// Findings sort by file, line and column, then by code and message, so reports are deterministic.
    public static func < (a: Finding, b: Finding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        return a.message < b.message
    }
}
