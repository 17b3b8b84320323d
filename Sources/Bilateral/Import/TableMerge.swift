import Foundation

/// The three-way merge of one table, row by row as the export's rows stream past: each row is
/// compared with the row it was exported as (the base) and the row the dataset has now. A cell the
/// export changed becomes an edit unless the dataset changed it too (a conflict); a new row becomes a
/// record; a base row the export no longer has becomes a removal, when the dataset has not changed it since.
struct TableMerge {
    let table: Table
    let base: [String: TableRows.Row]
    let baseOrder: [String]
    let current: [String: TableRows.Row]
    let repeated: Set<String>
    let imported: ImportedTables
    private(set) var findings: [ImportFinding] = []
    /// Base rows the export still has, by index.
    private var seen: [Bool]
    /// Where each new row (a key the base does not have) was read, and how often each repeated key was met.
    private var newRows: [String: String] = [:]
    private var occurrences: [String: Int] = [:]
    private let replaces: Int?
    /// New rows whose `replaces` names a base row: a rename when the export no longer has that row.
    private var renames: [String: (texts: [String], place: String)] = [:]

    init(table: Table, base: TableRows, current: TableRows, imported: ImportedTables) {
        self.table = table
        self.base = base.tables[table.name] ?? [:]
        baseOrder = base.order[table.name] ?? []
        self.current = current.tables[table.name] ?? [:]
        repeated = base.repeated
        self.imported = imported
        seen = [Bool](repeating: false, count: (self.base.values.map(\.index).max() ?? -1) + 1)
        replaces = table.columns.firstIndex { $0.name == "replaces" }
    }

    /// Compares one row of the export.
    mutating func add(_ ready: ExportRow, edits: inout DocumentEdits) {
        findings += ready.findings
        let row = ready.row, texts = row.texts
        var key = ready.key
        if !repeated.isEmpty, repeated.contains(key) {
            occurrences[key, default: 0] += 1
            if occurrences[key]! > 1 { key = TableRows.key(key, occurrence: occurrences[key]!) }
        }
        guard let baseRow = base[key] else { return addNew(key, ready, edits: &edits) }
        guard !seen[baseRow.index] else {
            findings.append(ImportFinding(.duplicateRow, at: imported.place(row), "a second row for \(TableRows.describe(key, table: table))",
                                          hint: "keep one of the two rows"))
            return
        }
        seen[baseRow.index] = true
        if ready.joined == baseRow.joined { return }
        let baseTexts = baseRow.texts
        // The row as the dataset has it now: mostly the base row itself, whose texts are already split.
        let now = current[key]
        let nowTexts = now.map { $0.joined == baseRow.joined ? baseTexts : $0.texts }
        var changed: [(column: Int, text: String)] = []
        var places: [String] = []
        for (index, column) in table.columns.enumerated() where !DatasetImport.same(texts[index], baseTexts[index], column) {
            let text = texts[index], old = baseTexts[index]
            let place = imported.place(row, column: index)
            if text.hasPrefix("'") && !old.hasPrefix("'") {
                findings.append(ImportFinding(.leadingApostrophe, at: place, "the text starts with an apostrophe, which a spreadsheet adds to keep text as text",
                                              hint: "remove the apostrophe; if the value really starts with one, edit the YAML"))
                continue
            }
            if text != text.trimmingCharacters(in: .whitespaces) && old == old.trimmingCharacters(in: .whitespaces) {
                findings.append(ImportFinding(.surroundingBlanks, at: place, "the text starts or ends with blanks",
                                              hint: "remove the blanks before or after the text"))
                continue
            }
            guard let now, let nowTexts else {
                findings.append(ImportFinding(.conflict, at: place, "\(TableRows.describe(key, table: table)) was edited in the export but removed from the dataset since",
                                              hint: "add it to the dataset again first, or undo the edit in the export"))
                continue
            }
            if DatasetImport.same(nowTexts[index], old, column) {
                changed.append((index, text))
                places.append(place)
            } else if !DatasetImport.same(nowTexts[index], text, column) {
                findings.append(ImportFinding(.conflict, at: place,
                                              "'\(column.name)' of \(TableRows.describe(key, table: table)) was changed both in the export and in the dataset since: was '\(Self.shown(old))', the export has '\(Self.shown(text))', the dataset now has '\(Self.shown(nowTexts[index]))'",
                                              hint: "make the export's cell match the dataset, or the dataset match the cell, and import again",
                                              landsAt: now.location(of: column.name)))
            }
        }
        if !changed.isEmpty, let nowTexts, let origin = now?.location {
            edits.change(changed, of: nowTexts, table: table, origin: origin, places: places)
        }
    }

