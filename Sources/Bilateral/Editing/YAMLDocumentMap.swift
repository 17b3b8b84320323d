import Foundation

import CYaml

/// Where every node of a YAML document is written, byte for byte: what the edit engine needs to
/// change one value and leave every other byte as it was. Built from libyaml's events, as the
/// composer is, but keeping spans, styles, anchors and aliases instead of values' meaning.
struct YAMLDocumentMap: Equatable, Sendable {
    /// How a scalar is written.
    enum ScalarStyle: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A node and where it is written.
    struct MappedNode: Equatable, Sendable {
        enum Kind: Equatable, Sendable {
            case scalar(String, ScalarStyle)
            case sequence([MappedNode])
            case mapping([MappedEntry])
        }

        var kind: Kind
        /// Written in flow style (`[a, b]`, `{a: 1}`), or inside such a collection.
        var isFlow: Bool
        /// Byte offsets of the node's first byte and of the byte after its last.
        var start: Int, end: Int
        /// Where it starts, 1-based, as the composer's positions (and so records' origins) are.
        var line: Int, column: Int
        /// The node carries an anchor (`&name`), or is an alias (`*name`).
        var hasAnchor: Bool, isAlias: Bool

        /// The entry of a mapping with key `key`.
        func entry(_ key: String) -> MappedEntry? {
            guard case .mapping(let entries) = kind else { return nil }
            return entries.first { $0.key == key }
        }

        var entries: [MappedEntry] {
            if case .mapping(let entries) = kind { return entries }
            return []
        }

        /// Calls `body` with this node and every node below it, in document order.
        func forEach(_ body: (MappedNode) -> Void) {
            body(self)
            switch kind {
            case .scalar: break
            case .sequence(let items): for item in items { item.forEach(body) }
            case .mapping(let entries): for entry in entries { entry.value.forEach(body) }
            }
        }

        var items: [MappedNode] {
            if case .sequence(let items) = kind { return items }
            return []
        }
    }

    /// A key and its value.
    struct MappedEntry: Equatable, Sendable {
        var key: String
        /// Byte offset where the key starts, and its 1-based line.
        var keyStart: Int, keyLine: Int, keyColumn: Int
        var value: MappedNode
        /// The key is written more than once in its mapping.
        var isDuplicated: Bool
    }

    /// A document that cannot be mapped.
    struct Failure: Error {
        var message: String
        var line: Int, column: Int
    }

    let bytes: [UInt8]
    let root: MappedNode
    /// The byte offset where each line starts, as libyaml counts lines.
    let lineStarts: [Int]

    /// Whether any node carries an anchor or is an alias.
    let hasAnchorsOrAliases: Bool

    init(_ data: Data) throws(Failure) { self = try Self.parse([UInt8](data)) }

    /// The byte offset of a 1-based line and character column.
    func offset(line: Int, column: Int) -> Int { Self.offset(bytes, lineStarts, line: line - 1, column: column - 1) }

