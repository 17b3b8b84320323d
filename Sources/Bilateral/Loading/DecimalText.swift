/// Reads decimal numbers written as `-12`, `89.022` or `1.5e3`, shared by the YAML and CSV loaders.
enum DecimalText {
    enum Failure: Error, Equatable {
        /// Not decimal notation.
        case notANumber
        /// NaN, an infinity, or beyond what a double keeps exactly.
        case outOfRange
    }

    /// Parses decimal notation with an optional sign, fraction and exponent.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Number, Failure> {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-"); i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0, fractionDigits = 0
        /// Adds the digits from `i` on to the mantissa (keeping the first 19 significant ones); returns their count.
        func digits() -> Int {
            let start = i
            while i < n, bytes[i] &- 48 < 10 {
                if mantissa != 0 || bytes[i] != 48 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 48) }
                i += 1
            }
            return i - start
        }
        let integerStart = i
        let integerDigits = digits()
        if integerDigits > 1, bytes[integerStart] == 48 { return .failure(.notANumber) }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fractionDigits = digits()
            if fractionDigits == 0 { return .failure(.notANumber) }
        }
        guard integerDigits > 0 else { return .failure(.notANumber) }
        var exponent = 0
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                exponentNegative = bytes[i] == UInt8(ascii: "-"); i += 1
            }
            let exponentStart = i
            while i < n, bytes[i] &- 48 < 10 {
                exponent = min(exponent * 10 + Int(bytes[i] - 48), 100_000); i += 1
            }
            if i == exponentStart { return .failure(.notANumber) }
            if exponentNegative { exponent = -exponent }
        }
        guard i == n else { return .failure(.notANumber) }
        let digitsAfterPoint = max(0, fractionDigits - exponent)
        let value: Double
        let scale = exponent - fractionDigits
        if significant <= 15, mantissa < (1 << 53), (-22...22).contains(scale) {
            // Exact: both operands are exact doubles, and one rounding gives the correctly rounded result.
            value = scale < 0 ? Double(mantissa) / Number.powerOfTen(-scale) : Double(mantissa) * Number.powerOfTen(scale)
        } else {
            guard let parsed = Double(String(decoding: bytes, as: UTF8.self)) else { return .failure(.notANumber) }
            value = abs(parsed)
        }
        guard value.isFinite, value <= Number.maximumMagnitude else { return .failure(.outOfRange) }
        return .success(Number(negative ? -value : value, fractionDigits: digitsAfterPoint))
    }

    static func parse(_ text: String) -> Result<Number, Failure> {
        var text = text
        return text.withUTF8 { parse($0) }
    }
}
