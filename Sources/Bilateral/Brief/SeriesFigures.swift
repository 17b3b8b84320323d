/// The latest figures of one series in words: each period's values with their parts, and where sources
/// give different values for the same thing, every value with its own source and date.
struct SeriesFigures {
    let series: Series
    /// The series' observations of its latest periods, newest period first.
    let observations: [Observation]
    let marks: SourceMarks

    /// - Parameter periods: how many periods the series has in all, to count those left out.
    func view(reporter: String?, periods periodCount: Int) -> FiguresView {
        // The series' sources stand for the shown observations that cite none of their own; when every
        // one cites its own, the series' sources are not this brief's sources.
        let seriesMarks = observations.contains { $0.citations.isEmpty } ? marks.marks(series.citations) : ""
        var periods: [PeriodFiguresView] = []
        var bars: [(label: String, amount: String, value: Double)]? = []
        var start = observations.startIndex
        while start < observations.endIndex {
            let period = observations[start].period
            let end = observations[start...].firstIndex { $0.period != period } ?? observations.endIndex
            let members = Array(observations[start..<end])
            let (shown, more) = values(members)
            let notes = notes(members.prefix(Self.valuesPerPeriod))
            let words = EnglishDates.period(period, kind: observations[start].periodKind ?? series.periodKind,
                                            fiscalYearStart: series.fiscalYearStart)
            periods.append(PeriodFiguresView(period: words, values: shown, moreValues: more > 0 ? more : nil, notes: notes))
            // A chart shows only what the sources agree on: one amount per value, nothing left out.
            for value in shown.reversed() {
                guard more == 0, value.amounts.count == 1, let number = value.number else { bars = nil; break }
                bars?.insert((value.label.map { "\(words), \($0)" } ?? value.qualifiers.map { "\(words), \($0)" } ?? words,
                              value.amounts[0].amount, number), at: 0)
            }
            start = end
        }
        return FiguresView(title: BriefText.inline(series.title), reporter: reporter, marks: seriesMarks, periods: periods,
                           chart: bars.flatMap(ChartView.init),
                           earlierPeriods: periodCount > periods.count ? periodCount - periods.count : nil,
                           oneEarlierPeriod: periodCount == periods.count + 1)
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
            // Disagreeing amounts carry their own marks; one amount's marks close the value, after its
            // qualifiers, so that they end up after the sentence's full stop.
            let amounts = distinct.map { value in
                AmountView(amount: EnglishNumbers.amount(value.value, of: series, approximate: value.members.allSatisfy(\.approximate)),
                           stated: value.members.first.flatMap { member in
                               member.statedAmount.flatMap { amount in member.statedUnit.map { "\(EnglishNumbers.grouped(amount)) \($0)" } }
                           },
                           status: Self.status(value.members),
                           marks: disagree ? marks.marks(value.members.flatMap(\.citations)) : "",
                           reported: disagree ? reported(value.members) : nil)
            }
            let valueMarks = disagree ? "" : marks.marks(group.members.flatMap(\.citations))
            let components = group.members.compactMap(\.id).flatMap { partsByTotal[$0] ?? [] }.map { part in
                ComponentView(part: label(part.dimensions, parent: group.dimensions) ?? "part",
                              partAmount: EnglishNumbers.amount(part.value, of: series, approximate: part.approximate),
                              partMarks: marks.marks(part.citations))
            }
            // A value keeps its dimension's label even when it is the period's only one: an exports
            // figure alone is still exports, not the total.
            let words = label(group.dimensions, parent: [:])
            let single = series.dimensions.filter { group.dimensions[$0] != nil }.count == 1
            return ValueView(label: single ? words : nil, qualifiers: single ? nil : words, amounts: amounts, valueMarks: valueMarks,
                             disagree: disagree, components: components, number: disagree ? nil : distinct[0].value.value)
        }
        return (Array(shown), groups.count - shown.count)
    }

    /// The statuses the producer gives an amount's observations, each once: `provisional`,
    /// `estimated and break in series`; nil when every one is a normal value.
    private static func status(_ members: [Observation]) -> String? {
        var words: [String] = []
        for case let status? in members.map(\.valueStatus) where !words.contains(status.words) { words.append(status.words) }
        return words.isEmpty ? nil : BriefText.list(words)
    }

    /// What the sources add about a period's figures, each note once. A note that not every value of
    /// the period has says whose it is: `loans: Disbursed in two tranches.`
    private func notes(_ members: ArraySlice<Observation>) -> [String] {
        // The period's values: its observations but the parts of its totals.
        let ids = Set(members.compactMap(\.id))
        let values = Set(members.filter { $0.partOf.map { !ids.contains($0) } ?? true }.map(\.dimensions))
        var texts: [String] = []
        var owners: [String: [String]] = [:]
        var holders: [String: Set<[String: String]>] = [:]
        for member in members {
            guard let text = member.note.map(BriefText.sentence) else { continue }
            if !texts.contains(text) { texts.append(text) }
            holders[text, default: []].insert(member.dimensions)
            if let label = label(member.dimensions, parent: [:]), !owners[text, default: []].contains(label) {
                owners[text, default: []].append(label)
            }
        }
        return texts.map { text in
            guard values.count > 1, holders[text]!.count < values.count, let labels = owners[text], !labels.isEmpty else { return text }
            return "\(BriefText.list(labels)): \(text)"
        }
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
