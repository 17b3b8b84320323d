/// A brief's content turned into dictionaries and arrays once, so that a template's many lookups are
/// dictionary reads. The content's own `Encodable` conformance (compiled, not reflected) drives it, so a
/// field is declared once, in `BriefContent.swift`.
///
/// A struct becomes `[field: value]` without its nil fields, so an absent field reads as absent; strings,
/// integers, booleans and numbers stay as they are; arrays become `[Any]`.
enum TemplateTree {
    static func of<Value: Encodable>(_ value: Value) -> Any {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        default:
            let encoder = TreeEncoder()
            // Encoding into dictionaries cannot fail: no container here throws.
            try? value.encode(to: encoder)
            return encoder.node.value
        }
    }
}

/// Where an encoder or its container puts what it is given.
private final class TreeNode {
    var fields: [String: Any]?
    var items: [Any]?
    var single: Any?

    var value: Any { fields ?? items ?? single ?? [String: Any]() }
}

private struct TreeEncoder: Encoder {
    let node = TreeNode()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.fields == nil { node.fields = [:] }
        return KeyedEncodingContainer(TreeFields<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return TreeItems(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { TreeSingle(node: node) }
}

private struct TreeFields<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: String, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: Double, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: Float, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: Int, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: Int8, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: Int16, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: Int32, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: Int64, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: UInt, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: UInt8, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: UInt16, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: UInt32, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode(_ value: UInt64, forKey key: Key) { node.fields![key.stringValue] = value }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { node.fields![key.stringValue] = TemplateTree.of(value) }

    // Synthesized conformances, the only ones the content has, never nest containers.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { TreeEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { TreeEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder() }
}

private struct TreeItems: UnkeyedEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.items!.count }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { node.items!.append(value) }
    mutating func encode(_ value: Bool) { node.items!.append(value) }
    mutating func encode(_ value: Int) { node.items!.append(value) }
    mutating func encode(_ value: Double) { node.items!.append(value) }
    mutating func encode<T: Encodable>(_ value: T) { node.items!.append(TemplateTree.of(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TreeEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { TreeEncoder() }
}

private struct TreeSingle: SingleValueEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { node.single = value }
    mutating func encode(_ value: Bool) { node.single = value }
    mutating func encode(_ value: Int) { node.single = value }
    mutating func encode(_ value: Double) { node.single = value }
    mutating func encode<T: Encodable>(_ value: T) { node.single = TemplateTree.of(value) }
}
