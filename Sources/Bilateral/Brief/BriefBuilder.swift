/// Puts the facts of a dataset into the words a brief template is given: one section at a time, in
/// the order the brief reads, so that sources are numbered as they are first cited.
struct BriefBuilder {
    let dataset: Dataset
    private var observations: LatestObservations
    private let marks: SourceMarks
    private let names: [String: String]
    /// Names as running text puts them: `the United States`.
    private let namesInText: [String: String]

    init(_ dataset: Dataset, observations: LatestObservations, marks style: MarkStyle = .brackets) {
        self.dataset = dataset
        self.observations = observations
        marks = SourceMarks(dataset.sources, style: style)
        var names: [String: String] = [:]
        for country in dataset.countries { names[country.id] = country.name }
        for organization in dataset.organizations { names[organization.id] = organization.name }
        for person in dataset.people { names[person.id] = person.name }
        self.names = names
        var namesInText = names
        for country in dataset.countries where country.definiteArticle { namesInText[country.id] = "the " + country.name }
        self.namesInText = namesInText
    }

    /// - Parameter undatedKept: with an earlier as-of date, how many undated statements were kept.
    mutating func content(_ sections: [BriefSection], undatedKept: Int? = nil) -> BriefContent {
        let countries = dataset.metadata.countries.map { names[$0] ?? $0 }
        let inText = dataset.metadata.countries.map { namesInText[$0] ?? $0 }
        var views: [SectionView] = []
        for section in sections {
            if let view = self.section(section) { views.append(view) }
        }
        let sources = marks.cited.enumerated().map { index, source in
            let title = BriefText.inline(source.title)
            return SourceView(number: index + 1, title: title, titleStop: BriefText.endsSentence(title) ? nil : ".",
                              author: source.author.map(BriefText.inline), publisher: source.publisher.map(BriefText.inline),
                              published: source.published.map(Self.unbroken), url: source.url, accessed: source.accessed.map(Self.unbroken))
        }
        return BriefContent(dataset: DatasetView(title: BriefText.inline(dataset.metadata.title), version: dataset.metadata.version),
                            first: countries.first ?? "", second: countries.dropFirst().first ?? "",
                            firstInText: inText.first ?? "", secondInText: inText.dropFirst().first ?? "",
                            firstAtStart: BriefText.capitalizedFirst(inText.first ?? ""),
                            asOf: EnglishDates.date(dataset.metadata.asOf), undatedKept: undatedKept, sections: views, sources: sources)
    }

    /// A date whose words the layout keeps on one line.
    private static func unbroken(_ date: PartialDate) -> String {
        EnglishDates.date(date).replacingOccurrences(of: " ", with: String(TextLayout.glue))
    }

    /// The section's content, or nil when it has nothing to say.
    private mutating func section(_ section: BriefSection) -> SectionView? {
        switch section {
        case .overview: overview().map { SectionView(overview: $0) }
        case .exchanges: exchanges().map { SectionView(exchanges: $0) }
        case .mechanisms: mechanisms().map { SectionView(mechanisms: $0) }
        case .agreements: agreements().map { SectionView(agreements: $0) }
        case .economy: economy().map { SectionView(economy: $0) }
        case .development: development().map { SectionView(development: $0) }
        case .education: education().map { SectionView(education: $0) }
        case .people: people().map { SectionView(people: $0) }
        case .forums: topic(.multilateralCooperation).map { SectionView(forums: $0) }
        case .outlook: topic(.outlook).map { SectionView(outlook: $0) }
        case .defence: topic(.defenceAndSecurity).map { SectionView(defence: $0) }
        case .energy: topic(.energy).map { SectionView(energy: $0) }
        case .environment: topic(.environmentAndClimate).map { SectionView(environment: $0) }
        case .consular: topic(.consularAndMigration).map { SectionView(consular: $0) }
        case .regional: topic(.regionalIntegration).map { SectionView(regional: $0) }
        }
    }

    // MARK: Sections

    private mutating func overview() -> OverviewView? {
        let joint = dataset.organizations.filter { !$0.countries.isEmpty }
        let view = OverviewView(
            statements: statements(.overview),
            established: Self.chronological(dataset.events.filter { $0.kind == .establishment }).first.map(event),
            milestones: Self.chronological(dataset.events.filter { $0.kind == .opening }).map(event),
            jointBodies: joint.isEmpty ? nil : NamesView(names: BriefText.list(joint.map(Self.named)), marks: marks.marks(joint.flatMap(\.citations))),
            figures: figures(.overview))
        return view.statements.isEmpty && view.established == nil && view.milestones.isEmpty && view.jointBodies == nil
            && view.figures.isEmpty ? nil : view
    }

