/// Collects findings while a dataset is loaded and checked, so that one run reports every problem.
public struct FindingLog: Sendable {
    /// The findings so far, in the order found.
    public private(set) var findings: [Finding] = []

    /// An empty log.
    public init() {}

    public mutating func add(_ finding: Finding) { findings.append(finding) }

    public mutating func add(_ code: FindingCode, at location: SourceLocation, _ message: String, hint: String? = nil, fix: FindingFix? = nil) {
        var finding = Finding(code, at: location, message, hint: hint)
        finding.fix = fix
        findings.append(finding)
    }

    public mutating func append(contentsOf other: [Finding]) { findings += other }

    /// Changes every finding in place.
    mutating func update(_ change: (inout Finding) -> Void) {
        for index in findings.indices { change(&findings[index]) }
    }

    /// The findings sorted by location, without exact repeats.
    public var sorted: [Finding] {
        var seen = Set<Finding>()
        return findings.sorted().filter { seen.insert($0).inserted }
    }
}
