/// The JSON Schema (draft 2020-12) of the dataset format, generated from the record kinds' field
/// declarations. `Schemas/bilateral.schema.json` is this text, committed so that editors find it;
/// `.ci/run` checks that it is current (`bilateral schema | cmp - Schemas/bilateral.schema.json`).
public enum DatasetSchema {
    /// The schema as the committed file holds it.
    public static var text: String { document(records: false).text }

    /// The schema of a record document (`Schemas/bilateral-records.schema.json`): shared records only.
    public static var recordsText: String { document(records: true).text }

    static func document(records: Bool) -> JSONValue {
        let include: JSONValue = .object([
            ("type", "array"),
            ("items", .object([("type", "string"), ("minLength", 1)])),
            ("description", "Record documents whose shared records this document includes, by paths relative to it inside the dataset's root."),
        ])
        var properties: [(String, JSONValue)] = [
            ("format", .object([("const", .string(records ? DatasetLoader.recordsFormatName : DatasetLoader.formatName))])),
            ("include", include),
        ]
        if !records { properties.append(("dataset", ref("metadata"))) }
        for kind in records ? DatasetLoader.sharedKinds : RecordKind.allCases {
            properties.append((kind.collection, .object([("type", "array"), ("items", ref(kind.rawValue))])))
        }
        if !records {
            properties.append((DatasetLoader.acknowledgementsKey, .object([("type", "array"), ("items", ref("acknowledgement"))])))
        }
        var definitions: [(String, JSONValue)] = [
            ("id", .object([("type", "string"), ("pattern", .string(Column.idPattern)),
                            ("description", "Lower-case letters and digits in words joined by single hyphens; unique across the dataset.")])),
            ("text", .object([("type", "string"), ("minLength", 1), ("pattern", "^[^\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f]*$"),
                              ("description", "Text without control characters other than line feeds.")])),
            ("date", .object([
                ("description", "ISO 8601 date at its precision: YYYY, YYYY-MM or YYYY-MM-DD. In YAML a bare year may be written unquoted."),
                ("anyOf", .array([
                    .object([("type", "string"), ("pattern", .string("^\(date)$"))]),
                    .object([("type", "integer"), ("minimum", 1), ("maximum", 9999)]),
                ])),
            ])),
            ("period", .object([
                ("description", "A date, or an ISO 8601 interval start/end such as 2018-07/2019-06."),
                ("anyOf", .array([ref("date"), .object([("type", "string"), ("pattern", .string("^\(date)/\(date)$"))])])),
            ])),
            ("number", .object([("type", "number"), ("minimum", .integer(-maximum)), ("maximum", .integer(maximum))])),
            ("citations", .object([
                ("type", "array"),
                ("description", "Sources of the record's facts: a source id, or a source id with a short verbatim quote."),
                ("items", .object([("anyOf", .array([
                    ref("id"),
                    .object([("type", "object"), ("additionalProperties", false), ("required", .array(["source"])),
                             ("properties", .object([("source", ref("id")), ("quote", ref("text"))]))]),
                ]))])),
                ("minItems", 1),
            ])),
            ("metadata", record(Metadata.self, "What the dataset is.")),
        ]
        for (kind, type) in recordTypes {
            definitions.append((kind.rawValue, record(type, kind.summary)))
        }
        definitions.append(("acknowledgement", record(Acknowledgement.self, "A warning reviewed and judged wrong for one record.")))
        return .object([
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string(records ? "https://bilateral.invalid/schemas/bilateral-records.schema.json" : "https://bilateral.invalid/schemas/bilateral.schema.json")),
            ("title", .string(records ? "bilateral record document" : "bilateral dataset")),
            ("description", .string(records
                ? "Shared records (format \(DatasetLoader.recordsFormatName)) that dataset documents include, in YAML or JSON."
                : "A dataset of the relations between two countries (format \(DatasetLoader.formatName)), in YAML or JSON.")),
            ("type", "object"),
            ("additionalProperties", false),
            ("required", .array(records ? ["format"] : ["dataset"])),
            ("properties", .object(properties)),
            ("$defs", .object(definitions)),
        ])
    }

    /// Each record kind with the type that declares its fields.
    static let recordTypes: [(RecordKind, any DeclaredFields.Type)] = [
        (.source, Source.self), (.country, Country.self), (.person, Person.self), (.office, Office.self),
        (.organization, Organization.self), (.mechanism, Mechanism.self), (.event, Event.self), (.agreement, Agreement.self),
        (.statement, Statement.self), (.series, Series.self), (.observation, Observation.self),
    ]

    private static let maximum = Int(Number.maximumMagnitude)
    private static let date = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"

    private static func ref(_ definition: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(definition)"))]) }

    private static func record<R: DeclaredFields>(_ type: R.Type, _ description: String) -> JSONValue {
        let required = R.fields.filter(\.column.required).map { JSONValue.string($0.name) }
        return .object([
            ("type", "object"),
            ("description", .string(description)),
            ("additionalProperties", false),
            ("required", .array(required)),
            ("properties", .object(R.fields.map { ($0.name, property($0.column, citations: $0.placement == .citations)) })),
        ])
    }

    /// A field's schema: its type and constraints, then its description.
    private static func property(_ column: Column, citations: Bool) -> JSONValue {
        var members: [(String, JSONValue)]
        /// Text, or each text of a list: matching the column's pattern when it has one.
        let text: [(String, JSONValue)] = column.pattern.map { [("type", "string"), ("pattern", .string($0))] } ?? [("$ref", "#/$defs/text")]
        switch column.kind {
        case _ where citations: members = [("$ref", "#/$defs/citations")]
        case .id, .reference: members = [("$ref", "#/$defs/id")]
        case .text: members = text
        case .verbatim: members = [("type", "string")]
        case .choice(let words): members = [("type", "string"), ("enum", .array(words.map(JSONValue.string)))]
        case .number: members = [("$ref", "#/$defs/number")]
        case .integer:
            members = [("type", "integer")]
            if let bounds = column.bounds {
                members.append(("minimum", .integer(bounds.lowerBound)))
                if bounds.upperBound < Int(Int32.max) { members.append(("maximum", .integer(bounds.upperBound))) }
            }
        case .boolean: members = [("type", "boolean")]
        case .date: members = [("$ref", "#/$defs/date")]
        case .period: members = [("$ref", "#/$defs/period")]
        case .url: members = [("type", "string"), ("pattern", "^https?://[^\\s/]+\\.[^\\s]*$")]
        case .references:
            members = [("type", "array"), ("items", ref("id"))]
            if let bounds = column.bounds {
                members += [("minItems", .integer(bounds.lowerBound)), ("maxItems", .integer(bounds.upperBound))]
            }
        case .texts: members = [("type", "array"), ("items", .object(text))]
        case .textMap:
            members = [("type", "object")]
            if let pattern = column.pattern { members.append(("propertyNames", .object([("pattern", .string(pattern))]))) }
            members.append(("additionalProperties", ref("text")))
        }
        members.append(("description", .string(column.description)))
        return .object(members)
    }
}
