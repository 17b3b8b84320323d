/// Numbers as statistics files write them, made into the plain decimals the dataset writes.
enum StatisticalNumber {
    /// `text` as a plain decimal (`-1234.5`), when it is a decimal number: digits with an optional
    /// leading minus, an optional fraction and an optional exponent (`1.5E3` is `1500`, `25E-3` is
    /// `0.025`), converted exactly; nil for anything else (blanks, a plus sign, thousands separators, flags).
    static func plainDecimal(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) {
            var power = bytes[(e + 1)...]
            let negativePower = power.first == UInt8(ascii: "-")
            if negativePower || power.first == UInt8(ascii: "+") { power = power.dropFirst() }
            guard !power.isEmpty, power.count <= 4, power.allSatisfy(isDigit) else { return nil }
            exponent = Int(String(decoding: power, as: UTF8.self))! * (negativePower ? -1 : 1)
            bytes = bytes[..<e]
        }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = point.map { bytes[..<$0] } ?? bytes
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit), point == nil || !fraction.isEmpty else { return nil }
        // The digits without the point, and where the point goes among them.
        var digits = Array(whole) + Array(fraction)
        var pointAt = whole.count + exponent
        if pointAt <= 0 {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 1 - pointAt), at: 0)
            pointAt = 1
        } else if pointAt > digits.count {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointAt - digits.count))
        }
        var integer = digits[..<pointAt].drop { $0 == UInt8(ascii: "0") }
        if integer.isEmpty { integer = [UInt8(ascii: "0")] }
        var decimals = digits[pointAt...]
        // An exponent's shift adds no decimal places of its own: 1.50E1 is 15.0, as written digits go.
        if exponent != 0 {
            let written = max(0, fraction.count - exponent)
            while decimals.count > written, decimals.last == UInt8(ascii: "0") { decimals = decimals.dropLast() }
        }
        let isZero = integer.allSatisfy { $0 == UInt8(ascii: "0") } && decimals.allSatisfy { $0 == UInt8(ascii: "0") }
        var result = negative && !isZero ? "-" : ""
        result += String(decoding: integer, as: UTF8.self)
        if !decimals.isEmpty { result += "." + String(decoding: decimals, as: UTF8.self) }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
