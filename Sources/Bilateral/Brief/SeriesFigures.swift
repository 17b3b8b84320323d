/// The latest figures of one series in words: each period's values with their parts, and where sources
/// give different values for the same thing, every value with its own source and date.
struct SeriesFigures {
    let series: Series
    /// The series' observations of its latest periods, newest period first.
    let observations: [Observation]
    let marks: SourceMarks

    func view(reporter: String?) -> FiguresView {
        let seriesMarks = marks.marks(series.citations)
        var periods: [PeriodFiguresView] = []
        var start = observations.startIndex
        while start < observations.endIndex {
            let period = observations[start].period
            let end = observations[start...].firstIndex { $0.period != period } ?? observations.endIndex
            let members = Array(observations[start..<end])
            let (shown, more) = values(members)
            var notes: [String] = []
            for note in members.prefix(Self.valuesPerPeriod).compactMap(\.note).map(BriefText.sentence) where !notes.contains(note) {
                notes.append(note)
            }
            periods.append(PeriodFiguresView(period: EnglishDates.period(period, kind: observations[start].periodKind ?? series.periodKind,
                                                                                 fiscalYearStart: series.fiscalYearStart),
                                             values: shown, moreValues: more > 0 ? more : nil, notes: notes))
            start = end
        }
        return FiguresView(title: BriefText.inline(series.title), reporter: reporter, marks: seriesMarks, periods: periods)
    }

    /// How many of a period's values a brief lists; the rest are counted.
    static let valuesPerPeriod = 8

    /// A period's values: observations with the same dimensions are one value (several amounts when
    /// they disagree); parts follow their total.
    private func values(_ observations: [Observation]) -> (shown: [ValueView], more: Int) {
        let ids = Set(observations.compactMap(\.id))
        var partsByTotal: [String: [Observation]] = [:]
        var groups: [(dimensions: [String: String], members: [Observation])] = []
        var groupIndex: [[String: String]: Int] = [:]
        for observation in observations {
            if let total = observation.partOf, ids.contains(total) {
                partsByTotal[total, default: []].append(observation)
            } else if let index = groupIndex[observation.dimensions] {
                groups[index].members.append(observation)
            } else {
                groupIndex[observation.dimensions] = groups.count
                groups.append((observation.dimensions, [observation]))
            }
        }
        let labelled = groups.count > 1
        let shown = groups.prefix(Self.valuesPerPeriod).map { group in
            var distinct: [(value: Number, members: [Observation])] = []
            for member in group.members {
                if let index = distinct.firstIndex(where: { $0.value.value == member.value.value }) {
                    distinct[index].members.append(member)
                } else {
                    distinct.append((member.value, [member]))
                }
            }
            let disagree = distinct.count > 1
            let amounts = distinct.map { value in
                AmountView(amount: EnglishNumbers.amount(value.value, of: series, approximate: value.members.allSatisfy(\.approximate)),
                           marks: marks.marks(value.members.flatMap(\.citations)),
                           reported: disagree ? reported(value.members) : nil)
            }
            let components = group.members.compactMap(\.id).flatMap { partsByTotal[$0] ?? [] }.map { part in
                ComponentView(part: label(part.dimensions, parent: group.dimensions) ?? "part",
                              partAmount: EnglishNumbers.amount(part.value, of: series, approximate: part.approximate),
                              partMarks: marks.marks(part.citations))
            }
            return ValueView(label: labelled || group.dimensions.count > 1 ? label(group.dimensions, parent: [:]) : nil,
                             amounts: amounts, disagree: disagree, components: components)
        }
        return (Array(shown), groups.count - shown.count)
    }

    /// The dimension values in the series' order: the value alone when there is one
    /// (`loans`), else `name: value` pairs; values shared with `parent` are left out.
    private func label(_ dimensions: [String: String], parent: [String: String]) -> String? {
        let own = series.dimensions.filter { dimensions[$0] != nil && dimensions[$0] != parent[$0] }
        guard !own.isEmpty else { return nil }
        if own.count == 1 { return BriefText.inline(dimensions[own[0]]!) }
        return own.map { "\($0.replacingOccurrences(of: "_", with: " ")): \(BriefText.inline(dimensions[$0]!))" }.joined(separator: "; ")
    }

    /// When the sources of disagreeing amounts published them: `June 2024`.
    private func reported(_ members: [Observation]) -> String? {
        let cited = members.flatMap(\.citations).map(\.source)
        let dates = cited.compactMap { marks.source($0)?.published }
        return dates.max { $0.firstDay < $1.firstDay }.map(EnglishDates.date)
    }
}
