/// A decimal number as written: its value and how many digits followed the decimal point.
///
/// Keeping the digit count lets the validator check a currency's decimals and lets writers print
/// `1.50` back as `1.50`.
public struct Number: Hashable, Sendable, CustomStringConvertible {
    public var value: Double
    public var fractionDigits: Int

    public init(_ value: Double, fractionDigits: Int = 0) {
        self.value = value
        self.fractionDigits = fractionDigits
    }

    /// The largest magnitude kept exactly: 2^53 - 1.
    public static let maximumMagnitude = 9_007_199_254_740_991.0

    public var description: String {
        if fractionDigits == 0, value.rounded() == value { return String(Int64(value)) }
        return String(value)
    }
}
