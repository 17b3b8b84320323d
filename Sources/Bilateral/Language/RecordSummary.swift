/// A record described for an editor: the hover over an id that names it, and the line completion
/// shows beside the id.
enum RecordSummary {
    /// The title or name of each record of `kinds` that has one, by id: one pass over those records,
    /// for the ids completion lists.
    static func titles(of kinds: Set<RecordKind>, in dataset: Dataset) -> [String: String] {
        var titles: [String: String] = [:]
        func add<R: IdentifiedRecord & DeclaredFields>(_ records: [R]) {
            guard kinds.contains(R.kind) else { return }
            for record in records {
                if let title = title(record.values) { titles[record.id] = title }
            }
        }
        add(dataset.sources); add(dataset.countries); add(dataset.people); add(dataset.offices); add(dataset.organizations)
        add(dataset.mechanisms); add(dataset.events); add(dataset.agreements); add(dataset.statements); add(dataset.series)
        return titles
    }

    private static func title(_ values: [(name: String, cell: Cell)]) -> String? {
        values.first { $0.name == "title" || $0.name == "name" }.map(\.cell.plainText)
    }

    /// The record of `kind` with the id `id` as Markdown: its kind and id, its fields with values, and a person's offices.
    static func markdown(of id: String, kind: RecordKind, in dataset: Dataset) -> String? {
        guard let values = values(of: id, kind: kind, in: dataset) else { return nil }
        var lines = ["**\(kind.rawValue)** `\(id)`", ""]
        for (name, cell) in values where !cell.isEmpty && name != "id" && name != "replaces" {
            let text = cell.plainText
            lines.append("- \(name): " + Markdown.escaped(text.count > 200 ? String(text.prefix(197)) + "..." : text))
        }
        if kind == .person {
            let offices = dataset.offices.filter { $0.person == id }
            if !offices.isEmpty {
                lines.append("")
                lines.append("Offices:")
                for office in offices {
                    let years = [office.start?.description, office.end?.description].compactMap { $0 }.joined(separator: "–")
                    lines.append("- " + Markdown.escaped(office.title) + (years.isEmpty ? "" : " (\(years))"))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The fields and values of the record of `kind` with the id `id`.
    private static func values(of id: String, kind: RecordKind, in dataset: Dataset) -> [(name: String, cell: Cell)]? {
        func find<R: IdentifiedRecord & DeclaredFields>(_ records: [R]) -> [(name: String, cell: Cell)]? {
            records.first { $0.id == id }?.values
        }
        switch kind {
        case .source: return find(dataset.sources)
        case .country: return find(dataset.countries)
        case .person: return find(dataset.people)
        case .office: return find(dataset.offices)
        case .organization: return find(dataset.organizations)
        case .mechanism: return find(dataset.mechanisms)
        case .event: return find(dataset.events)
        case .agreement: return find(dataset.agreements)
        case .statement: return find(dataset.statements)
        case .series: return find(dataset.series)
        case .observation: return dataset.observations.first { $0.id == id }?.values
        }
    }
}

/// Text for Markdown: characters Markdown would read as formatting are escaped.
enum Markdown {
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]<>()#+!|~".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }
}
