/// How `bilateral portfolio` prints its overview.
public enum PortfolioFormat: String, Sendable, CaseIterable {
    /// Aligned tables, for a terminal or a CI log.
    case text
    /// GitHub-flavoured Markdown tables, for a wiki page or a pull-request comment.
    case markdown
    /// A versioned JSON document (`Schemas/portfolio-report.schema.json`), for programs.
    case json

    /// The overview as this format prints it.
    public func render(_ overview: PortfolioOverview) -> String {
        switch self {
        case .text, .markdown: PortfolioTablesReport.render(overview, markdown: self == .markdown)
        case .json: PortfolioJSONReport.render(overview)
        }
    }
}
