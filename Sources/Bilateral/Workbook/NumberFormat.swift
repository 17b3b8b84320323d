/// What a cell's number format says about its number: a plain number with so many decimals, or a
/// date shown to the year, month or day.
public struct NumberFormat: Hashable, Sendable {
    /// The format code (`#,##0.00`, `mmm yyyy`); "General" when none.
    public var code: String

    /// How much of a date the format shows; nil when it shows no date.
    public var datePrecision: PartialDate.Precision?
    /// Decimals the format shows after the point; nil for a date or General.
    public var fractionDigits: Int?

    /// The format of built-in id `id` (Excel's fixed list) or with code `code`.
    init(id: Int, code: String?) {
        let code = code ?? Self.builtIn[id] ?? "General"
        self.code = code
        let bare = Self.bare(code)
        let lower = bare.lowercased() == "general" ? "" : bare.lowercased()
        let hasDay = lower.contains("d"), hasYear = lower.contains("y") || lower.contains("e")
        // 'm' is a month beside a day or year, a minute beside hours or seconds.
        let hasMonth = lower.contains("m") && (hasDay || hasYear || !(lower.contains("h") || lower.contains("s")))
        if hasDay { datePrecision = .day }
        else if hasMonth && hasYear { datePrecision = .month }
        else if hasYear { datePrecision = .year }
        else if hasMonth { datePrecision = .month }
        else { datePrecision = nil }
        if datePrecision == nil, !lower.isEmpty {
            let section = bare.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? bare
            if let point = section.firstIndex(of: ".") {
                fractionDigits = section[section.index(after: point)...].prefix { $0 == "0" || $0 == "#" || $0 == "?" }.count
            } else {
                fractionDigits = section.contains(where: { $0 == "0" || $0 == "#" }) ? 0 : nil
            }
        } else {
            fractionDigits = nil
        }
    }

    /// The code without quoted text, escaped characters and bracketed parts (colours, locales).
    private static func bare(_ code: String) -> String {
        var result = ""
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": escaped = true
            default: result.append(character)
            }
        }
        return result
    }

    /// The formats every spreadsheet program knows by id without writing them out.
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
        39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
        48: "##0.0E+0", 49: "@",
    ]
}
