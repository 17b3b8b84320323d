import Foundation

/// Changes a YAML document in place: each edit replaces the bytes of one value, one entry or one
/// list item and nothing else, so comments, key order, quoting, flow or block style, blank lines,
/// line endings and the final newline of the rest stay as written. Where an edit could not be made
/// that way it is refused with a located `EditError`, and the document is left alone.
struct YAMLDocumentEditor {
    /// A replacement of bytes `start..<end` of the original document.
    struct Splice {
        var start: Int, end: Int
        var text: String
    }

    /// The document's name, as findings give it.
    let file: String
    let map: YAMLDocumentMap
    private(set) var splices: [Splice] = []
    /// The splice that creates each list the document did not have, by its key: later records go in it too.
    private var createdLists: [String: Int] = [:]
    /// The line ending the document uses.
    private let newline: String

    /// Maps `data`; a document that is not YAML at all is refused.
    init(file: String, data: Data) throws(EditError) {
        do { self.init(file: file, map: try YAMLDocumentMap(data)) } catch {
            throw EditError(at: SourceLocation(file: file, line: error.line, column: error.column), "the document cannot be edited: \(error.message)")
        }
    }

    /// Edits the document `map` was made of.
    init(file: String, map: YAMLDocumentMap) {
        self.file = file
        self.map = map
        let firstBreak = map.bytes.firstIndex(of: 0x0A)
        newline = firstBreak.map { $0 > 0 && map.bytes[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
    }

    /// The record mapping that starts at `location` (a record's origin).
    func record(at location: SourceLocation) throws(EditError) -> YAMLDocumentMap.MappedNode {
        guard let node = map.node(atLine: location.line, column: location.column), case .mapping = node.kind else {
            throw EditError(at: location, "no record starts here in the document as it is now")
        }
        try checkEditable(node, what: "the record")
        return node
    }

    /// The list of `collection` at the top of the document, if it has one.
    func collection(_ name: String) -> YAMLDocumentMap.MappedNode? { map.root.entry(name)?.value }

    // MARK: Fields

    /// Sets field `key` of `record` to `value`, or removes it for nil. A new field goes after the
    /// fields that come before it in `order` (the kind's declaration order).
    mutating func set(_ key: String, of record: YAMLDocumentMap.MappedNode, to value: EditValue?, order: [String]) throws(EditError) {
        if let entry = record.entry(key) {
            guard !entry.isDuplicated else {
                throw EditError(at: location(line: entry.keyLine, column: entry.keyColumn), "the key '\(key)' is written twice in this record",
                                hint: "remove one of the two, then import again")
            }
            guard let value else { return try removeEntry(entry, of: record) }
            try replace(entry.value, with: value, keyColumn: entry.keyColumn)
        } else if let value {
            try insertEntry(key, value, into: record, order: order)
        }
    }

    /// Replaces each scalar that starts at one of `locations` (the ids by which records refer to
    /// another) with `text`, in the quoting it is written in.
    mutating func replaceScalars(at locations: [SourceLocation], with text: String) throws(EditError) {
        for location in locations {
            guard let node = map.node(atLine: location.line, column: location.column), case .scalar = node.kind else {
                throw EditError(at: location, "no id is written here in the document as it is now")
            }
            try replace(node, with: .text(text), keyColumn: node.column - 1)
        }
    }

    private mutating func replace(_ node: YAMLDocumentMap.MappedNode, with value: EditValue, keyColumn: Int) throws(EditError) {
        try checkEditable(node, what: "the value")
        switch (node.kind, value) {
        case (.scalar(_, let style), .text(let text)) where style == .literal || style == .folded:
            // Keep the block style and its indentation; only a text of one paragraph stays folded.
            let header = String(decoding: map.bytes[node.start..<lineEnd(node.start)], as: UTF8.self)
            let indicator = style == .literal ? "|" : ">"
            guard !text.isEmpty, !text.hasPrefix(" "), style == .literal || !text.contains("\n") else {
                return splice(node.start, node.end, YAMLScalarText.doubleQuoted(text))
            }
            let indent = String(repeating: " ", count: contentIndent(of: node) ?? keyColumn + 1)
            var body = text
            let chomp = body.hasSuffix("\n") ? "" : "-"
            if body.hasSuffix("\n") { body.removeLast() }
            guard !body.contains("\n\n\n"), !body.hasSuffix("\n") else { return splice(node.start, node.end, YAMLScalarText.doubleQuoted(text)) }
            _ = header
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }
            let endsWithBreak = node.end > 0 && map.bytes[node.end - 1] == 0x0A
            splice(node.start, node.end, indicator + chomp + newline + lines.joined(separator: newline) + (endsWithBreak ? newline : ""))
        case (.scalar(_, let style), .text(let text)):
            guard map.line(of: node.start) == map.line(of: max(node.start, node.end - 1)) else {
                throw EditError(at: location(node), "the value is written over several lines, which an edit would have to fold again",
                                hint: "write it on one line, or as a block scalar ('>-'), then import again")
            }
            let written = style == .singleQuoted ? (YAMLScalarText.singleQuoted(text) ?? YAMLScalarText.doubleQuoted(text))
                : style == .doubleQuoted ? YAMLScalarText.doubleQuoted(text) : value.flowText(inFlow: node.isFlow)
            splice(node.start, node.end, written)
        case (.scalar, .bare):
            guard map.line(of: node.start) == map.line(of: max(node.start, node.end - 1)) else {
                throw EditError(at: location(node), "the value is written over several lines, which an edit would have to fold again")
            }
            splice(node.start, node.end, value.flowText(inFlow: node.isFlow))
        case (.sequence(let items), .list(let newItems)) where !node.isFlow && !items.isEmpty:
            // A block list stays a block list at its indentation.
            let indent = String(repeating: " ", count: node.column - 1)
            let text = newItems.isEmpty ? "[]" : newItems.map { "- " + $0.flowText(inFlow: false) }.joined(separator: newline + indent)
            guard !newItems.isEmpty else {
                // An empty list cannot be a block: write it in flow style after the key.
                let keyLineEnd = lineEnd(map.offset(line: map.line(of: node.start) - 1, column: 1))
                return splice(keyLineEnd, node.end, " []")
            }
            splice(node.start, node.end, text)
        case (.mapping, _) where !node.isFlow, (.sequence, _) where !node.isFlow:
            // An empty or nested block collection becomes a flow one after its key.
            let keyLineEnd = lineEnd(map.offset(line: map.line(of: node.start) - 1, column: 1))
            splice(keyLineEnd, node.end, " " + value.flowText(inFlow: false))
        default:
            splice(node.start, node.end, value.flowText(inFlow: node.isFlow))
        }
    }

    private mutating func insertEntry(_ key: String, _ value: EditValue, into record: YAMLDocumentMap.MappedNode,
                                      order: [String]) throws(EditError) {
        let entries = record.entries
        let rank = { (name: String) in order.firstIndex(of: name) ?? order.count }
        let after = entries.last { rank($0.key) <= rank(key) } ?? entries.first
        let keyText = YAMLScalarText.plainOrQuoted(key, inFlow: record.isFlow, mustReadAsText: true)
        if record.isFlow {
            guard let after else { return splice(record.start + 1, record.start + 1, keyText + ": " + value.flowText(inFlow: true)) }
            try checkEditable(after.value, what: "the value before the new field")
            return splice(after.value.end, after.value.end, ", " + keyText + ": " + value.flowText(inFlow: true))
        }
        guard let after else {
            throw EditError(at: location(record), "the record is an empty block mapping; the engine cannot place a field in it")
        }
        let indent = String(repeating: " ", count: after.keyColumn - 1)
        let position = nextLineStart(after.value.end)
        let prefix = position == map.bytes.count && !(map.bytes.last.map { $0 == 0x0A || $0 == 0x0D } ?? true) ? newline : ""
        splice(position, position, prefix + indent + keyText + ": " + value.flowText(inFlow: false) + newline)
    }

    private mutating func removeEntry(_ entry: YAMLDocumentMap.MappedEntry, of record: YAMLDocumentMap.MappedNode) throws(EditError) {
        try checkEditable(entry.value, what: "the value")
        let entries = record.entries
        guard let index = entries.firstIndex(where: { $0.keyStart == entry.keyStart }) else { return }
        if record.isFlow {
            if index > 0 {
                splice(entries[index - 1].value.end, entry.value.end, "")
            } else if entries.count > 1 {
                splice(entry.keyStart, entries[1].keyStart, "")
            } else {
                splice(entry.keyStart, entry.value.end, "")
            }
            return
        }
        let lineStart = map.offset(line: entry.keyLine, column: 1)
        let before = String(decoding: map.bytes[lineStart..<entry.keyStart], as: UTF8.self)
        guard before.allSatisfy({ $0 == " " }) else {
            throw EditError(at: location(line: entry.keyLine, column: entry.keyColumn),
                            "the field '\(entry.key)' shares its line with the start of the record; the engine will not remove it",
                            hint: "move the field to a line of its own, then import again")
        }
        splice(lineStart, nextLineStart(entry.value.end), "")
    }

    // MARK: Records

    /// Appends a record with `fields` to the top-level list `collection`, written as the list's
    /// other records are (block or flow mappings, at the same indentation); creates the list when the
    /// document has none.
    mutating func append(_ fields: [EditValue.EditEntry], to collection: String) throws(EditError) {
        let mapping = EditValue.map(fields)
        guard let entry = map.root.entry(collection) else {
            let item = "  - " + blockMapping(fields, indent: 4) + newline
            if let created = createdLists[collection] { return splices[created].text += item }
            var text = ""
            if let last = map.bytes.last, last != 0x0A, last != 0x0D { text += newline }
            createdLists[collection] = splices.count
            return splice(map.bytes.count, map.bytes.count, text + collection + ":" + newline + item)
        }
        let list = entry.value
        try checkEditable(list, what: "the list '\(collection)'")
        guard case .sequence(let items) = list.kind else {
            throw EditError(at: location(list), "'\(collection)' is not a list")
        }
        if list.isFlow {
            let close = list.end - 1
            return splice(close, close, (items.isEmpty ? "" : ", ") + mapping.flowText(inFlow: true))
        }
        let last = items.last!
        let indent = String(repeating: " ", count: list.column - 1)
        let itemText = last.isFlow ? mapping.flowText(inFlow: false) : blockMapping(fields, indent: last.column - 1)
        let position = nextLineStart(last.end)
        let prefix = position == map.bytes.count && !(map.bytes.last.map { $0 == 0x0A || $0 == 0x0D } ?? true) ? newline : ""
        splice(position, position, prefix + indent + "- " + itemText + newline)
    }

    /// Removes `record`, an item of a top-level list, with the lines it is written on.
    mutating func remove(_ record: YAMLDocumentMap.MappedNode) throws(EditError) {
        try checkEditable(record, what: "the record")
        if record.isFlow, let list = map.root.entries.first(where: { $0.value.items.contains { $0.start == record.start } })?.value, list.isFlow {
            let items = list.items
            let index = items.firstIndex { $0.start == record.start }!
            if index > 0 { return splice(items[index - 1].end, record.end, "") }
            return splice(record.start, items.count > 1 ? items[1].start : record.end, "")
        }
        let startLine = map.line(of: record.start)
        let lineStart = map.offset(line: startLine, column: 1)
        let before = String(decoding: map.bytes[lineStart..<record.start], as: UTF8.self)
        guard before.allSatisfy({ $0 == " " || $0 == "-" }) else {
            throw EditError(at: location(record), "the record shares its line with other content; the engine will not remove it")
        }
        var end = nextLineStart(record.end)
        // The blank line that set the record apart goes with it, when one is left above.
        if isBlankLine(at: end), lineStart == 0 || isBlankLine(at: map.offset(line: startLine - 1, column: 1)) || isFirstItem(record) {
            end = nextLineStart(end + 1)
        }
        splice(lineStart, end, "")
    }

    // MARK: Result

    /// The edited document; throws when two edits overlap.
    func result() throws(EditError) -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(map.bytes.count + 256)
        var position = 0
        for splice in try orderedSplices() {
            output.append(contentsOf: map.bytes[position..<splice.start])
            output.append(contentsOf: Array(splice.text.utf8))
            position = splice.end
        }
        output.append(contentsOf: map.bytes[position...])
        return Data(output)
    }

