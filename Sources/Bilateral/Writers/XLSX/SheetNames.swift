/// The sheet names of a workbook: at most 31 characters, none of `[ ] : * ? / \`, no apostrophe at
/// either end, not "History", and unique regardless of case, as Excel requires.
struct SheetNames {
    static let maximumLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    private var taken: Set<String> = []

    /// Takes `name`, or throws why Excel would refuse it.
    mutating func claim(_ name: String) throws {
        if let reason = Self.problem(name) ?? (taken.contains(name.lowercased()) ? "another sheet has this name" : nil) {
            throw XLSXError(refusing: reason, place: "sheet name '\(name)'")
        }
        taken.insert(name.lowercased())
    }

    /// A name not yet taken made from `text`: forbidden characters become spaces, long text is cut, and
    /// " (2)", " (3)"… tell apart names that would clash.
    func available(from text: String) -> String {
        var base = String(text.map { Self.forbidden.contains($0) || $0.isNewline ? " " : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty || base.lowercased() == "history" { base = "Sheet" }
        var candidate = String(base.prefix(Self.maximumLength))
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(Self.maximumLength - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }

    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "a sheet needs a name" }
        if name.utf16.count > maximumLength { return "a sheet name has at most \(maximumLength) characters" }
        if name.contains(where: { forbidden.contains($0) }) { return "a sheet name cannot contain [ ] : * ? / \\" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "a sheet name cannot begin or end with an apostrophe" }
        if name.lowercased() == "history" { return "Excel reserves the sheet name History" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "a sheet name cannot hold control characters" }
        return nil
    }

    /// A reference to cell `row`, `column` (zero-based) of sheet `name`, for formulas and links: `'Sources'!A5`.
    static func reference(sheet name: String, row: Int, column: Int = 0) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'!" + cellName(row: row, column: column)
    }

    /// `A1` for row 0, column 0.
    static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var remainder = column + 1
        while remainder > 0 {
            let digit = (remainder - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            remainder = (remainder - 1) / 26
        }
        return letters + String(row + 1)
    }
}
