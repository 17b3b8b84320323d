/// How amounts of a currency are written in English prose and spreadsheets: `US$`, `¥`, `Rs`;
/// other currencies by their ISO 4217 code.
public enum CurrencySymbol {
    /// The symbol a brief writes before an amount in the currency `code`: `US$`, `¥`, or the code itself.
    public static func of(_ code: String) -> String {
        switch code {
        case "USD": "US$"
        case "JPY": "¥"
        case "PKR": "Rs"
        case "EUR": "€"
        case "GBP": "£"
        case "CNY": "CN¥"
        case "INR": "₹"
        default: code
        }
    }

    /// Whether the symbol is set apart from the number by a space ("Rs 6 billion", "SAR 5").
    public static func isSpaced(_ code: String) -> Bool { !["USD", "JPY", "EUR", "GBP", "CNY", "INR"].contains(code) }
}