    /// The splices in document order, none overlapping: what `result()` applies.
    func orderedSplices() throws(EditError) -> [Splice] {
        let ordered = splices.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        var applied: [Splice] = []
        var position = 0
        for splice in ordered {
            // A record added where a removed one was goes after the removal.
            let start = splice.start < position && splice.start == splice.end ? position : splice.start
            guard start >= position else {
                throw EditError(at: location(line: map.line(of: splice.start), column: 1), "two edits of the same value")
            }
            applied.append(Splice(start: start, end: max(splice.end, start), text: splice.text))
            position = max(splice.end, start)
        }
        return applied
    }

    // MARK: Helpers

    private mutating func splice(_ start: Int, _ end: Int, _ text: String) {
        splices.append(Splice(start: start, end: end, text: text))
    }

    /// Refuses a node reached through, or referred to by, an alias: changing it would change what
    /// the alias stands for, or would not change what it shows.
    private func checkEditable(_ node: YAMLDocumentMap.MappedNode, what: String) throws(EditError) {
        if node.isAlias {
            throw EditError(at: location(node), "\(what) is an alias ('*'), so an edit here would not change what it stands for",
                            hint: "write the value out in place of the alias, then import again")
        }
        if node.hasAnchor {
            throw EditError(at: location(node), "\(what) carries an anchor ('&') that aliases elsewhere repeat",
                            hint: "write the values out instead of the anchor and its aliases, then import again")
        }
        for entry in node.entries where entry.value.isAlias || entry.value.hasAnchor { try checkEditable(entry.value, what: "the field '\(entry.key)'") }
    }

