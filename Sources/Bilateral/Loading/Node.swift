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
