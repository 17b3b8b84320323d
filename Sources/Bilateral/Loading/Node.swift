/// A composed YAML or JSON value with the position it was written at.
///
/// Positions are 1-based; the file name lives with the document, not in every node.
struct Node: Sendable {
    struct Position: Hashable, Sendable {
        var line: Int32
        var column: Int32
    }

    struct Entry: Sendable {
        var key: String
        var keyPosition: Position
        var value: Node
    }

    enum Content: Sendable {
        /// Text as written; `isPlain` for an unquoted, untagged YAML scalar whose type YAML would guess.
        case scalar(String, isPlain: Bool)
        case sequence([Node])
        case mapping([Entry])
    }

    var content: Content
    var position: Position

    /// A word for the node's type, for messages.
    var typeName: String {
        switch content {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

extension Node {
    /// The value of the mapping's entry `key`; nil for a missing key or a node that is no mapping.
    subscript(key: String) -> Node? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The scalar's text; nil for a list or a mapping.
    var text: String? {
        guard case .scalar(let text, _) = content else { return nil }
        return text
    }

    /// JSON's `null` (YAML's plain `null`, `~` or nothing), not the text "null" in quotes.
    var isNull: Bool {
        guard case .scalar(let text, isPlain: true) = content else { return false }
        return text == "null" || text == "~" || text.isEmpty || text == "Null" || text == "NULL"
    }
}
