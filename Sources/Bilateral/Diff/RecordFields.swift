/// A record's fields as text, in the format's order, for comparing two versions of it: its declared
/// fields but a carried archived text, and the sources it cites with their quotes. Empty fields are left
/// out.
enum RecordFields {
    /// Fields the diff does not compare: the archived text stands for its file, which is compared itself.
    static let ignored: Set<String> = ["archived_text"]

    static func of(_ record: any TabulatedRecord) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for (name, cell) in record.values where !cell.isEmpty && !ignored.contains(name) {
            fields.append((name, cell.plainText))
        }
        if let citing = record as? any CitingRecord, !citing.citations.isEmpty {
            fields.append(("sources", citing.citations.map(\.source).joined(separator: " ")))
            for citation in citing.citations {
                if let quote = citation.quote { fields.append(("quote of \(citation.source)", quote)) }
            }
        }
        return fields
    }

    /// The dataset's metadata fields, then its acknowledged warnings, one per line (a reviewer must
    /// see a warning newly acknowledged).
    static func of(_ dataset: Dataset) -> [(name: String, value: String)] {
        var fields = dataset.metadata.values.filter { !$0.cell.isEmpty }.map { ($0.name, $0.cell.plainText) }
        if !dataset.acknowledgements.isEmpty {
            fields.append((DatasetLoader.acknowledgementsKey,
                           dataset.acknowledgements.map { "\($0.record) \($0.code.rawValue): \($0.reason)" }.joined(separator: "\n")))
        }
        return fields
    }

    /// The fields whose values differ, in the format's order (both lists follow it, each skipping the
    /// fields it lacks).
    static func changes(_ old: [(name: String, value: String)], _ new: [(name: String, value: String)],
                        ignoring ignored: Set<String> = []) -> [FieldChange] {
        let oldValues = Dictionary(old.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let newValues = Dictionary(new.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        var names: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i].name == new[j].name {
                names.append(old[i].name); i += 1; j += 1
            } else if i < old.count, j == new.count || newValues[old[i].name] == nil {
                names.append(old[i].name); i += 1
            } else {
                names.append(new[j].name); j += 1
            }
        }
        return names.filter { !ignored.contains($0) && oldValues[$0] != newValues[$0] }
            .map { FieldChange(field: $0, old: oldValues[$0], new: newValues[$0]) }
    }
}
