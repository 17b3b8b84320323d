/// Reads the fields of one mapping, recording every value's location and reporting, without
/// stopping, every missing, unknown or ill-typed field.
struct RecordReader {
    let context: LoadContext
    let node: Node
    let what: String
    private let entries: [Node.Entry]
    private(set) var origin: Origin
    /// False once a required field was missing or unreadable; the record is then dropped.
    private(set) var isComplete = true

    /// A reader for `node`, or nil (after reporting) when it is not a mapping.
    ///
    /// - Parameters:
    ///   - what: the record kind, for messages ("event").
    ///   - fields: every field the mapping may have; others are reported as unknown.
    init?(_ node: Node, what: String, fields: [String], context: LoadContext) {
        self.init(node, what: what, isField: fields.contains, fieldNames: { fields }, context: context)
    }

    /// A reader that asks `isField` whether a key is a field, and lists `fieldNames()` only in the
    /// hint of an unknown one (so reading a record builds no list of names).
    init?(_ node: Node, what: String, isField: (String) -> Bool, fieldNames: () -> [String], context: LoadContext) {
        guard case .mapping(let entries) = node.content else {
            context.add(.wrongType, at: node.position, "expected \(what) as a mapping of fields, found \(node.typeName)")
            return nil
        }
        self.context = context
        self.node = node
        self.what = what
        self.entries = entries
        self.origin = Origin(location: context.location(node.position))
        for entry in entries where !isField(entry.key) {
            let fields = fieldNames()
            let suggestion = Suggestion.closest(to: entry.key, in: fields)
            context.add(.unknownField, at: entry.keyPosition, "unknown field '\(entry.key)' in \(what)",
                        hint: suggestion.map(Suggestion.sentence) ?? "the fields of \(what) are: \(fields.joined(separator: ", "))",
                        fix: suggestion.map(FindingFix.replace))
        }
    }

    private func entry(_ key: String) -> Node.Entry? { entries.first { $0.key == key } }

    /// The value of `key`, recording its location; reports a missing required field.
    private mutating func value(_ key: String, required: Bool) -> Node? {
        guard let entry = entry(key) else {
            if required {
                context.add(.missingField, at: node.position, "\(what) has no '\(key)'", hint: "add the required field '\(key)'", fix: .addField(key))
                isComplete = false
            }
            return nil
        }
        origin.fields[key] = context.location(entry.value.position)
        return entry.value
    }

    private mutating func fail<T>() -> T? { isComplete = false; return nil }

    // MARK: Scalars

