/// The sections of a brief, in their default order. The numbered sources always close the brief.
public enum BriefSection: String, CaseIterable, Sendable {
    /// The character of the relations and their establishment.
    case overview
    /// Political relations and high-level exchanges, newest first.
    case exchanges
    /// Institutional mechanisms and their latest rounds.
    case mechanisms
    /// Agreements and MoUs.
    case agreements
    /// Trade, investment and the companies present.
    case economy
    /// Development cooperation: assistance, its components, the agencies and their sectors.
    case development
    /// Education, science and culture.
    case education
    /// People-to-people ties and the diaspora.
    case people
    /// Cooperation at international forums.
    case forums
    /// Outlook.
    case outlook
}
