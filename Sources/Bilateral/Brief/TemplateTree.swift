/// A value turned into dictionaries and arrays once, so that a template's many lookups are
/// dictionary reads instead of a reflection of the value each time (several times faster).
///
/// A struct becomes `[field: value]` without its nil fields, so an absent field reads as absent.
enum TemplateTree {
    static func of(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let array as [Any]: return array.map(of)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { of($0.value) } as Any }
        var fields: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label else { continue }
            let field = Mirror(reflecting: child.value)
            if field.displayStyle == .optional {
                guard let wrapped = field.children.first else { continue }
                fields[label] = of(wrapped.value)
            } else {
                fields[label] = of(child.value)
            }
        }
        return fields
    }
}
