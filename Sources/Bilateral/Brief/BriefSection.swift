/// The sections of a brief, in their default order. The numbered sources always close the brief.
/// A section appears only when the data has something for it.
public enum BriefSection: String, CaseIterable, Sendable {
    /// The character of the relations, their establishment and the bodies the two countries share.
    case overview
    /// Political relations and high-level exchanges, newest first.
    case exchanges
    /// Institutional mechanisms and their latest rounds.
    case mechanisms
    /// Agreements and MoUs.
    case agreements
    /// Defence and security cooperation.
    case defence
    /// Trade, investment and the companies present.
    case economy
    /// Energy.
    case energy
    /// Development cooperation: assistance, its components, the agencies and their sectors. Only when
    /// there is assistance between the two.
    case development
    /// Environment and climate.
    case environment
    /// Education, science and culture.
    case education
    /// People-to-people ties, and the diaspora when there is one.
    case people
    /// Consular matters, visas and migration.
    case consular
    /// The two countries in the integration of their regions (the EU, ASEAN, Mercosur…).
    case regional
    /// Cooperation at international forums.
    case forums
    /// Outlook.
    case outlook

    /// The section a statement of `topic` (or a series' figures on it) belongs to.
    public init(topic: Statement.Topic) {
        switch topic {
        case .overview: self = .overview
        case .political: self = .exchanges
        case .mechanisms: self = .mechanisms
        case .agreements: self = .agreements
        case .economy, .trade, .investment: self = .economy
        case .developmentAssistance: self = .development
        case .education, .scienceAndTechnology, .culture: self = .education
        case .peopleToPeople, .diaspora: self = .people
        case .multilateralCooperation: self = .forums
        case .outlook: self = .outlook
        case .defenceAndSecurity: self = .defence
        case .regionalIntegration: self = .regional
        case .environmentAndClimate: self = .environment
        case .consularAndMigration: self = .consular
        case .energy: self = .energy
        }
    }
}

extension Series {
    /// The topic its figures are told under: its own `topic`, else the one its indicator suggests.
    public var briefTopic: Statement.Topic {
        if let topic { return topic }
        switch indicator {
        case .trade: return .trade
        case .foreignDirectInvestment: return .investment
        case .developmentAssistance: return .developmentAssistance
        case .diasporaPopulation: return .diaspora
        case .companies, .other: return .economy
        }
    }
}