    /// The 1-based line holding byte `offset`.
    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The node that starts at `line`:`column` (a record's origin, or a value of one): the outermost
    /// when several start there. Found by descending from the root, each collection's nodes being in
    /// document order, so no index of every node is built.
    func node(atLine line: Int, column: Int) -> MappedNode? {
        let target = offset(line: line, column: column)
        var node = root
        while true {
            if node.start == target, node.line == line, node.column == column { return node }
            let children: [MappedNode] = switch node.kind {
            case .scalar: []
            case .sequence(let items): items
            case .mapping(let entries): entries.map(\.value)
            }
            // The last child that starts at or before the target holds it, if any does.
            var low = 0, high = children.count
            while low < high {
                let middle = (low + high) / 2
                if children[middle].start <= target { low = middle + 1 } else { high = middle }
            }
            guard low > 0, target < max(children[low - 1].end, children[low - 1].start + 1) else { return nil }
            node = children[low - 1]
        }
    }

    // MARK: Parsing

    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0], index = 0
        while index < bytes.count {
            let length = YAMLLineBreak.length(at: index, in: bytes)
            if length > 0 {
                index += length
                starts.append(index)
            } else {
                index += 1
            }
        }
        return starts
    }

    private static func offset(_ bytes: [UInt8], _ lineStarts: [Int], line: Int, column: Int) -> Int {
        guard line < lineStarts.count else { return bytes.count }
        var index = lineStarts[line], characters = 0
        while characters < column, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            characters += 1
        }
        return index
    }

    private init(bytes: [UInt8], lineStarts: [Int], root: MappedNode, hasAnchorsOrAliases: Bool) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.root = root
        self.hasAnchorsOrAliases = hasAnchorsOrAliases
    }

    private static func parse(_ bytes: [UInt8]) throws(Failure) -> YAMLDocumentMap {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure(message: "cannot start the YAML parser", line: 1, column: 1) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        return try bytes.withUnsafeBufferPointer { buffer throws(Failure) -> YAMLDocumentMap in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = Builder(bytes)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw Failure(message: parser.problem.map { String(cString: $0) } ?? "malformed YAML",
                                  line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
                }
                defer { yaml_event_delete(&event) }
                try builder.consume(event)
                if let map = builder.map { return map }
            }
        }
    }

    /// Builds a document's map from libyaml's events, whoever parses it: the map's own parse, or the
    /// loader's composer when it is asked to map the document it loads (one parse for both).
    struct Builder {
        private struct Frame {
            var node: MappedNode
            var items: [MappedNode] = []
            var entries: [MappedEntry] = []
            var pendingKey: MappedNode?
        }

        private let bytes: [UInt8]
        private let lineStarts: [Int]
        private var stack: [Frame] = []
        private var root: MappedNode?
        private var anchored = false
        /// The map, once the stream's end has been consumed.
        private(set) var map: YAMLDocumentMap?

        /// A builder for the document `bytes`.
        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            lineStarts = YAMLDocumentMap.lineStarts(bytes)
        }

        private func offset(_ mark: yaml_mark_t) -> Int { YAMLDocumentMap.offset(bytes, lineStarts, line: Int(mark.line), column: Int(mark.column)) }

        private mutating func finish(_ node: MappedNode) throws(Failure) {
            guard !stack.isEmpty else { root = node; return }
            if case .mapping = stack[stack.count - 1].node.kind {
                if let key = stack[stack.count - 1].pendingKey {
                    stack[stack.count - 1].pendingKey = nil
                    guard case .scalar(let name, _) = key.kind else {
                        throw Failure(message: "a key that is not text", line: key.line, column: key.column)
                    }
                    let duplicated = stack[stack.count - 1].entries.contains { $0.key == name }
                    if duplicated {
                        for index in stack[stack.count - 1].entries.indices where stack[stack.count - 1].entries[index].key == name {
                            stack[stack.count - 1].entries[index].isDuplicated = true
                        }
                    }
                    stack[stack.count - 1].entries.append(MappedEntry(key: name, keyStart: key.start, keyLine: key.line, keyColumn: key.column,
                                                                      value: node, isDuplicated: duplicated))
                } else {
                    stack[stack.count - 1].pendingKey = node
                }
            } else {
                stack[stack.count - 1].items.append(node)
            }
        }

        /// Takes the next event of the document's parse.
        mutating func consume(_ event: yaml_event_t) throws(Failure) {
            let start = event.start_mark, end = event.end_mark
            let inFlow = stack.last?.node.isFlow ?? false
            func node(_ kind: MappedNode.Kind, flow: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, alias: Bool = false) -> MappedNode {
                if anchor != nil || alias { anchored = true }
                return MappedNode(kind: kind, isFlow: flow, start: offset(start), end: offset(end), line: Int(start.line) + 1,
                                  column: Int(start.column) + 1, hasAnchor: anchor != nil, isAlias: alias)
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                let root = root ?? MappedNode(kind: .mapping([]), isFlow: false, start: 0, end: 0, line: 1, column: 1, hasAnchor: false, isAlias: false)
                map = YAMLDocumentMap(bytes: bytes, lineStarts: lineStarts, root: root, hasAnchorsOrAliases: anchored)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let style: ScalarStyle = switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
                try finish(node(.scalar(text, style), flow: inFlow, anchor: scalar.anchor))
            case YAML_ALIAS_EVENT:
                try finish(node(.scalar("", .plain), flow: inFlow, anchor: nil, alias: true))
            case YAML_SEQUENCE_START_EVENT:
                let flow = inFlow || event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                stack.append(Frame(node: node(.sequence([]), flow: flow, anchor: event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                let flow = inFlow || event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                stack.append(Frame(node: node(.mapping([]), flow: flow, anchor: event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard stack.count < 256 else { throw Failure(message: "nested too deep", line: Int(start.line) + 1, column: 1) }
                let frame = stack.removeLast()
                var finished = frame.node
                if case .mapping = finished.kind { finished.kind = .mapping(frame.entries) } else { finished.kind = .sequence(frame.items) }
                if finished.isFlow {
                    finished.end = offset(end)
                } else {
                    // A block collection ends where its last value does, not where the next token starts.
                    let last = frame.entries.last?.value.end ?? frame.items.last?.end
                    finished.end = last ?? finished.start
                }
                try finish(finished)
            default:
                break
            }
        }
    }
}
