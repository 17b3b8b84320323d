/// What a brief template is given, read by name through reflection: every fact already put into words
/// (dates, amounts, lists, source marks such as `[1][3]`), no wording of the brief itself.
///
/// A field that has nothing to say is absent (nil or an empty list), never an empty string, so that
/// `{{#field}}…{{/field}}` leaves its words out. Names are unique along each path from the root, so a
/// missing field never picks up an outer value of the same name.
struct BriefContent {
    var dataset: DatasetView
    var first: String
    var second: String
    /// `25 November 2026`.
    var asOf: String
    /// The chosen sections in order; in each, exactly one field is set.
    var sections: [SectionView]
    /// The cited sources, numbered in the order first cited.
    var sources: [SourceView]
}

struct DatasetView {
    var title: String
    var version: String
}

struct SectionView {
    var overview: OverviewView? = nil
    var exchanges: ExchangesView? = nil
    var mechanisms: MechanismsView? = nil
    var agreements: AgreementsView? = nil
    var economy: EconomyView? = nil
    var development: DevelopmentView? = nil
    var education: EducationView? = nil
    var people: PeopleView? = nil
    var forums: StatementsView? = nil
    var outlook: StatementsView? = nil
}

/// A sentence of the dataset with its marks.
struct StatementView {
    var text: String
    var marks: String
}

struct StatementsView {
    var statements: [StatementView]
}

struct EventView {
    /// `20–24 October 2019`.
    var date: String
    /// `on 28 April 1952`, `in April 2019`.
    var when: String
    var title: String
    var purpose: String?
    var note: String?
    var marks: String
}

struct OverviewView {
    var statements: [StatementView]
    var established: EventView?
    /// Openings of embassies and offices, oldest first.
    var milestones: [EventView]
}

struct ExchangesView {
    var statements: [StatementView]
    /// Visits, meetings and other exchanges, newest first.
    var events: [EventView]
}

struct MechanismsView {
    var statements: [StatementView]
    var mechanisms: [MechanismView]
}

struct MechanismView {
    var name: String
    var abbreviation: String?
    var area: String?
    var marks: String
    /// The latest rounds, newest first.
    var rounds: [EventView]
    /// How many earlier rounds the list leaves out.
    var earlierRounds: Int?
}

struct AgreementsView {
    var statements: [StatementView]
    /// Oldest first; undated ones last.
    var agreements: [AgreementView]
}

struct AgreementView {
    var title: String
    /// `memorandum of cooperation`, when the title does not already say what it is.
    var kind: String?
    var initialled: String?
    var signed: String?
    var place: String?
    var inForceSince: String?
    var inForce: Bool
    var supersededBy: String?
    var expired: Bool
    var terminated: Bool
    var marks: String
}

struct EconomyView {
    var statements: [StatementView]
    var trade: [StatementView]
    var tradeFigures: [FiguresView]
    var investment: [StatementView]
    var investmentFigures: [FiguresView]
    var companies: CompaniesView?
    var companyFigures: [FiguresView]
    var otherFigures: [FiguresView]
}

struct CompaniesView {
    /// `Marubeni, Mitsui and Sojitz`.
    var names: String
    var marks: String
}

struct DevelopmentView {
    var statements: [StatementView]
    var figures: [FiguresView]
    var agencies: [AgencyView]
}

struct AgencyView {
    var name: String
    var abbreviation: String?
    /// `transportation, energy and water supply`.
    var sectors: String
    var marks: String
}

struct EducationView {
    var education: [StatementView]
    var science: [StatementView]
    var culture: [StatementView]
}

struct PeopleView {
    var contacts: [StatementView]
    var diaspora: [StatementView]
    var diasporaFigures: [FiguresView]
}

/// The latest values of one series.
struct FiguresView {
    var title: String
    /// Who compiles the figures: `State Bank of Pakistan`.
    var reporter: String?
    var marks: String
    /// Newest first.
    var periods: [PeriodFiguresView]
}

struct PeriodFiguresView {
    /// `Fiscal year 2018–19 (July–June)`, `June 2023`.
    var period: String
    /// The first values of the period, in the dataset's order.
    var values: [ValueView]
    /// How many more values the period has than the brief lists.
    var moreValues: Int?
    /// What the sources add about the period's figures, each note once.
    var notes: [String]
}

/// One figure of a period; more than one amount when the sources disagree.
struct ValueView {
    /// The dimension values that tell the period's figures apart: `loans`, `purpose: …; channel: …`.
    var label: String?
    var amounts: [AmountView]
    var disagree: Bool
    /// The parts of a total: `loans US$9.215 billion`.
    var components: [ComponentView]
}

struct AmountView {
    /// `US$12.42 billion`, `about 80 companies`.
    var amount: String
    var marks: String
    /// When the sources disagree: the date of the source that gives this amount.
    var reported: String?
}

struct ComponentView {
    var part: String
    var partAmount: String
    var partMarks: String
}

struct SourceView {
    var number: Int
    var title: String
    var author: String?
    var publisher: String?
    var published: String?
    var url: String?
    var accessed: String?
}