    /// An organization's name with its abbreviation: `Franco-German Youth Office (OFAJ)`.
    private static func named(_ organization: Organization) -> String {
        BriefText.inline(organization.name) + (organization.abbreviation.map { " (\(BriefText.inline($0)))" } ?? "")
    }

    private mutating func exchanges() -> ExchangesView? {
        let view = ExchangesView(
            statements: statements(.political),
            events: Self.chronological(dataset.events.filter { [.visit, .meeting, .signing, .other].contains($0.kind) })
                .reversed().map(event),
            figures: figures(.political))
        return view.statements.isEmpty && view.events.isEmpty && view.figures.isEmpty ? nil : view
    }

    private mutating func mechanisms() -> MechanismsView? {
        let statements = statements(.mechanisms)
        let figures = figures(.mechanisms)
        let view = MechanismsView(statements: statements, mechanisms: dataset.mechanisms.map { mechanism in
            let marks = marks.marks(mechanism.citations)
            let rounds = Self.chronological(dataset.events.filter { $0.kind == .dialogueRound && $0.mechanism == mechanism.id })
            let shown = rounds.suffix(Self.roundsShown).reversed()
            return MechanismView(name: BriefText.inline(mechanism.name), abbreviation: mechanism.abbreviation,
                                 area: mechanism.area.map(BriefText.inline), established: mechanism.established.map(EnglishDates.date),
                                 ended: mechanism.ended.map(EnglishDates.date), marks: marks, rounds: shown.map(event),
                                 earlierRounds: rounds.count > shown.count ? rounds.count - shown.count : nil,
                                 oneEarlierRound: rounds.count == shown.count + 1)
        }, figures: figures)
        return view.statements.isEmpty && view.mechanisms.isEmpty && view.figures.isEmpty ? nil : view
    }

    /// How many of a mechanism's rounds a brief lists.
    static let roundsShown = 3

    private mutating func agreements() -> AgreementsView? {
        let titles = Dictionary(dataset.agreements.map { ($0.id, BriefText.inline($0.title)) }, uniquingKeysWith: { a, _ in a })
        let dated = dataset.agreements.enumerated().sorted { a, b in
            switch (a.element.signed ?? a.element.initialled, b.element.signed ?? b.element.initialled) {
            case let (x?, y?) where x.firstDay != y.firstDay: x.firstDay < y.firstDay
            case (_?, nil): true
            case (nil, _?): false
            default: a.offset < b.offset
            }
        }.map(\.element)
        let countries = Set(dataset.metadata.countries)
        func titled(_ ids: [String]) -> String? { ids.isEmpty ? nil : BriefText.list(ids.map { titles[$0] ?? $0 }) }
        let statements = statements(.agreements)
        let figures = figures(.agreements)
        let view = AgreementsView(statements: statements, agreements: dated.map { agreement in
            let title = BriefText.inline(agreement.title)
            let kind = agreement.kind == .mou ? "MoU" : agreement.kind.rawValue.replacingOccurrences(of: "-", with: " ")
            return AgreementView(
                title: title, kind: agreement.kind == .other || title.lowercased().contains(kind.lowercased()) ? nil : kind,
                initialled: agreement.initialled.map(EnglishDates.date), signed: agreement.signed.map(EnglishDates.date),
                place: agreement.place.map(BriefText.inline), inForceSince: agreement.inForce.map(EnglishDates.date),
                inForce: agreement.status == .inForce, supersededBy: agreement.supersededBy.map { titles[$0] ?? $0 },
                supplements: titled(agreement.supplements), amends: titled(agreement.amends), implements: titled(agreement.implements),
                parties: agreement.parties.isEmpty || Set(agreement.parties) == countries
                    ? nil : BriefText.list(agreement.parties.map { namesInText[$0].map(BriefText.inline) ?? $0 }),
                expired: agreement.status == .expired, terminated: agreement.status == .terminated,
                marks: marks.marks(agreement.citations))
        }, figures: figures)
        return view.statements.isEmpty && view.agreements.isEmpty && view.figures.isEmpty ? nil : view
    }

