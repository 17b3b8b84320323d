/// A record of the dataset, with the place it was read from.
public protocol Record: Hashable, Sendable {
    static var kind: RecordKind { get }
    var origin: Origin { get }
    /// How messages name the record: "an event 'visit-2019-10-alvi-tokyo'".
    var label: String { get }
}

/// A record with a stable id, unique across the whole dataset. Every kind but observations has one.
public protocol IdentifiedRecord: Record {
    var id: String { get }
    /// The id the record had before it was renamed.
    var replaces: String? { get }
}

extension IdentifiedRecord {
    /// How messages name the record: "an event 'visit-2019-10-alvi-tokyo'".
    public var label: String { "\(Self.kind.withArticle) '\(id)'" }
}

/// Who a record with an id is: its id, the id it had, its kind and where it was read.
public struct RecordIdentity: Hashable, Sendable {
    /// The record's id.
    public var id: String
    /// The id it had before it was renamed.
    public var replaces: String?
    /// The kind of record.
    public var kind: RecordKind
    /// Where the record is written.
    public var origin: Origin

    /// How messages name the record: "an event 'visit-2019-10-alvi-tokyo'".
    public var label: String { "\(kind.withArticle) '\(id)'" }
}

/// A record that states facts and so must cite at least one source.
public protocol CitingRecord: Record {
    var citations: [Citation] { get }
}

/// A reference from a record to a source, with an optional short verbatim quote as evidence.
public struct Citation: Hashable, Sendable {
    /// The id of the source cited.
    public var source: String
    /// Words of the source that support the record; checked against the source's archived text.
    public var quote: String?

    /// A citation of `source`, with the words of the source that support the record.
    public init(source: String, quote: String? = nil) {
        self.source = source
        self.quote = quote
    }
}

/// The kinds of record, each kept in its own list of the dataset document.
public enum RecordKind: String, Sendable, CaseIterable, Comparable {
    case source, country, person, office, organization, mechanism, event, agreement, statement, series, observation

    /// The key of the record kind's list in the dataset document.
    public var collection: String {
        switch self {
        case .source: "sources"
        case .country: "countries"
        case .person: "people"
        case .office: "offices"
        case .organization: "organizations"
        case .mechanism: "mechanisms"
        case .event: "events"
        case .agreement: "agreements"
        case .statement: "statements"
        case .series: "series"
        case .observation: "observations"
        }
    }

    /// What a record of the kind is, in a sentence.
    public var summary: String {
        switch self {
        case .source: "A document that facts are taken from."
        case .country: "A country with its ISO 3166-1 codes."
        case .person: "A person."
        case .office: "An office a person held."
        case .organization: "A ministry, agency, company or other body."
        case .mechanism: "A standing dialogue mechanism."
        case .event: "The establishment of relations, a visit, a meeting, a dialogue round."
        case .agreement: "An agreement, MoU or similar instrument."
        case .statement: "A short sourced fact in words."
        case .series: "An indicator series."
        case .observation: "One value of a series for one period."
        }
    }

    /// The kind whose list in the dataset document is named `collection`.
    public init?(collection: String) {
        guard let kind = Self.allCases.first(where: { $0.collection == collection }) else { return nil }
        self = kind
    }

    /// "a person", "an event": for messages.
    public var withArticle: String {
        ["a", "e", "i", "o", "u"].contains(rawValue.first.map(String.init) ?? "") ? "an \(rawValue)" : "a \(rawValue)"
    }

    /// Orders kinds as a document lists them.
    public static func < (a: RecordKind, b: RecordKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
