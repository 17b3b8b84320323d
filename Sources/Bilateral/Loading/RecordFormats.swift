/// How each record kind is written in the dataset document: its fields, and how they are read.
///
/// `Schemas/bilateral.schema.json` describes the same fields; a test keeps the two in step.
protocol ReadableRecord: Record {
    /// Every field the record may have, in the order the JSON export writes them.
    static var fields: [String] { get }
    init?(_ reader: inout RecordReader)
}

extension ReadableRecord {
    /// Reads a record, or nil (after reporting) when a required field is missing or unreadable.
    static func read(_ node: Node, context: LoadContext) -> Self? {
        guard var reader = RecordReader(node, what: Self.kind.withArticle, fields: fields, context: context) else { return nil }
        let record = Self(&reader)
        return reader.isComplete ? record : nil
    }
}

extension Metadata {
    static let fields = ["title", "countries", "version", "as_of", "maintainers", "licence", "description"]

    init?(_ r: inout RecordReader) {
        let title = r.text("title", required: true)
        let countries = r.references("countries")
        let version = r.text("version", required: true)
        let asOf = r.date("as_of", required: true)
        let maintainers = r.texts("maintainers")
        let licence = r.text("licence", required: true)
        let description = r.text("description")
        guard let title, let version, let asOf, let licence, r.isComplete else { return nil }
        self.init(title: title, countries: countries, version: version, asOf: asOf, maintainers: maintainers,
                  licence: licence, description: description, origin: r.origin)
    }
}

extension Source: ReadableRecord {
    static let fields = ["id", "replaces", "title", "publisher", "author", "url", "published", "accessed", "tier", "archive", "archived_text"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), title = r.text("title", required: true)
        let publisher = r.text("publisher"), author = r.text("author"), url = r.text("url")
        let published = r.date("published"), accessed = r.date("accessed")
        let tier: Tier? = r.choice("tier", required: true)
        let archive = r.text("archive"), archivedText = r.text("archived_text")
        guard let id, let title, let tier else { return nil }
        self.init(id: id, replaces: replaces, title: title, publisher: publisher, author: author, url: url, published: published,
                  accessed: accessed, tier: tier, archive: archive, archivedText: archivedText, origin: r.origin)
    }
}

extension Country: ReadableRecord {
    static let fields = ["id", "replaces", "alpha2", "alpha3", "name", "names"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), alpha2 = r.text("alpha2", required: true), alpha3 = r.text("alpha3", required: true)
        let name = r.text("name", required: true), names = r.textMap("names")
        guard let id, let alpha2, let alpha3, let name else { return nil }
        self.init(id: id, replaces: replaces, alpha2: alpha2, alpha3: alpha3, name: name, names: names, origin: r.origin)
    }
}

extension Person: ReadableRecord {
    static let fields = ["id", "replaces", "name", "names", "country", "sources"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), name = r.text("name", required: true), names = r.textMap("names")
        let country = r.reference("country"), citations = r.citations()
        guard let id, let name else { return nil }
        self.init(id: id, replaces: replaces, name: name, names: names, country: country, citations: citations, origin: r.origin)
    }
}

extension Office: ReadableRecord {
    static let fields = ["id", "replaces", "person", "title", "organization", "country", "start", "end", "sources"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), person = r.reference("person", required: true), title = r.text("title", required: true)
        let organization = r.reference("organization"), country = r.reference("country")
        let start = r.date("start"), end = r.date("end"), citations = r.citations()
        guard let id, let person, let title else { return nil }
        self.init(id: id, replaces: replaces, person: person, title: title, organization: organization, country: country,
                  start: start, end: end, citations: citations, origin: r.origin)
    }
}

extension Organization: ReadableRecord {
    static let fields = ["id", "replaces", "name", "abbreviation", "country", "kind", "sectors", "sources"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), name = r.text("name", required: true), abbreviation = r.text("abbreviation")
        let country = r.reference("country"), kind: Kind? = r.choice("kind", required: true)
        let sectors = r.texts("sectors"), citations = r.citations()
        guard let id, let name, let kind else { return nil }
        self.init(id: id, replaces: replaces, name: name, abbreviation: abbreviation, country: country, kind: kind, sectors: sectors,
                  citations: citations, origin: r.origin)
    }
}

extension Mechanism: ReadableRecord {
    static let fields = ["id", "replaces", "name", "abbreviation", "area", "sources"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), name = r.text("name", required: true), abbreviation = r.text("abbreviation")
        let area = r.text("area"), citations = r.citations()
        guard let id, let name else { return nil }
        self.init(id: id, replaces: replaces, name: name, abbreviation: abbreviation, area: area, citations: citations, origin: r.origin)
    }
}

