import Foundation

/// A decimal number as written: its value and how many digits followed the decimal point.
///
/// Keeping the digit count lets the validator check a currency's decimals and lets writers print
/// `1.50` back as `1.50`.
public struct Number: Hashable, Sendable, CustomStringConvertible {
    /// The value.
    public var value: Double
    /// How many digits were written after the decimal point.
    public var fractionDigits: Int

    /// The number `value`, written with `fractionDigits` digits after the point.
    public init(_ value: Double, fractionDigits: Int = 0) {
        self.value = value
        self.fractionDigits = fractionDigits
    }

    /// The largest magnitude kept exactly: 2^53 - 1.
    public static let maximumMagnitude = 9_007_199_254_740_991.0

    /// The number in decimal notation with exactly its written fraction digits: `1.50` stays `1.50`,
    /// `1.5e3` becomes `1500`. Reading it back gives the same number.
    public var description: String {
        var bytes: [UInt8] = []
        appendDecimal(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description` as UTF-8, for writers.
    public func appendDecimal(to bytes: inout [UInt8]) {
        let magnitude = abs(value)
        if fractionDigits <= 15, magnitude < 1e15 {
            // The value is the double nearest a decimal of at most 15 significant digits, so scaling
            // and rounding recovers those digits exactly.
            let scaled = (magnitude * Self.powerOfTen(fractionDigits)).rounded()
            if scaled < 1e15 {
                var integer = UInt64(scaled)
                var digits: [UInt8] = []
                repeat {
                    digits.append(UInt8(48 + integer % 10))
                    integer /= 10
                } while integer > 0 || digits.count <= fractionDigits
                if value < 0 && scaled > 0 { bytes.append(UInt8(ascii: "-")) }
                for index in digits.indices.reversed() {
                    bytes.append(digits[index])
                    if index == fractionDigits && index > 0 { bytes.append(UInt8(ascii: ".")) }
                }
                return
            }
        }
        bytes.append(contentsOf: String(format: "%.\(fractionDigits)f", value).utf8)
    }

    /// 10^0 ... 10^22, each exact in a double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// 10 to the power `exponent`: exact for -22...22 from the table (the reciprocal for negatives).
    static func powerOfTen(_ exponent: Int) -> Double {
        if abs(exponent) < powersOfTen.count { return exponent < 0 ? 1 / powersOfTen[-exponent] : powersOfTen[exponent] }
        return pow(10, Double(exponent))
    }
}
