/// A JSON value whose objects keep their keys in the order given, printed the way the files in
/// `Schemas/` are laid out: two-space indentation, one member or item per line, raw UTF-8.
enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .integer(value) }

    /// The value as indented JSON text, ending with a line feed.
    var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    /// The value as JSON on one line (for JSON lines), without a line feed.
    var compactText: String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// - Parameter indent: the current line's indentation; nil for no line breaks at all.
    private func write(to out: inout String, indent: String?) {
        let inner = indent.map { $0 + "  " }
        let open = indent == nil ? "" : "\n"
        switch self {
        case .string(let text): out += JSONText.quoted(text)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + open
            for (index, item) in items.enumerated() {
                out += inner ?? ""
                item.write(to: &out, indent: inner)
                out += (index == items.count - 1 ? "" : ",") + open
            }
            out += (indent ?? "") + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{" + open
            for (index, (key, value)) in members.enumerated() {
                out += (inner ?? "") + JSONText.quoted(key) + (indent == nil ? ":" : ": ")
                value.write(to: &out, indent: inner)
                out += (index == members.count - 1 ? "" : ",") + open
            }
            out += (indent ?? "") + "}"
        }
    }
}
