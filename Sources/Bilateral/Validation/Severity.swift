/// How serious a finding is: errors make a dataset invalid; warnings do so only under `--strict`; an
/// acknowledged warning, one the dataset's `acknowledgements` list says is wrong for its record, never does.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
    /// A warning acknowledged by the dataset, with the reason in the finding's hint.
    case acknowledged
}
