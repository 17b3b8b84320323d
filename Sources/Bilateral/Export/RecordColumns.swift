/// How each record kind becomes a row: its fields as columns, in document order, and its values as
/// cells. The JSON writer writes these fields; the tabular view builds its tables from them. A record's
/// `sources` are not among them: every writer treats citations on their own.
public protocol TabulatedRecord: Record {
    static var columns: [Column] { get }
    /// One cell per column, in the same order.
    var cells: [Cell] { get }
}

private let idColumn = Column("id", .text, required: true, "The record's id, unique across the dataset.")
private let replacesColumn = Column("replaces", .text, "The id the record had before it was renamed.")

extension Source: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        Column("title", .text, required: true, "Title; in square brackets when supplied because the source's own is not recorded."),
        Column("publisher", .text, "Who published it."),
        Column("author", .text, "Who wrote it."),
        Column("url", .url, "Where it can be read."),
        Column("published", .date, "When it was published, at its precision."),
        Column("accessed", .date, "When it was read."),
        .choice("tier", Tier.self, required: true, "Reliability: official, press (usually quoting an official) or reference."),
        Column("archive", .text, "The archived text, relative to the dataset file."),
    ]
    public var cells: [Cell] {
        [.text(id), Cell(replaces), .text(title), Cell(publisher), Cell(author), url.map(Cell.url) ?? .empty, Cell(published), Cell(accessed),
         Cell(tier), Cell(archive)]
    }
}

extension Country: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        Column("alpha2", .text, required: true, "ISO 3166-1 alpha-2 code."),
        Column("alpha3", .text, required: true, "ISO 3166-1 alpha-3 code."),
        Column("name", .text, required: true, "Name in English."),
        Column("names", .textMap, "Names in other languages, by language code."),
    ]
    public var cells: [Cell] { [.text(id), Cell(replaces), .text(alpha2), .text(alpha3), .text(name), .textMap(names)] }
}

extension Person: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        Column("name", .text, required: true, "Name as the sources give it."),
        Column("names", .textMap, "Names in other languages, by language code."),
        .reference("country", to: ["countries"], "The person's country."),
    ]
    public var cells: [Cell] { [.text(id), Cell(replaces), .text(name), .textMap(names), Cell(reference: country)] }
}

extension Office: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        .reference("person", to: ["people"], required: true, "Who held the office."),
        Column("title", .text, required: true, "The office (\"Foreign Minister of Pakistan\")."),
        .reference("organization", to: ["organizations"], "The organization of the office."),
        .reference("country", to: ["countries"], "The office's country."),
        Column("start", .date, "When the person took office."),
        Column("end", .date, "When the person left office."),
    ]
    public var cells: [Cell] {
        [.text(id), Cell(replaces), .reference(person), .text(title), Cell(reference: organization), Cell(reference: country), Cell(start), Cell(end)]
    }
}

extension Organization: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        Column("name", .text, required: true, "Name."),
        Column("abbreviation", .text, "Abbreviation (\"JICA\")."),
        .reference("country", to: ["countries"], "The organization's country."),
        .choice("kind", Kind.self, required: true, "What kind of body it is."),
        Column("sectors", .texts, "Sectors it works in."),
    ]
    public var cells: [Cell] {
        [.text(id), Cell(replaces), .text(name), Cell(abbreviation), Cell(reference: country), Cell(kind), .texts(sectors)]
    }
}

extension Mechanism: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        Column("name", .text, required: true, "Name."),
        Column("abbreviation", .text, "Abbreviation (\"HLEPD\")."),
        Column("area", .text, "Field of cooperation."),
    ]
    public var cells: [Cell] { [.text(id), Cell(replaces), .text(name), Cell(abbreviation), Cell(area)] }
}

