/// The validated description of a relationship between two countries.
public struct Dataset: Hashable, Sendable {
    /// What the dataset is: title, countries, version, as-of date, maintainers, licence.
    public var metadata: Metadata
    /// The sources, cited by the other records.
    public var sources: [Source]
    /// The countries, the two of the relationship among them.
    public var countries: [Country]
    /// The people the records name.
    public var people: [Person]
    /// The offices people hold.
    public var offices: [Office]
    /// The organizations, companies and agencies.
    public var organizations: [Organization]
    /// The standing mechanisms: dialogues, commissions, working groups.
    public var mechanisms: [Mechanism]
    /// Visits, meetings, signings, openings and other events.
    public var events: [Event]
    /// Agreements, treaties and MoUs.
    public var agreements: [Agreement]
    /// Short sourced facts in words.
    public var statements: [Statement]
    /// Indicator series, whose figures are the observations.
    public var series: [Series]
    /// Observations written in the document; series may keep more in CSV files.
    public var observations: [Observation]
    /// Warnings reviewed and judged wrong for their records.
    public var acknowledgements: [Acknowledgement] = []

    /// A dataset made in code, to validate with `DatasetValidation.check(_:files:)` before exporting.
    public init(metadata: Metadata = Metadata(), sources: [Source] = [], countries: [Country] = [], people: [Person] = [],
                offices: [Office] = [], organizations: [Organization] = [], mechanisms: [Mechanism] = [], events: [Event] = [],
                agreements: [Agreement] = [], statements: [Statement] = [], series: [Series] = [], observations: [Observation] = [],
                acknowledgements: [Acknowledgement] = []) {
        self.metadata = metadata
        self.sources = sources
        self.countries = countries
        self.people = people
        self.offices = offices
        self.organizations = organizations
        self.mechanisms = mechanisms
        self.events = events
        self.agreements = agreements
        self.statements = statements
        self.series = series
        self.observations = observations
        self.acknowledgements = acknowledgements
    }

    /// Every record's kind, by id.
    public var kindsByID: [String: RecordKind] {
        var kinds: [String: RecordKind] = [:]
        // Through the buffer: each record's id is read where it is, the record not copied out of the array.
        func add<R: IdentifiedRecord>(_ records: [R]) {
            records.withUnsafeBufferPointer { records in
                for index in records.indices where kinds[records[index].id] == nil { kinds[records[index].id] = R.kind }
            }
        }
        add(sources); add(countries); add(people); add(offices); add(organizations); add(mechanisms)
        add(events); add(agreements); add(statements); add(series)
        for id in observations.lazy.compactMap(\.id) where kinds[id] == nil { kinds[id] = .observation }
        return kinds
    }

    /// The id, former id, kind and origin of every record with an id, in document order by kind: what
    /// the id checks need, without copying whole records into existential boxes.
    public var identities: [RecordIdentity] {
        var identities: [RecordIdentity] = []
        identities.reserveCapacity(identifiedRecordCount)
        // Through the buffer, as `kindsByID`: each record is read where it is, not copied out of the array.
        func add<R: IdentifiedRecord>(_ records: [R]) {
            records.withUnsafeBufferPointer { records in
                for index in records.indices {
                    identities.append(RecordIdentity(id: records[index].id, replaces: records[index].replaces, kind: R.kind, origin: records[index].origin))
                }
            }
        }
        add(sources); add(countries); add(people); add(offices); add(organizations); add(mechanisms)
        add(events); add(agreements); add(statements); add(series)
        return identities
    }

    /// Every record with an id (all but observations), in document order by kind.
    public var identifiedRecords: [any IdentifiedRecord] {
        var records: [any IdentifiedRecord] = []
        records += sources as [any IdentifiedRecord]
        records += countries as [any IdentifiedRecord]
        records += people as [any IdentifiedRecord]
        records += offices as [any IdentifiedRecord]
        records += organizations as [any IdentifiedRecord]
        records += mechanisms as [any IdentifiedRecord]
        records += events as [any IdentifiedRecord]
        records += agreements as [any IdentifiedRecord]
        records += statements as [any IdentifiedRecord]
        records += series as [any IdentifiedRecord]
        return records
    }

    /// How many records have an id: the length of `identifiedRecords`, without building it.
    public var identifiedRecordCount: Int {
        sources.count + countries.count + people.count + offices.count + organizations.count + mechanisms.count + events.count
            + agreements.count + statements.count + series.count
    }

    /// Every record that cites sources, in document order.
    public var citingRecords: [any CitingRecord] {
        identifiedRecords.compactMap { $0 as? any CitingRecord } + observations as [any CitingRecord]
    }
}
