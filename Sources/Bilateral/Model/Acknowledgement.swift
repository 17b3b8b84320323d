/// A warning the dataset's maintainers have reviewed and judged wrong for one record: the record's
/// id, the finding's code and why. `validate` reports the warning as acknowledged, so that `--strict`
/// can stay on in CI; only warnings can be acknowledged, and one that no longer matches a finding is
/// reported (`unused-acknowledgement`).
public struct Acknowledgement: Hashable, Sendable {
    /// The id of the record the warning is about.
    public var record: String = ""
    /// The code of the warning, such as duplicate-event; errors cannot be acknowledged.
    public var code: FindingCode = .duplicateEvent
    /// Why the warning is wrong for this record, for reviewers.
    public var reason: String = ""
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// An acknowledgement with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Acknowledgement: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Acknowledgement>] = [
        .reference("record", \.record, to: RecordKind.allCases, "The id of the record the warning is about."),
        .choice("code", \.code, "The code of the warning, such as duplicate-event; errors cannot be acknowledged."),
        .text("reason", \.reason, "Why the warning is wrong for this record, for reviewers."),
    ]
}
