/// The dataset as tables, computed in one place for every tabular writer (CSV, XLSX): which tables,
/// which columns in which order, and how records become cells.
///
/// - One table per record kind, named after the kind's list in the document, with the record's fields
///   as columns (`RecordColumns.swift`) and, for records that cite, a `sources` column of source ids.
/// - Observations get one column per dimension of any series instead of the `dimensions` map.
/// - A `citations` table lists every citation with its quote, one row each.
/// - An `acknowledgements` table lists the warnings the maintainers reviewed, with why, one row each.
public struct TabularView: Sendable {
    /// The tables, in the order exports write them.
    public let tables: [Table]

    /// The tables of a validated dataset; rows are read when a writer asks for them.
    public init(_ input: ValidatedDataset) {
        self.init(input.dataset, observations: Self.observations(input))
    }

    private init(_ d: Dataset, observations: Table) {
        tables = [
            Self.table("sources", "Sources", d.sources),
            Self.table("countries", "Countries", d.countries),
            Self.table("people", "People", d.people),
            Self.table("offices", "Offices", d.offices),
            Self.table("organizations", "Organizations", d.organizations),
            Self.table("mechanisms", "Mechanisms", d.mechanisms),
            Self.table("events", "Events", d.events),
            Self.table("agreements", "Agreements", d.agreements),
            Self.table("statements", "Statements", d.statements),
            Self.table("series", "Indicator series", d.series),
            observations,
            Self.citations(d),
            Self.acknowledgements(d),
        ]
    }

    /// The tables every dataset has, without rows: the same columns as any dataset's but for the
    /// observations, which have no dimension columns (`Table.dependsOnTheDataset`).
    static let layout = TabularView(Dataset(), observations: observationsLayout(dimensions: []))

    /// The observations table with the dimension columns `dimensions`, without rows.
    static func observationsLayout(dimensions: [String]) -> Table {
        Table(name: "observations", title: "Observations", columns: observationColumns(dimensions: dimensions), primaryKey: [], count: 0) { _ in }
    }

    /// The observation columns that are not dimensions, by name.
    static let observationColumnsBesideDimensions = Set(observationColumns(dimensions: []).map(\.name))

    /// The table named `name`, if there is one.
    public func table(named name: String) -> Table? { tables.first { $0.name == name } }

    static let sourcesColumn = Column("sources", .references(["sources"]), "Ids of the sources it cites, separated by spaces.")

    private static func table<R: TabulatedRecord & IdentifiedRecord>(_ name: String, _ title: String, _ records: [R]) -> Table {
        Table(name: name, title: title, columns: R.columns + (R.cites ? [sourcesColumn] : []), primaryKey: ["id"],
              count: records.count) { body in
            // By index: each record is read where it is, not copied out of the array first.
            for index in records.indices { try body(records[index].row) }
        }
    }

    private static func observations(_ input: ValidatedDataset) -> Table {
        let columns = observationColumns(dimensions: dimensionNames(input.dataset))
        let hasFiles = input.dataset.series.contains { $0.observationsFile != nil }
        return Table(name: "observations", title: "Observations", columns: columns, primaryKey: [],
                     count: hasFiles ? nil : input.dataset.observations.count) { body in
            try forEachObservationRow(input) { _, row in try body(row) }
        }
    }

    /// The observations' columns: a column for each dimension of any series instead of the map.
    private static func observationColumns(dimensions: [String]) -> [Column] {
        Observation.columns.filter { $0.name != "dimensions" } + dimensions.map { Column($0, .text, "Dimension '\($0)' of the observation's series.") }
            + [sourcesColumn]
    }

    /// Each observation with its row of the observations table, in one pass over the observation files.
    static func forEachObservationRow(_ input: ValidatedDataset, _ body: (Observation, [Cell]) throws -> Void) throws {
        let dimensions = dimensionNames(input.dataset)
        var row: [Cell] = []
        row.reserveCapacity(Observation.columns.count + dimensions.count + 1)
        try input.forEachObservation { observation in
            row.removeAll(keepingCapacity: true)
            observation.appendColumnCells(to: &row, dimensions: false)
            for name in dimensions { row.append(Cell(observation.dimensions[name])) }
            row.append(.references(observation.citations.map(\.source)))
            try body(observation, row)
        }
    }

    /// The dimensions of every series, each once, in the order the series declare them.
    private static func dimensionNames(_ dataset: Dataset) -> [String] {
        dataset.series.reduce(into: [String]()) { names, series in
            for name in series.dimensions where !names.contains(name) { names.append(name) }
        }
    }

    private static func acknowledgements(_ dataset: Dataset) -> Table {
        Table(name: DatasetLoader.acknowledgementsKey, title: "Acknowledgements", columns: Acknowledgement.columns, primaryKey: [],
              count: dataset.acknowledgements.count) { body in
            for acknowledgement in dataset.acknowledgements { try body(acknowledgement.cells) }
        }
    }

    private static func citations(_ dataset: Dataset) -> Table {
        let columns = [
            Column("record", .text, "The id of the citing record."),
            Column("table", .choice(RecordKind.allCases.filter { $0 != .source && $0 != .country }.map(\.collection)),
                   required: true, "The table of the citing record."),
            Column("source", .reference(["sources"]), required: true, "The id of the source cited."),
            Column("quote", .text, "Words of the source that support the record."),
        ]
        let d = dataset
        // The kinds that cite, in `Dataset.citingRecords` order: counted here and walked in `rows` below alike.
        let count = citationCount(d.people) + citationCount(d.offices) + citationCount(d.organizations) + citationCount(d.mechanisms)
            + citationCount(d.events) + citationCount(d.agreements) + citationCount(d.statements) + citationCount(d.series)
            + citationCount(d.observations)
        return Table(name: "citations", title: "Citations", columns: columns, primaryKey: [], count: count) { body in
            // Every record that cites, in document order (`Dataset.citingRecords`), none copied into a box.
            func rows<R: CitingRecord>(_ records: [R], _ id: (R) -> String?) throws {
                let table = R.kind.collection
                for record in records {
                    for citation in record.citations { try body([Cell(id(record)), .text(table), .reference(citation.source), Cell(citation.quote)]) }
                }
            }
            try rows(d.people, \.id); try rows(d.offices, \.id); try rows(d.organizations, \.id); try rows(d.mechanisms, \.id)
            try rows(d.events, \.id); try rows(d.agreements, \.id); try rows(d.statements, \.id); try rows(d.series, \.id)
            try rows(d.observations, \.id)
        }
    }

    private static func citationCount<R: CitingRecord>(_ records: [R]) -> Int { records.reduce(0) { $0 + $1.citations.count } }
}