extension Event: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        .choice("kind", Kind.self, required: true, "What kind of event."),
        Column("title", .text, required: true, "What happened, in a line."),
        Column("start", .date, required: true, "When it began (or happened), at its precision."),
        Column("end", .date, "The last day, when it lasted more than its start."),
        Column("place", .text, "Where, in words."),
        .reference("country", to: ["countries"], "The country where it took place."),
        Column("visitors", .references("people"), "The visiting people."),
        Column("hosts", .references("people"), "The hosting people."),
        Column("participants", .references("people"), "Other people who took part."),
        Column("invited_by", .references("people"), "The people at whose invitation a visit took place."),
        Column("purpose", .text, "Its purpose."),
        .reference("mechanism", to: ["mechanisms"], "The mechanism whose round it is."),
        Column("round", .integer, "The round's number within its mechanism."),
        Column("note", .text, "What else the sources say about it."),
    ]
    public var cells: [Cell] {
        [.text(id), Cell(replaces), Cell(kind), .text(title), .date(start), Cell(end), Cell(place), Cell(reference: country),
         .references(visitors), .references(hosts), .references(participants), .references(invitedBy), Cell(purpose),
         Cell(reference: mechanism), round.map(Cell.integer) ?? .empty, Cell(note)]
    }
}

extension Agreement: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        Column("title", .text, required: true, "Title."),
        .choice("kind", Kind.self, required: true, "What kind of instrument."),
        Column("initialled", .date, "When the text was initialled."),
        Column("signed", .date, "When it was signed."),
        Column("place", .text, "Where it was signed."),
        Column("in_force", .date, "When it entered into force."),
        .choice("status", Status.self, required: true, "Its status."),
        .reference("superseded_by", to: ["agreements"], "The agreement that replaced it."),
    ]
    public var cells: [Cell] {
        [.text(id), Cell(replaces), .text(title), Cell(kind), Cell(initialled), Cell(signed), Cell(place), Cell(inForce), Cell(status),
         Cell(reference: supersededBy)]
    }
}

extension Statement: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        .choice("topic", Topic.self, required: true, "The section of a briefing note it belongs to."),
        Column("text", .text, required: true, "The fact, in a sentence."),
        Column("date", .date, "When it was true or made."),
    ]
    public var cells: [Cell] { [.text(id), Cell(replaces), Cell(topic), .text(text), Cell(date)] }
}

extension Series: TabulatedRecord {
    public static let columns = [
        idColumn,
        replacesColumn,
        Column("title", .text, required: true, "Title."),
        .choice("indicator", Indicator.self, required: true, "What it measures."),
        .choice("flow", Flow.self, "The direction of the flow."),
        .reference("reporter", to: ["countries", "organizations"], "Who compiles the figures: a country or an organization."),
        .reference("partner", to: ["countries"], "The partner country."),
        Column("currency", .text, "ISO 4217 currency of the values."),
        Column("unit", .text, "What is counted, when values are not money."),
        .choice("scale", Scale.self, "The power of ten values are stated in."),
        .choice("period_kind", PeriodKind.self, "How to read the periods of its observations."),
        Column("dimensions", .texts, "Names of the columns that classify its observations."),
    ]
    public var cells: [Cell] {
        [.text(id), Cell(replaces), .text(title), Cell(indicator), Cell(flow), Cell(reference: reporter), Cell(reference: partner),
         Cell(currency), Cell(unit), Cell(scale), Cell(periodKind), .texts(dimensions)]
    }
}

extension Observation: TabulatedRecord {
    public static let columns = [
        Column("id", .text, "The observation's id, when another observation names it as its total."),
        .reference("series", to: ["series"], required: true, "The series."),
        Column("period", .period, required: true, "A date or an interval start/end, at their precision."),
        .choice("period_kind", PeriodKind.self, "How to read the period, when not the series' kind."),
        Column("value", .number, required: true, "The value, in the series' currency or unit and scale."),
        Column("approximate", .boolean, "True when the source gives the value as approximate."),
        .reference("part_of", to: ["observations"], "The total this value is a component of."),
        Column("dimensions", .textMap, "Values of the series' dimensions."),
        Column("note", .text, "A note on the value."),
    ]
    public var cells: [Cell] {
        [Cell(id), .reference(series), .period(period), Cell(periodKind), .number(value), approximate ? .boolean(true) : .empty,
         Cell(reference: partOf), .textMap(dimensions), Cell(note)]
    }
}

extension Metadata {
    /// The metadata's fields in the format's order, as the JSON export writes them.
    var cells: [(name: String, cell: Cell)] {
        [("title", .text(title)), ("countries", .references(countries)), ("version", .text(version)), ("as_of", .date(asOf)),
         ("maintainers", .texts(maintainers)), ("licence", .text(licence)), ("description", Cell(description))]
    }
}
