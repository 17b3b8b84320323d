/// The portfolio overview for programs: a versioned JSON document with a fixed key order, described by
/// `Schemas/portfolio-report.schema.json`. `version` changes only when a field's meaning does.
enum PortfolioJSONReport {
    static let version = 1

    static func render(_ overview: PortfolioOverview) -> String {
        let stale = Set(overview.stale.map(\.path))
        let document: JSONValue = .object([
            ("report", "bilateral-portfolio"),
            ("version", .integer(version)),
            ("directory", .string(overview.directory)),
            ("today", .string(overview.today.description)),
            ("stale_after_months", .integer(overview.staleAfterMonths)),
            ("relationships", .array(overview.relationships.map { relationship($0, stale: stale.contains($0.path)) })),
            ("invalid", .array(overview.invalid.map { invalid in
                .object([("path", .string(invalid.path)), ("errors", .integer(invalid.errors)), ("warnings", .integer(invalid.warnings))])
            })),
        ])
        return document.text
    }

    private static func relationship(_ summary: RelationshipSummary, stale: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(summary.path)),
            ("title", .string(summary.title)),
            ("countries", .array(summary.countries.map(JSONValue.string))),
            ("as_of", .string(summary.asOf.description)),
            ("stale", .bool(stale)),
            ("records", .object(RecordKind.allCases.map { ($0.collection, .integer(summary.records[$0] ?? 0)) })),
        ]
        if let exchange = summary.latestExchange {
            members.append(("latest_exchange", .object([("id", .string(exchange.id)), ("kind", .string(exchange.kind.rawValue)),
                                                        ("title", .string(exchange.title)), ("start", .string(exchange.start.description))])))
        }
        if let period = summary.newestObservationPeriod { members.append(("newest_observation_period", .string(period.description))) }
        return .object(members)
    }
}
