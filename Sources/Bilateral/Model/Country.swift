/// A country, identified by its ISO 3166-1 codes.
public struct Country: IdentifiedRecord {
    /// The kind of record this type holds.
    public static let kind = RecordKind.country

    /// The record's id: lower-case letters and digits in words joined by hyphens, unique in the dataset.
    public var id: String = ""
    /// The id this record had before it was renamed, so that a diff shows a rename, not a removal and an addition.
    public var replaces: String?
    /// ISO 3166-1 alpha-2 code, such as `PK`.
    public var alpha2: String = ""
    /// ISO 3166-1 alpha-3 code, such as `PAK`.
    public var alpha3: String = ""
    /// Name in English.
    public var name: String = ""
    /// Names in other languages, keyed by language code (`ur`, `ja`).
    public var names: [String: String] = [:]
    /// True when English puts 'the' before the name in running text: the United States, the Netherlands.
    public var definiteArticle: Bool = false
    /// Where the record is written, for findings; it never makes two records differ.
    public var origin: Origin = Origin()

    /// A country with every field at its default, to fill in field by field and then validate
    /// (`DatasetValidation.check(_:files:)`).
    public init() {}
}

extension Country: ReadableRecord {
    /// The fields, declared once: names, kinds, descriptions and rules.
    public static let fields: [Field<Country>] = [
        .id(\.id),
        .replaces(\.replaces),
        .text("alpha2", \.alpha2, pattern: "^[A-Z]{2}$", "ISO 3166-1 alpha-2 code."),
        .text("alpha3", \.alpha3, pattern: "^[A-Z]{3}$", "ISO 3166-1 alpha-3 code."),
        .text("name", \.name, "Name in English."),
        .names(\.names),
        .flag("definite_article", \.definiteArticle, "True when English puts 'the' before the name in running text: the United States, the Netherlands."),
    ]
}