    /// Text as written; rejects an unquoted YAML scalar that reads as another type.
    mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard let text = Self.text(node, context: context, what: "'\(key)'") else { return required ? fail() : nil }
        return text
    }

    static func text(_ node: Node, context: LoadContext, what: String) -> String? {
        guard case .scalar(let text, let isPlain) = node.content else {
            context.add(.wrongType, at: node.position, "expected text for \(what), found \(node.typeName)")
            return nil
        }
        if isPlain {
            let guessed = PlainScalar.resolve(text)
            if guessed != .text {
                context.add(.ambiguousScalar, at: node.position,
                            "\(what) is '\(text)', which YAML reads as \(guessed.name), not text",
                            hint: "quote it: \"\(text)\"", fix: .replace(text))
                return nil
            }
        }
        return text
    }

    /// An id: lower-case ASCII letters and digits in words joined by single hyphens (`Column.idPattern`).
    mutating func id(_ key: String = "id", required: Bool = true) -> String? {
        guard let text = text(key, required: required) else { return nil }
        guard Self.isValidID(text) else {
            context.add(.invalidID, at: entry(key)!.value.position, "\(key) '\(text)' is not lower-case letters and digits joined by hyphens",
                        hint: "for example 'visit-2019-10-alvi-tokyo'")
            return fail()
        }
        return text
    }

    static func isValidID(_ text: String) -> Bool {
        var previousWasHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen: previousWasHyphen = true
            default: return false
            }
        }
        return !text.isEmpty && !previousWasHyphen
    }

    /// A reference to another record's id.
    mutating func reference(_ key: String, required: Bool = false) -> String? {
        guard let text = text(key, required: required) else { return nil }
        return text
    }

    /// A date at its precision. Unquoted YAML dates and years are taken as written.
    mutating func date(_ key: String, required: Bool = false) -> PartialDate? {
        parsed(key, required: required, as: "a date", hint: "write YYYY, YYYY-MM or YYYY-MM-DD, with a month and day that exist") {
            PartialDate(iso: $0)
        }
    }

    /// A period: a date or an ISO 8601 interval `start/end`.
    mutating func period(_ key: String, required: Bool = false) -> Period? {
        parsed(key, required: required, as: "a date or a period", hint: "write a date (2019, 2019-04) or an interval (2018-07/2019-06)") {
            Period(iso: $0)
        }
    }

    /// A scalar read by `parse` as written, whether quoted or not; `invalid-date` when it does not parse.
    private mutating func parsed<Value>(_ key: String, required: Bool, as name: String, hint: String,
                                        _ parse: (String) -> Value?) -> Value? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let text, _) = node.content else {
            context.add(.wrongType, at: node.position, "expected \(name) for '\(key)', found \(node.typeName)")
            return required ? fail() : nil
        }
        guard let value = parse(text) else {
            context.add(.invalidDate, at: node.position, "'\(key)' is '\(text)', which is not \(name)", hint: hint)
            return required ? fail() : nil
        }
        return value
    }

    /// A decimal number.
    mutating func number(_ key: String, required: Bool = false) -> Number? {
        guard let node = value(key, required: required) else { return nil }
        guard let number = Self.number(node, context: context, what: "'\(key)'") else { return required ? fail() : nil }
        return number
    }

    static func number(_ node: Node, context: LoadContext, what: String) -> Number? {
        guard case .scalar(let text, let isPlain) = node.content, isPlain else {
            context.add(.wrongType, at: node.position, "expected a number for \(what), found \(node.typeName == "a scalar" ? "quoted text" : node.typeName)",
                        hint: "write the number without quotes")
            return nil
        }
        switch DecimalText.parse(text) {
        case .success(let number):
            return number
        case .failure(.outOfRange):
            context.add(.invalidNumber, at: node.position, "\(what) is '\(text)', which is out of range",
                        hint: "numbers must be finite and no larger than \(Int64(Number.maximumMagnitude)) in magnitude")
        case .failure(.notANumber):
            if PlainScalar.specialFloats.contains(text) {
                context.add(.invalidNumber, at: node.position, "\(what) is '\(text)', which is not a finite number",
                            hint: "leave the value out when it is unknown")
            } else {
                context.add(.wrongType, at: node.position, "expected a number for \(what), found '\(text)'",
                            hint: "write a decimal number such as 89.022, without thousands separators")
            }
        }
        return nil
    }

    /// A whole number within `bounds`.
    mutating func integer(_ key: String, in bounds: ClosedRange<Int>) -> Int? {
        guard let number = number(key) else { return nil }
        guard number.fractionDigits == 0, number.value.rounded() == number.value else {
            context.add(.wrongType, at: entry(key)!.value.position, "expected a whole number for '\(key)', found \(number)")
            return nil
        }
        guard Double(bounds.lowerBound) <= number.value, number.value <= Double(bounds.upperBound) else {
            context.add(.invalidValue, at: entry(key)!.value.position, "'\(key)' is \(number), which is not from \(bounds.lowerBound) to \(bounds.upperBound)")
            return nil
        }
        return Int(number.value)
    }

    /// A boolean written `true` or `false`; false when absent.
    mutating func flag(_ key: String) -> Bool {
        guard let node = value(key, required: false) else { return false }
        guard case .scalar(let text, true) = node.content, text == "true" || text == "false" else {
            let found = switch node.content {
            case .scalar(let text, true): "'\(text)'"
            case .scalar(let text, false): "quoted text \"\(text)\""
            default: node.typeName
            }
            context.add(.wrongType, at: node.position, "expected true or false for '\(key)', found \(found)",
                        hint: "write true or false, without quotes")
            return false
        }
        return text == "true"
    }

    /// One of a fixed set of words.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false) -> Choice?
    where Choice.RawValue == String {
        guard let text = text(key, required: required) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue)
            let suggestion = Suggestion.closest(to: text, in: allowed)
            context.add(.invalidValue, at: entry(key)!.value.position, "'\(key)' is '\(text)', which is not one of: \(allowed.joined(separator: ", "))",
                        hint: suggestion.map(Suggestion.sentence), fix: suggestion.map(FindingFix.replace))
            return required ? fail() : nil
        }
        return choice
    }

    // MARK: Collections

    /// The items of a list field, each with its location recorded as `key[index]`.
    private mutating func items(_ key: String, required: Bool) -> [Node] {
        guard let node = value(key, required: required) else { return [] }
        guard case .sequence(let items) = node.content else {
            context.add(.wrongType, at: node.position, "expected a list for '\(key)', found \(node.typeName)",
                        hint: "write '\(key): [first, second]' or one '- item' per line")
            if required { isComplete = false }
            return []
        }
        for (index, item) in items.enumerated() {
            origin.fields["\(key)[\(index)]"] = context.location(item.position)
        }
        return items
    }

    /// A list of texts.
    mutating func texts(_ key: String, required: Bool = false) -> [String] {
        items(key, required: required).enumerated().compactMap { index, item in
            Self.text(item, context: context, what: "'\(key)' item \(index + 1)")
        }
    }

    /// A list of references to record ids.
    mutating func references(_ key: String) -> [String] { texts(key) }

    /// A mapping from keys (language codes, dimension names) to text.
    mutating func textMap(_ key: String) -> [String: String] {
        guard let node = value(key, required: false) else { return [:] }
        guard case .mapping(let entries) = node.content else {
            context.add(.wrongType, at: node.position, "expected a mapping for '\(key)', found \(node.typeName)")
            return [:]
        }
        var map: [String: String] = [:]
        for entry in entries {
            origin.fields["\(key).\(entry.key)"] = context.location(entry.value.position)
            if let text = Self.text(entry.value, context: context, what: "'\(key).\(entry.key)'") { map[entry.key] = text }
        }
        return map
    }

    /// The `sources` list: each item a source id, or a mapping `{source: id, quote: "…"}`.
    mutating func citations() -> [Citation] {
        var citations: [Citation] = []
        for (index, item) in items("sources", required: false).enumerated() {
            if case .mapping = item.content {
                guard var reader = RecordReader(item, what: "a citation", fields: ["source", "quote"], context: context),
                      let source = reader.text("source", required: true) else { continue }
                let quote = reader.text("quote")
                for (field, location) in reader.origin.fields { origin.fields["sources[\(index)].\(field)"] = location }
                citations.append(Citation(source: source, quote: quote))
            } else if let source = Self.text(item, context: context, what: "'sources' item \(index + 1)") {
                citations.append(Citation(source: source))
            }
        }
        return citations
    }
}
