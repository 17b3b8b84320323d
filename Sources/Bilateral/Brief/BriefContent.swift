/// What a brief template is given, read by name through reflection: every fact already put into words
/// (dates, amounts, lists, source marks such as `[1][3]`), no wording of the brief itself.
///
/// A field that has nothing to say is absent (nil or an empty list), never an empty string, so that
/// `{{#field}}…{{/field}}` leaves its words out. Names are unique along each path from the root, so a
/// missing field never picks up an outer value of the same name.
struct BriefContent: Encodable {
    var dataset: DatasetView
    /// The two countries as a title names them: `United States`, `Mexico`.
    var first: String
    var second: String
    /// As running text names them: `the United States`; and the first at the start of a sentence.
    var firstInText: String
    var secondInText: String
    var firstAtStart: String
    /// `25 November 2026`.
    var asOf: String
    /// With an earlier as-of date: how many statements without a date of their own are kept because
    /// their sources were published by then.
    var undatedKept: Int?
    /// The chosen sections in order; in each, exactly one field is set.
    var sections: [SectionView]
    /// The cited sources, numbered in the order first cited.
    var sources: [SourceView]
    /// The handling mark of a Word or HTML brief: `RESTRICTED`.
    var marking: String? = nil {
        didSet { markingCSS = marking.map(Self.cssString) }
    }
    /// The handling mark as a quoted CSS string, for the print stylesheet's page margins.
    private(set) var markingCSS: String? = nil

    /// `text` as a CSS string: quoted, with `"` and `\` escaped, and `<`, `>` and `&` too, so that it
    /// can never end the style element.
    static func cssString(_ text: String) -> String {
        var css = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": css += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default: css.unicodeScalars.append(scalar)
            }
        }
        return css + "\""
    }
}

struct DatasetView: Encodable {
    var title: String
    var version: String
}

struct SectionView: Encodable {
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
    var defence: StatementsView? = nil
    var energy: StatementsView? = nil
    var environment: StatementsView? = nil
    var consular: StatementsView? = nil
    var regional: StatementsView? = nil
}

/// A sentence of the dataset with its marks.
struct StatementView: Encodable {
    var text: String
    var marks: String
}

/// A section of statements and the figures of series on its topic.
struct StatementsView: Encodable {
    var statements: [StatementView]
    var figures: [FiguresView]
}

struct EventView: Encodable {
    /// `20–24 October 2019`.
    var date: String
    /// When it began, as ISO 8601 at its precision: `2019-10-20`, `2019-04`.
    var datetime: String
    /// `on 28 April 1952`, `in April 2019`.
    var when: String
    var title: String
    /// It was called off, or put off to a later date.
    var cancelled: Bool
    var postponed: Bool
    /// The people met by video link, or partly so.
    var virtual: Bool
    var hybrid: Bool
    var purpose: String?
    var note: String?
    var marks: String
}

struct OverviewView: Encodable {
    var statements: [StatementView]
    var established: EventView?
    /// Openings of embassies and offices, oldest first.
    var milestones: [EventView]
    /// Bodies the two countries own together: `Franco-German Youth Office (OFAJ)`.
    var jointBodies: NamesView?
    var figures: [FiguresView]
}

struct ExchangesView: Encodable {
    var statements: [StatementView]
    /// Visits, meetings and other exchanges, newest first.
    var events: [EventView]
    var figures: [FiguresView]
}

struct MechanismsView: Encodable {
    var statements: [StatementView]
    var mechanisms: [MechanismView]
    var figures: [FiguresView]
}

struct MechanismView: Encodable {
    var name: String
    var abbreviation: String?
    var area: String?
    /// `January 2003`.
    var established: String?
    var ended: String?
    var marks: String
    /// The latest rounds, newest first.
    var rounds: [EventView]
    /// How many earlier rounds the list leaves out.
    var earlierRounds: Int?
    /// True when exactly one earlier round is left out, for the wording.
    var oneEarlierRound: Bool
}

