import Foundation

import CYaml

/// Composes a YAML (or JSON) document into a `Node` tree from libyaml's events.
///
/// Unlike a recursive composer it bounds nesting and alias expansion, reports a duplicate key at the
/// second occurrence, and keeps every value's line and column.
struct YAMLComposer {
    /// Collections nested deeper than this are rejected.
    static let maximumDepth = 64
    /// Aliases may expand to at most this many nodes in all, which defeats "billion laughs" documents.
    static let maximumAliasExpansion = 100_000

    let file: String

    /// The document's root, or nil when a fatal problem (reported in `log`) stopped composition.
    func compose(_ bytes: UnsafeBufferPointer<UInt8>, log: inout FindingLog) -> Node? {
        var map: YAMLDocumentMap.Builder?
        return compose(bytes, log: &log, map: &map)
    }

    /// The document's root, as `compose(_:log:)` gives it. `map`, when given, is fed the same events, so
    /// that one parse both loads and maps the document (`YAMLDocumentMap`); it is set to nil when it
    /// cannot map it.
    func compose(_ bytes: UnsafeBufferPointer<UInt8>, log: inout FindingLog, map: inout YAMLDocumentMap.Builder?) -> Node? {
        if let problem = TextScan.firstProblem(in: bytes) {
            let location = SourceLocation(file: file, line: problem.line, column: problem.column)
            switch problem.kind {
            case .invalidUTF8(let byte):
                log.add(.invalidUTF8, at: location, "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))",
                        hint: "save the file as UTF-8")
            case .controlCharacter(let value):
                log.add(.controlCharacter, at: location, "control character \(TextScan.name(value)) in the file",
                        hint: "remove it; write a line break as a real new line")
            }
            return nil
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var state = State(file: file)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                log.add(syntaxError(parser, bytes))
                return nil
            }
            if map != nil {
                do { try map!.consume(event) } catch { map = nil }
            }
            let outcome = state.consume(event, log: &log)
            yaml_event_delete(&event)
            switch outcome {
            case .more: continue
            case .done: return state.root ?? Node(content: .mapping([]), position: .init(line: 1, column: 1))
            case .failed: return nil
            }
        }
    }

    private func syntaxError(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed document"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        // libyaml places a problem met at the end of the input on the line after the last, which a file
        // without a final line break does not have: report it where the input ends.
        let marked = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        let end = end(of: bytes)
        let location = (marked.line, marked.column) > (end.line, end.column) ? end : marked
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's own bound, met while it scans ahead of the composer's.
            return Finding(.nestingTooDeep, at: location, "collections nested more than \(Self.maximumDepth) levels deep",
                           hint: "a dataset needs only a few levels; look for unclosed brackets")
        }
        var message = problem
        if let context { message += " " + context }
        return Finding(.syntaxError, at: location, message)
    }

    /// Where the input ends: the line after its last line break (CR LF, LF, CR, NEL, LS or PS, as YAML
    /// counts them), and the column after its last character.
    private func end(of bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let breakLength = YAMLLineBreak.length(at: index, in: bytes)
            if breakLength > 0 {
                line += 1
                column = 1
                index += breakLength
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }  // count characters, not continuation bytes
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

extension YAMLComposer {
    /// The composer's stack of collections under construction.
    private struct State {
        enum Outcome { case more, done, failed }

        struct Frame {
            var position: Node.Position
            var anchor: String?
            var isMapping: Bool
            var items: [Node] = []
            var entries: [Node.Entry] = []
            var keys: Set<String> = []
            var pendingKey: (String, Node.Position)?
            /// Nodes in this collection's subtree, counting what aliases expand to.
            var weight = 1
        }

        let file: String
        var stack: [Frame] = []
        var root: Node?
        var anchors: [String: (node: Node, weight: Int)] = [:]
        var aliasExpansion = 0
        var documents = 0

        init(file: String) { self.file = file }

        func location(_ position: Node.Position) -> SourceLocation {
            SourceLocation(file: file, line: Int(position.line), column: Int(position.column))
        }

        mutating func consume(_ event: yaml_event_t, log: inout FindingLog) -> Outcome {
            let position = Node.Position(line: Int32(event.start_mark.line) + 1, column: Int32(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .done
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    log.add(.syntaxError, at: location(position), "the file holds more than one YAML document",
                            hint: "keep the whole dataset in one document; remove the '---' separator")
                    return .failed
                }
                return .more
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tag = scalar.tag.map { String(cString: $0) }
                let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && (tag == nil || tag == "!")
                if let control = TextScan.firstControlCharacter(in: text) {
                    log.add(.controlCharacter, at: location(position),
                            "control character \(TextScan.name(control.value)) in text",
                            hint: "remove it; only line breaks are allowed inside text")
                }
                let node = Node(content: .scalar(text, isPlain: isPlain), position: position)
                return add(node, weight: 1, anchor: scalar.anchor.map { String(cString: $0) }, log: &log)
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let (node, weight) = anchors[name] else {
                    log.add(.syntaxError, at: location(position), "unknown alias '*\(name)'",
                            hint: "define the anchor '&\(name)' before using it")
                    return .failed
                }
                aliasExpansion += weight
                if aliasExpansion > YAMLComposer.maximumAliasExpansion {
                    log.add(.aliasLimit, at: location(position),
                            "aliases expand to more than \(YAMLComposer.maximumAliasExpansion) nodes at '*\(name)'",
                            hint: "write the values out instead of nesting aliases")
                    return .failed
                }
                var copy = node
                copy.position = position
                return add(copy, weight: weight, anchor: nil, log: &log)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if stack.count >= YAMLComposer.maximumDepth {
                    log.add(.nestingTooDeep, at: location(position),
                            "collections nested more than \(YAMLComposer.maximumDepth) levels deep",
                            hint: "a dataset needs only a few levels; look for unclosed brackets")
                    return .failed
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(position: position, anchor: anchor.map { String(cString: $0) }, isMapping: isMapping))
                return .more
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let content: Node.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
                return add(Node(content: content, position: frame.position), weight: frame.weight, anchor: frame.anchor, log: &log)
            default:
                return .more
            }
        }

        /// Adds a finished node to the collection being built, or makes it the root.
        mutating func add(_ node: Node, weight: Int, anchor: String?, log: inout FindingLog) -> Outcome {
            if let anchor { anchors[anchor] = (node, weight) }
            guard !stack.isEmpty else {
                root = node
                return .more
            }
            stack[stack.count - 1].weight += weight
            if !stack[stack.count - 1].isMapping {
                stack[stack.count - 1].items.append(node)
                return .more
            }
            guard let (key, keyPosition) = stack[stack.count - 1].pendingKey else {
                guard case .scalar(let key, let isPlain) = node.content else {
                    log.add(.wrongType, at: location(node.position), "a mapping key must be text, found \(node.typeName)")
                    stack[stack.count - 1].pendingKey = ("\u{0}invalid", node.position)
                    return .more
                }
                if isPlain, case let guessed = PlainScalar.resolve(key), guessed != .text {
                    // YAML 1.1 readers take `no:` (Norwegian) as the key false, as they do values.
                    log.add(.ambiguousScalar, at: location(node.position), "the key '\(key)' is read by YAML as \(guessed.name), not text",
                            hint: "quote it: \"\(key)\":", fix: .replace(key))
                }
                stack[stack.count - 1].pendingKey = (key, node.position)
                return .more
            }
            stack[stack.count - 1].pendingKey = nil
            if key.hasPrefix("\u{0}") { return .more }
            if !stack[stack.count - 1].keys.insert(key).inserted {
                let first = stack[stack.count - 1].entries.first { $0.key == key }!.keyPosition
                log.add(.duplicateKey, at: location(keyPosition), "duplicate key '\(key)'; first given at line \(first.line)",
                        hint: "keep one of the two; a mapping holds each key once")
                return .more
            }
            stack[stack.count - 1].entries.append(Node.Entry(key: key, keyPosition: keyPosition, value: node))
            return .more
        }
    }
}

extension YAMLComposer {
    /// Composes a whole document's bytes, reporting into `log`.
    static func compose(_ data: Data, file: String, log: inout FindingLog) -> Node? {
        var map: YAMLDocumentMap.Builder?
        return compose(data, file: file, log: &log, map: &map)
    }

    /// Composes a whole document's bytes, reporting into `log`, and feeds `map` the same events.
    static func compose(_ data: Data, file: String, log: inout FindingLog, map: inout YAMLDocumentMap.Builder?) -> Node? {
        data.withUnsafeBytes { raw in YAMLComposer(file: file).compose(raw.bindMemory(to: UInt8.self), log: &log, map: &map) }
    }
}
