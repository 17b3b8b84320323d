/// Amounts in the brief's English style: digits as recorded, grouped by thousands, with the currency's
/// symbol or the unit and the series' scale: `US$12.42 billion`, `¥105.9 billion`, `23,417 persons`.
enum EnglishNumbers {
    /// The number as written, with thousands separated by commas: `10,849`, `105.9`, `-1,200.50`.
    static func grouped(_ number: Number) -> String {
        let plain = number.description
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : Substring(plain)
        let integer = unsigned.prefix { $0 != "." }
        let fraction = unsigned.dropFirst(integer.count)
        var digits = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { digits.append(",") }
            digits.append(digit)
        }
        return (negative ? "-" : "") + digits + fraction
    }

    /// A value of `series`: `US$12.42 billion`, `about ¥105.9 billion`, `Rs 6 billion`, `80 companies`.
    static func amount(_ value: Number, of series: Series, approximate: Bool = false) -> String {
        var text = grouped(value)
        if series.scale != .one { text += " \(series.scale.rawValue)" }
        if let currency = series.currency {
            let symbol = CurrencySymbol.of(currency)
            let spacer = CurrencySymbol.isSpaced(currency) ? " " : ""
            text = text.hasPrefix("-") ? "-\(symbol)\(spacer)\(text.dropFirst())" : "\(symbol)\(spacer)\(text)"
        } else if let unit = series.unit {
            text += " \(unit)"
        }
        return approximate ? "about \(text)" : text
    }

    /// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
    static func ordinal(_ number: Int) -> String {
        let suffix = switch (number % 10, number % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
        return "\(number)\(suffix)"
    }
}
