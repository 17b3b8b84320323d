/// How serious a finding is: errors make a dataset invalid; warnings do so only under `--strict`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
}