    private mutating func addNew(_ key: String, _ ready: ExportRow, edits: inout DocumentEdits) {
        let row = ready.row, texts = row.texts
        if let first = newRows[key] {
            findings.append(ImportFinding(.duplicateRow, at: imported.place(row),
                                          "a second row for \(TableRows.describe(key, table: table)); the first is at \(first)",
                                          hint: "keep one of the two rows"))
            return
        }
        newRows[key] = imported.place(row)
        if let replaces, case let old = texts[replaces], !old.isEmpty, base[old] != nil,
           renames[old] == nil {
            // Decided at the end, when it is known whether the export still has the row it replaces.
            renames[old] = (texts, imported.place(row, column: 0))
            return
        }
        if let existing = current[key] {
            if existing.joined != ready.joined {
                findings.append(ImportFinding(.conflict, at: imported.place(row, column: 0),
                                              "\(TableRows.describe(key, table: table)) was added both in the export and in the dataset since, differently",
                                              hint: "keep one: edit the row to match the dataset, or change the dataset first", landsAt: existing.location))
            }
            return
        }
        edits.add(texts, table: table, place: imported.place(row, column: 0))
    }

    /// Removes the base rows the export no longer has, or renames those a new row replaces.
    mutating func finish(edits: inout DocumentEdits) {
        for key in baseOrder {
            let baseRow = base[key]!
            guard !seen[baseRow.index], let now = current[key] else { continue }
            if let renamed = renames.removeValue(forKey: key) {
                rename(key, baseRow, now, to: renamed.texts, place: renamed.place, edits: &edits)
                continue
            }
            guard now.joined == baseRow.joined, let origin = now.location else {
                findings.append(ImportFinding(.conflict, at: imported.file,
                                              "\(TableRows.describe(key, table: table)) was deleted from the export but changed in the dataset since",
                                              hint: "add the row back to the export, or delete the record in the dataset", landsAt: now.location))
                continue
            }
            edits.remove(table: table, origin: origin, place: imported.file)
        }
        // A row that replaces one the export still has is a record of its own.
        for (_, row) in renames.sorted(by: { $0.value.place < $1.value.place }) { edits.add(row.texts, table: table, place: row.place) }
        renames = [:]
    }

    /// The base row `old` given a new id (with the row's other changed cells) by a new row that replaces it.
    private mutating func rename(_ old: String, _ baseRow: TableRows.Row, _ now: TableRows.Row, to texts: [String], place: String,
                                 edits: inout DocumentEdits) {
        guard now.joined == baseRow.joined, let origin = now.location else {
            findings.append(ImportFinding(.conflict, at: place, "\(TableRows.describe(old, table: table)) was renamed in the export but changed in the dataset since",
                                          hint: "make the same change in the export, or rename the record in the dataset", landsAt: now.location))
            return
        }
        if let existing = current[texts[0]] {
            findings.append(ImportFinding(.conflict, at: place, "'\(texts[0])' is already the id of a record in the dataset",
                                          hint: "choose another id", landsAt: existing.location))
            return
        }
        edits.rename(old, to: texts[0], table: table, origin: origin, place: place)
        let baseTexts = baseRow.texts
        let changed = table.columns.indices.filter { $0 != 0 && $0 != replaces && !DatasetImport.same(texts[$0], baseTexts[$0], table.columns[$0]) }
        if !changed.isEmpty {
            edits.change(changed.map { ($0, texts[$0]) }, of: baseTexts, table: table, origin: origin, places: changed.map { _ in place })
        }
    }

    private static func shown(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "\u{1F}", with: ": ").replacingOccurrences(of: "\u{1E}", with: "; ")
        return plain.count > 80 ? String(plain.prefix(79)) + "…" : plain
    }
}