    /// The block mapping text of `fields` after a "- ", its later lines at `indent` spaces.
    private func blockMapping(_ fields: [EditValue.EditEntry], indent: Int) -> String {
        let padding = String(repeating: " ", count: indent)
        return fields.enumerated().map { index, entry in
            let key = (index == 0 ? "" : padding) + YAMLScalarText.plainOrQuoted(entry.key, inFlow: false, mustReadAsText: true) + ":"
            // A list of mappings (citations with quotes) is written as a block list, as documents write them.
            if case .list(let items) = entry.value, items.contains(where: { if case .map = $0 { true } else { false } }) {
                return key + items.map { item in
                    let line = newline + padding + "  - "
                    guard case .map(let fields) = item else { return line + item.flowText(inFlow: false) }
                    return line + blockMapping(fields, indent: indent + 4)
                }.joined()
            }
            return key + " " + entry.value.flowText(inFlow: false)
        }.joined(separator: newline)
    }

    private func isBlankLine(at offset: Int) -> Bool {
        var index = offset
        while index < map.bytes.count, map.bytes[index] == 0x20 { index += 1 }
        return index < map.bytes.count && (map.bytes[index] == 0x0A || map.bytes[index] == 0x0D)
    }

    private func isFirstItem(_ record: YAMLDocumentMap.MappedNode) -> Bool {
        map.root.entries.contains { $0.value.items.first?.start == record.start }
    }

    /// The spaces before a block scalar's first content line.
    private func contentIndent(of node: YAMLDocumentMap.MappedNode) -> Int? {
        var index = nextLineStart(node.start), count = 0
        while index < map.bytes.count, map.bytes[index] == 0x20 { count += 1; index += 1 }
        return index < node.end && count > 0 ? count : nil
    }

    /// The offset of the line break ending the line that holds `offset`.
    private func lineEnd(_ offset: Int) -> Int {
        var index = offset
        while index < map.bytes.count, map.bytes[index] != 0x0A, map.bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// The offset where the line after the one holding the byte before `offset` starts.
    private func nextLineStart(_ offset: Int) -> Int {
        if offset > 0, map.bytes[offset - 1] == 0x0A { return offset }
        var index = lineEnd(offset)
        if index < map.bytes.count, map.bytes[index] == 0x0D { index += 1 }
        if index < map.bytes.count, map.bytes[index] == 0x0A { index += 1 }
        return index
    }

    private func location(_ node: YAMLDocumentMap.MappedNode) -> SourceLocation { location(line: node.line, column: node.column) }
    private func location(line: Int, column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
}