    private mutating func economy() -> EconomyView? {
        let general = statements(.economy)
        let trade = statements(.trade)
        let tradeFigures = figures(.trade)
        let investment = statements(.investment)
        let investmentFigures = figures(.investment)
        let companies = dataset.organizations.filter { $0.kind == .company }
        let companiesView = companies.isEmpty ? nil : NamesView(
            names: BriefText.list(companies.map { BriefText.inline($0.name) }),
            marks: marks.marks(companies.flatMap(\.citations)))
        let view = EconomyView(statements: general, trade: trade, tradeFigures: tradeFigures, investment: investment,
                               investmentFigures: investmentFigures, companies: companiesView,
                               companyFigures: figures(.economy) { $0.indicator == .companies },
                               otherFigures: figures(.economy) { $0.indicator != .companies })
        let empty = view.statements.isEmpty && view.trade.isEmpty && view.tradeFigures.isEmpty && view.investment.isEmpty
            && view.investmentFigures.isEmpty && view.companies == nil && view.companyFigures.isEmpty && view.otherFigures.isEmpty
        return empty ? nil : view
    }

    private mutating func development() -> DevelopmentView? {
        let general = statements(.developmentAssistance)
        let figures = figures(.developmentAssistance)
        // Agencies and their sectors belong here only when there is assistance to tell of.
        guard !general.isEmpty || !figures.isEmpty else { return nil }
        let agencies = dataset.organizations.filter { $0.kind == .agency && !$0.sectors.isEmpty }.map { agency in
            AgencyView(name: BriefText.inline(agency.name), abbreviation: agency.abbreviation,
                       sectors: BriefText.list(agency.sectors.map(BriefText.inline)), marks: marks.marks(agency.citations))
        }
        return DevelopmentView(statements: general, figures: figures, agencies: agencies)
    }

    private mutating func education() -> EducationView? {
        let view = EducationView(education: statements(.education), science: statements(.scienceAndTechnology),
                                 culture: statements(.culture),
                                 figures: figures(.education) + figures(.scienceAndTechnology) + figures(.culture))
        return view.education.isEmpty && view.science.isEmpty && view.culture.isEmpty && view.figures.isEmpty ? nil : view
    }

    private mutating func people() -> PeopleView? {
        let contacts = statements(.peopleToPeople), contactFigures = figures(.peopleToPeople)
        let diaspora = statements(.diaspora), diasporaFigures = figures(.diaspora)
        let hasContacts = !contacts.isEmpty || !contactFigures.isEmpty, hasDiaspora = !diaspora.isEmpty || !diasporaFigures.isEmpty
        guard hasContacts || hasDiaspora else { return nil }
        return PeopleView(contacts: contacts, contactFigures: contactFigures, diaspora: diaspora, diasporaFigures: diasporaFigures,
                          hasContacts: hasContacts, hasDiaspora: hasDiaspora)
    }

    /// A section of the statements and figures on one topic, or nil when there are none.
    private mutating func topic(_ topic: Statement.Topic) -> StatementsView? {
        let view = StatementsView(statements: statements(topic), figures: figures(topic))
        return view.statements.isEmpty && view.figures.isEmpty ? nil : view
    }

    // MARK: Records

    private func statements(_ topic: Statement.Topic) -> [StatementView] {
        dataset.statements.filter { $0.topic == topic }.map {
            StatementView(text: BriefText.sentence($0.text), marks: marks.marks($0.citations))
        }
    }

    private func event(_ event: Event) -> EventView {
        EventView(date: EnglishDates.range(event.start, event.end), datetime: event.start.description,
                  when: event.end == nil ? EnglishDates.when(event.start) : EnglishDates.range(event.start, event.end),
                  title: BriefText.inline(event.title), cancelled: event.status == .cancelled, postponed: event.status == .postponed,
                  virtual: event.format == .virtual, hybrid: event.format == .hybrid, purpose: event.purpose.map(BriefText.sentence),
                  note: event.note.map(BriefText.sentence), marks: marks.marks(event.citations))
    }

    /// Oldest first; events of the same day in the dataset's order.
    private static func chronological(_ events: [Event]) -> [Event] {
        events.enumerated().sorted { a, b in
            a.element.start.firstDay != b.element.start.firstDay ? a.element.start.firstDay < b.element.start.firstDay : a.offset < b.offset
        }.map(\.element)
    }

    /// The latest figures of the series told under `topic` (and matching `filter`).
    private mutating func figures(_ topic: Statement.Topic, where filter: (Series) -> Bool = { _ in true }) -> [FiguresView] {
        dataset.series.filter { $0.briefTopic == topic && filter($0) }.compactMap { series in
            let latest = observations.latest(series.id)
            guard !latest.isEmpty else { return nil }
            return SeriesFigures(series: series, observations: latest, marks: marks).view(
                reporter: series.reporter.map { names[$0] ?? $0 }, periods: observations.periodCount(series.id))
        }
    }
}
