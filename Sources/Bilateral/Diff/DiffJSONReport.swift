/// The diff for programs: a versioned JSON document with a fixed key order, described by
/// `Schemas/diff-report.schema.json`. `version` changes only when a field's meaning does.
enum DiffJSONReport {
    static let version = 1

    static func render(_ diff: DatasetDiff) -> String {
        let totals = diff.observationTotals
        var out = "{\n"
        out += "  \"report\": \"bilateral-diff\",\n"
        out += "  \"version\": \(version),\n"
        out += "  \"old\": \(JSONText.quoted(diff.old)),\n"
        out += "  \"new\": \(JSONText.quoted(diff.new)),\n"
        out += "  \"equal\": \(diff.isEmpty),\n"
        out += "  \"summary\": {\"metadata\": \(diff.metadata.count), \"records\": {"
        out += RecordChange.Change.allCases.map { "\"\($0.rawValue)\": \(diff.count($0))" }.joined(separator: ", ")
        out += "}, \"observations\": {\"series\": \(diff.observations.count), \"added\": \(totals.added), "
        out += "\"removed\": \(totals.removed), \"revised\": \(totals.revised), \"unreadable\": \(totals.unreadable)}, "
        out += "\"archives\": \(diff.archives.count)},\n"
        out += "  \"metadata\": " + list(diff.metadata.map(field), indent: "  ") + ",\n"
        out += "  \"records\": " + list(diff.records.map(record), indent: "  ") + ",\n"
        out += "  \"observations\": " + list(diff.observations.map(series), indent: "  ") + ",\n"
        out += "  \"archives\": " + list(diff.archives.map(archive), indent: "  ") + ",\n"
        out += "  \"errors\": " + list(diff.errors.map(error), indent: "  ") + "\n"
        out += "}\n"
        return out
    }

    private static func list(_ items: [String], indent: String) -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
    }

    /// An error that kept records of a version from being read.
    private static func error(_ finding: Finding) -> String {
        "{\"code\": \(JSONText.quoted(finding.code.rawValue)), \"file\": \(JSONText.quoted(finding.location.file)), "
            + "\"line\": \(finding.location.line), \"column\": \(finding.location.column), \"message\": \(JSONText.quoted(finding.message))}"
    }

    private static func inline(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    private static func field(_ change: FieldChange) -> String {
        "{\"field\": \(JSONText.quoted(change.field)), \"old\": \(optional(change.old)), \"new\": \(optional(change.new))}"
    }

    private static func record(_ change: RecordChange) -> String {
        var out = "{\"change\": \"\(change.change.rawValue)\", \"kind\": \"\(change.kind.rawValue)\", \"id\": \(JSONText.quoted(change.id)), "
        if let replaces = change.replaces { out += "\"replaces\": \(JSONText.quoted(replaces)), " }
        out += "\"location\": \(location(change.location)), \"fields\": \(inline(change.fields.map(field)))}"
        return out
    }

    private static func series(_ changes: SeriesChanges) -> String {
        "{\"series\": \(JSONText.quoted(changes.series)), \"added\": \(changes.added), \"removed\": \(changes.removed), "
            + "\"revised\": \(changes.revised), \"unreadable\": \(changes.unreadable), "
            + "\"largest_revisions\": \(inline(changes.largestRevisions.map(observation))), "
            + "\"first_added\": \(inline(changes.firstAdded.map(observation))), "
            + "\"first_removed\": \(inline(changes.firstRemoved.map(observation)))}"
    }

    private static func observation(_ change: ObservationChange) -> String {
        let dimensions = change.dimensions.map { "\(JSONText.quoted($0.name)): \(JSONText.quoted($0.value))" }.joined(separator: ", ")
        return "{\"period\": \(JSONText.quoted(change.period)), \"dimensions\": {\(dimensions)}, \"old\": \(optional(change.old)), "
            + "\"new\": \(optional(change.new)), \"change\": \(optional(change.change)), \"fields\": \(inline(change.fields.map(field))), "
            + "\"location\": \(location(change.location))}"
    }

    private static func archive(_ change: ArchiveChange) -> String {
        let quotes = change.quotes.map {
            "{\"record\": \(JSONText.quoted($0.record)), \"quote\": \(JSONText.quoted($0.quote)), \"location\": \(location($0.location))}"
        }
        return "{\"source\": \(JSONText.quoted(change.source)), \"location\": \(location(change.location)), "
            + "\"lines_added\": \(change.linesAdded), \"lines_removed\": \(change.linesRemoved), \"quotes\": \(inline(quotes))}"
    }

    private static func location(_ location: SourceLocation) -> String {
        "{\"file\": \(JSONText.quoted(location.file)), \"line\": \(location.line), \"column\": \(location.column)}"
    }

    private static func optional(_ text: String?) -> String { text.map(JSONText.quoted) ?? "null" }
}
