/// The `datapackage.json` of a CSV export: a Frictionless Tabular Data Package describing every table,
/// with field types, formats, constraints, primary keys and foreign keys.
struct DataPackage {
    let view: TabularView
    let metadata: Metadata
    let byteOrderMark: Bool

    func write(to file: OutputFile) throws {
        var json = JSONStream(file: file)
        try json.beginObject()
        try member("profile", .text("tabular-data-package"), &json)
        try member("name", .text(Self.packageName(metadata.title)), &json)
        try member("title", .text(metadata.title), &json)
        try member("description", Cell(metadata.description), &json)
        try member("version", .text(metadata.version), &json)
        try json.key("licenses")
        try json.beginArray()
        try json.beginObject()
        try member("name", .text(metadata.licence), &json)
        try json.endObject()
        try json.endArray()
        if !metadata.maintainers.isEmpty {
            try json.key("contributors")
            try json.beginArray()
            for maintainer in metadata.maintainers {
                try json.beginObject()
                try member("title", .text(maintainer), &json)
                try member("role", .text("maintainer"), &json)
                try json.endObject()
            }
            try json.endArray()
        }
        try json.key("bilateral")
        try json.beginObject()
        try member("format", .text(DatasetLoader.formatName), &json)
        try member("countries", .references(metadata.countries), &json)
        try member("as_of", .date(metadata.asOf), &json)
        try json.endObject()
        try json.key("resources")
        try json.beginArray()
        for table in view.tables { try resource(table, &json) }
        try json.endArray()
        try json.endObject()
        try json.finish()
    }

    private func resource(_ table: Table, _ json: inout JSONStream) throws {
        try json.beginObject()
        try member("name", .text(table.name), &json)
        try member("title", .text(table.title), &json)
        try member("path", .text(table.name + ".csv"), &json)
        try member("profile", .text("tabular-data-resource"), &json)
        try member("format", .text("csv"), &json)
        try member("mediatype", .text("text/csv"), &json)
        try member("encoding", .text(byteOrderMark ? "utf-8-sig" : "utf-8"), &json)
        try json.key("dialect")
        try json.beginObject()
        try member("delimiter", .text(","), &json)
        try member("lineTerminator", .text("\r\n"), &json)
        try member("quoteChar", .text("\""), &json)
        try json.key("doubleQuote")
        try json.literal("true")
        try json.key("header")
        try json.literal("true")
        try json.endObject()
        try json.key("schema")
        try json.beginObject()
        try json.key("fields")
        try json.beginArray()
        for column in table.columns { try field(column, primary: table.primaryKey.contains(column.name), &json) }
        try json.endArray()
        try json.key("missingValues")
        try json.beginArray()
        try json.string("")
        try json.endArray()
        if !table.primaryKey.isEmpty {
            try member("primaryKey", .texts(table.primaryKey), &json)
        }
        let keys = table.foreignKeys
        if !keys.isEmpty {
            try json.key("foreignKeys")
            try json.beginArray()
            for key in keys {
                try json.beginObject()
                try member("fields", .texts([key.column]), &json)
                try json.key("reference")
                try json.beginObject()
                try member("resource", .text(key.table == table.name ? "" : key.table), &json)
                try member("fields", .texts([key.referencedColumn]), &json)
                try json.endObject()
                try json.endObject()
            }
            try json.endArray()
        }
        try json.endObject()
        try json.endObject()
    }

    private static let id = "[a-z0-9]+(-[a-z0-9]+)*"
    /// A pattern without its anchors: Table Schema patterns match the whole value.
    private static func unanchored(_ pattern: String) -> String {
        var pattern = Substring(pattern)
        if pattern.hasPrefix("^") { pattern = pattern.dropFirst() }
        if pattern.hasSuffix("$") { pattern = pattern.dropLast() }
        return String(pattern)
    }

    private static let date = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"

    private func field(_ column: Column, primary: Bool, _ json: inout JSONStream) throws {
        var type = "string", format: String?, pattern: String?, values: [String]?, bounds: ClosedRange<Int>?
        switch column.kind {
        case .text, .verbatim, .reference: pattern = column.pattern.map(Self.unanchored)
        case .id: pattern = Self.id
        case .choice(let allowed): values = allowed
        case .number: type = "number"
        case .integer: type = "integer"; bounds = column.bounds
        case .boolean: type = "boolean"
        case .date: pattern = Self.date
        case .period: pattern = "\(Self.date)(/\(Self.date))?"
        case .url: format = "uri"
        case .references: pattern = "\(Self.id)( \(Self.id))*"
        case .texts: type = "array"
        case .textMap: type = "object"
        }
        try json.beginObject()
        try member("name", .text(column.name), &json)
        try member("type", .text(type), &json)
        if let format { try member("format", .text(format), &json) }
        try member("description", .text(column.description), &json)
        if type == "boolean" {
            try member("trueValues", .texts(["true"]), &json)
            try member("falseValues", .texts(["false"]), &json)
        }
        if column.required || primary || pattern != nil || values != nil || bounds != nil {
            try json.key("constraints")
            try json.beginObject()
            if column.required || primary {
                try json.key("required")
                try json.literal("true")
            }
            if primary {
                try json.key("unique")
                try json.literal("true")
            }
            if let pattern { try member("pattern", .text(pattern), &json) }
            if let values { try member("enum", .texts(values), &json) }
            if let bounds {
                try member("minimum", .integer(bounds.lowerBound), &json)
                try member("maximum", .integer(bounds.upperBound), &json)
            }
            try json.endObject()
        }
        try json.endObject()
    }

    private func member(_ key: String, _ cell: Cell, _ json: inout JSONStream) throws {
        guard !cell.isEmpty else { return }
        try json.key(key)
        try json.cell(cell)
    }

    /// A package name as the specification wants it: lower-case letters, digits, `-`, `_` and `.`.
    static func packageName(_ title: String) -> String {
        var name = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty, !name.hasSuffix("-") {
                name += "-"
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? "dataset" : name
    }
}