struct AgreementsView: Encodable {
    var statements: [StatementView]
    /// Oldest first; undated ones last.
    var agreements: [AgreementView]
    var figures: [FiguresView]
}

struct AgreementView: Encodable {
    var title: String
    /// `memorandum of cooperation`, when the title does not already say what it is.
    var kind: String?
    var initialled: String?
    var signed: String?
    var place: String?
    var inForceSince: String?
    var inForce: Bool
    var supersededBy: String?
    /// The titles of the agreements it supplements, amends or implements: `Élysée Treaty`.
    var supplements: String?
    var amends: String?
    var implements: String?
    /// Its parties, when not just the two countries: `France, Germany and the European Union`.
    var parties: String?
    var expired: Bool
    var terminated: Bool
    var marks: String
}

struct EconomyView: Encodable {
    var statements: [StatementView]
    var trade: [StatementView]
    var tradeFigures: [FiguresView]
    var investment: [StatementView]
    var investmentFigures: [FiguresView]
    var companies: NamesView?
    var companyFigures: [FiguresView]
    var otherFigures: [FiguresView]
}

/// Records named in a list: `Marubeni, Mitsui and Sojitz`.
struct NamesView: Encodable {
    var names: String
    var marks: String
}

struct DevelopmentView: Encodable {
    var statements: [StatementView]
    var figures: [FiguresView]
    var agencies: [AgencyView]
}

struct AgencyView: Encodable {
    var name: String
    var abbreviation: String?
    /// `transportation, energy and water supply`.
    var sectors: String
    var marks: String
}

struct EducationView: Encodable {
    var education: [StatementView]
    var science: [StatementView]
    var culture: [StatementView]
    var figures: [FiguresView]
}

struct PeopleView: Encodable {
    var contacts: [StatementView]
    var contactFigures: [FiguresView]
    var diaspora: [StatementView]
    var diasporaFigures: [FiguresView]
    /// Which of the two the section holds, for its heading.
    var hasContacts: Bool
    var hasDiaspora: Bool
}

/// The latest values of one series.
struct FiguresView: Encodable {
    var title: String
    /// Who compiles the figures: `State Bank of Pakistan`.
    var reporter: String?
    var marks: String
    /// Newest first.
    var periods: [PeriodFiguresView]
    /// The figures as bars, oldest first; nil when the sources disagree or values are left out.
    var chart: ChartView?
    /// How many earlier periods the brief leaves out.
    var earlierPeriods: Int?
    /// True when exactly one earlier period is left out, for the wording.
    var oneEarlierPeriod: Bool
}

struct PeriodFiguresView: Encodable {
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
struct ValueView: Encodable {
    /// The value of its one dimension, written before the amount: `loans`.
    var label: String?
    /// The values of its several dimensions, written after it: `purpose: …; channel: …`.
    var qualifiers: String?
    var amounts: [AmountView]
    /// The marks of an amount the sources agree on (disagreeing amounts carry their own).
    var valueMarks: String
    var disagree: Bool
    /// The parts of a total: `loans US$9.215 billion`.
    var components: [ComponentView]
    /// The amount as a number, for a chart; nil when the sources disagree.
    var number: Double?
}

struct AmountView: Encodable {
    /// `US$12.42 billion`, `about 80 companies`.
    var amount: String
    /// The amount the source set in a unit of account, when the amount is its conversion: `10 UTA`.
    var stated: String?
    /// What the producer says of the amount: `provisional`, `estimated`, `break in series`.
    var status: String?
    var marks: String
    /// When the sources disagree: the date of the source that gives this amount.
    var reported: String?
}

struct ComponentView: Encodable {
    var part: String
    var partAmount: String
    var partMarks: String
}

struct SourceView: Encodable {
    var number: Int
    var title: String
    /// The full stop after the title; nil when the title ends with one (or with ? or !).
    var titleStop: String?
    var author: String?
    var publisher: String?
    var published: String?
    var url: String?
    var accessed: String?
}
