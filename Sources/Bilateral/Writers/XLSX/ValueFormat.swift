/// An Excel number format and how many columns its fixed text adds to a number shown with it.
struct ValueFormat: Hashable {
    var code: String
    /// The display width of the text around the digits ("US$", " million").
    var affixWidth: Int

    /// Digits with thousands separators and `fractionDigits` decimals: `#,##0.00`.
    static func decimal(_ fractionDigits: Int) -> ValueFormat {
        ValueFormat(code: "#,##0" + (fractionDigits > 0 ? "." + String(repeating: "0", count: min(fractionDigits, 15)) : ""), affixWidth: 0)
    }

    /// Whole numbers as they are, without separators (a round number, a year).
    static let integer = ValueFormat(code: "0", affixWidth: 0)

    /// A value of `series`: its currency symbol before the digits, its scale and unit after
    /// (`"US$"#,##0.00" million"`, `#,##0" persons"`).
    static func value(of series: Series, fractionDigits: Int) -> ValueFormat {
        var format = decimal(fractionDigits)
        var prefix = ""
        if let currency = series.currency {
            prefix = CurrencySymbol.of(currency) + (CurrencySymbol.isSpaced(currency) ? " " : "")
        }
        var suffix = series.scale == .one ? "" : " " + series.scale.rawValue
        if let unit = series.unit { suffix += " " + unit }
        // Text in a format sits between quotes, so it cannot hold one; such a unit stays in the Series sheet.
        if prefix.contains("\"") || prefix.contains("\\") { prefix = "" }
        if suffix.contains("\"") || suffix.contains("\\") || suffix.utf8.count > 100 { suffix = "" }
        if !prefix.isEmpty { format.code = "\"\(prefix)\"" + format.code }
        if !suffix.isEmpty { format.code += "\"\(suffix)\"" }
        format.affixWidth = DisplayWidth.of(prefix) + DisplayWidth.of(suffix)
        return format
    }

    /// What a series' values are counted in, for a chart's axis: "US$ million", "persons".
    static func unitLabel(of series: Series) -> String {
        var parts: [String] = []
        if let currency = series.currency { parts.append(CurrencySymbol.of(currency)) }
        if series.scale != .one { parts.append(series.scale.rawValue) }
        if let unit = series.unit { parts.append(unit) }
        return parts.joined(separator: " ")
    }

    /// A date at its precision: `yyyy`, `mmm yyyy`, `d mmm yyyy`.
    static func date(_ precision: PartialDate.Precision) -> ValueFormat {
        switch precision {
        case .year: ValueFormat(code: "yyyy", affixWidth: 0)
        case .month: ValueFormat(code: "mmm yyyy", affixWidth: 0)
        case .day: ValueFormat(code: "d mmm yyyy", affixWidth: 0)
        }
    }
}