extension Event: ReadableRecord {
    static let fields = [
        "id", "replaces", "kind", "title", "start", "end", "place", "country", "visitors", "hosts", "participants",
        "invited_by", "purpose", "mechanism", "round", "note", "sources",
    ]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), kind: Kind? = r.choice("kind", required: true), title = r.text("title", required: true)
        let start = r.date("start", required: true), end = r.date("end")
        let place = r.text("place"), country = r.reference("country")
        let visitors = r.references("visitors"), hosts = r.references("hosts")
        let participants = r.references("participants"), invitedBy = r.references("invited_by")
        let purpose = r.text("purpose"), mechanism = r.reference("mechanism"), round = r.integer("round")
        let note = r.text("note"), citations = r.citations()
        guard let id, let kind, let title, let start else { return nil }
        self.init(id: id, replaces: replaces, kind: kind, title: title, start: start, end: end, place: place, country: country,
                  visitors: visitors, hosts: hosts, participants: participants, invitedBy: invitedBy,
                  purpose: purpose, mechanism: mechanism, round: round, note: note, citations: citations, origin: r.origin)
    }
}

extension Agreement: ReadableRecord {
    static let fields = ["id", "replaces", "title", "kind", "initialled", "signed", "place", "in_force", "status", "superseded_by", "sources"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), title = r.text("title", required: true), kind: Kind? = r.choice("kind", required: true)
        let initialled = r.date("initialled"), signed = r.date("signed"), place = r.text("place"), inForce = r.date("in_force")
        let status: Status? = r.choice("status", required: true)
        let supersededBy = r.reference("superseded_by"), citations = r.citations()
        guard let id, let title, let kind, let status else { return nil }
        self.init(id: id, replaces: replaces, title: title, kind: kind, initialled: initialled, signed: signed, place: place, inForce: inForce, status: status,
                  supersededBy: supersededBy, citations: citations, origin: r.origin)
    }
}

extension Statement: ReadableRecord {
    static let fields = ["id", "replaces", "topic", "text", "date", "sources"]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), topic: Topic? = r.choice("topic", required: true), text = r.text("text", required: true)
        let date = r.date("date"), citations = r.citations()
        guard let id, let topic, let text else { return nil }
        self.init(id: id, replaces: replaces, topic: topic, text: text, date: date, citations: citations, origin: r.origin)
    }
}

extension Series: ReadableRecord {
    static let fields = [
        "id", "replaces", "title", "indicator", "flow", "reporter", "partner", "currency", "unit", "scale", "period_kind",
        "dimensions", "observations_file", "sources",
    ]

    init?(_ r: inout RecordReader) {
        let id = r.id(), replaces = r.id("replaces", required: false), title = r.text("title", required: true)
        let indicator: Indicator? = r.choice("indicator", required: true), flow: Flow? = r.choice("flow")
        let reporter = r.reference("reporter"), partner = r.reference("partner")
        let currency = r.text("currency"), unit = r.text("unit")
        let scale: Scale? = r.choice("scale"), periodKind: PeriodKind? = r.choice("period_kind")
        let dimensions = r.texts("dimensions"), observationsFile = r.text("observations_file")
        let citations = r.citations()
        guard let id, let title, let indicator else { return nil }
        self.init(id: id, replaces: replaces, title: title, indicator: indicator, flow: flow, reporter: reporter, partner: partner,
                  currency: currency, unit: unit, scale: scale ?? .one, periodKind: periodKind, dimensions: dimensions,
                  observationsFile: observationsFile, citations: citations, origin: r.origin)
    }
}

extension Observation: ReadableRecord {
    static let fields = ["id", "series", "period", "period_kind", "value", "approximate", "part_of", "dimensions", "note", "sources"]

    init?(_ r: inout RecordReader) {
        let id = r.id(required: false), series = r.reference("series", required: true), period = r.period("period", required: true)
        let periodKind: PeriodKind? = r.choice("period_kind"), value = r.number("value", required: true)
        let approximate = r.flag("approximate")
        let partOf = r.reference("part_of"), dimensions = r.textMap("dimensions"), note = r.text("note")
        let citations = r.citations()
        guard let series, let period, let value else { return nil }
        self.init(id: id, series: series, period: period, periodKind: periodKind, value: value, approximate: approximate, partOf: partOf,
                  dimensions: dimensions, note: note, citations: citations, origin: r.origin)
    }
}
