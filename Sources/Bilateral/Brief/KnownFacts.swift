/// What the dataset knew on a given day: the sources published by then, and the records that those
/// sources support and whose own dates are not later. `bilateral brief --as-of` writes from this view.
///
/// A date counts as "by then" only when all of it is: a source published in `2024` is not yet known
/// on 1 June 2024. A source without a publication date is dated by when it was accessed; sources and
/// records with no date at all are taken as known.
struct KnownFacts {
    let asOf: PartialDate
    private let unknownSources: Set<String>

    init(_ dataset: Dataset, asOf: PartialDate) {
        self.asOf = asOf
        unknownSources = Set(dataset.sources.filter { ($0.published ?? $0.accessed).map { !Self.isBy($0, asOf) } ?? false }.map(\.id))
    }

    static func isBy(_ date: PartialDate, _ asOf: PartialDate) -> Bool { date.lastDay <= asOf.lastDay }

    func isKnown(_ date: PartialDate?) -> Bool { date.map { Self.isBy($0, asOf) } ?? true }

    /// The citations of sources known by then.
    func citations(_ citations: [Citation]) -> [Citation] { citations.filter { !unknownSources.contains($0.source) } }

    /// The dataset as it stood: records without a known source or dated later left out, later dates
    /// of the records kept (entry into force, supersession) cleared.
    func dataset(_ dataset: Dataset) -> Dataset {
        var known = dataset
        known.metadata.asOf = asOf
        known.sources = dataset.sources.filter { !unknownSources.contains($0.id) }
        known.people = supported(dataset.people)
        known.offices = supported(dataset.offices)
        known.organizations = supported(dataset.organizations)
        known.mechanisms = supported(dataset.mechanisms).filter { isKnown($0.established) }.map { mechanism in
            var mechanism = mechanism
            if !isKnown(mechanism.ended) { mechanism.ended = nil }
            return mechanism
        }
        known.events = supported(dataset.events).filter { isKnown($0.start) }
        known.statements = supported(dataset.statements).filter { isKnown($0.date) }
        known.series = supported(dataset.series)
        let agreements = supported(dataset.agreements).filter { isKnown($0.signed ?? $0.initialled) }
        let agreementIDs = Set(agreements.map(\.id))
        known.agreements = agreements.map { agreement in
            var agreement = agreement
            if !isKnown(agreement.inForce) {
                agreement.inForce = nil
                if agreement.status == .inForce { agreement.status = .signed }
            }
            if let later = agreement.supersededBy, !agreementIDs.contains(later) {
                agreement.supersededBy = nil
                agreement.status = .signed
            }
            agreement.supplements = agreement.supplements.filter(agreementIDs.contains)
            agreement.amends = agreement.amends.filter(agreementIDs.contains)
            agreement.implements = agreement.implements.filter(agreementIDs.contains)
            return agreement
        }
        let seriesIDs = Set(known.series.map(\.id))
        known.observations = dataset.observations.compactMap { observation($0, seriesKnown: seriesIDs.contains($0.series)) }
        return known
    }

    /// The observation as it stood, or nil when its period had not ended or no known source supports it.
    func observation(_ observation: Observation, seriesKnown: Bool) -> Observation? {
        guard isKnown(observation.period.end ?? observation.period.start) else { return nil }
        var observation = observation
        if observation.citations.isEmpty { return seriesKnown ? observation : nil }
        observation.citations = citations(observation.citations)
        return observation.citations.isEmpty ? nil : observation
    }

    private func supported<R: CitationsEditable>(_ records: [R]) -> [R] {
        records.compactMap { record in
            var record = record
            record.citations = citations(record.citations)
            return record.citations.isEmpty ? nil : record
        }
    }
}

/// Records whose citations `KnownFacts` can narrow.
protocol CitationsEditable: CitingRecord {
    var citations: [Citation] { get set }
}

extension Person: CitationsEditable {}
extension Office: CitationsEditable {}
extension Organization: CitationsEditable {}
extension Mechanism: CitationsEditable {}
extension Event: CitationsEditable {}
extension Agreement: CitationsEditable {}
extension Statement: CitationsEditable {}
extension Series: CitationsEditable {}
