import Foundation

/// Reads a workbook cell back as the text the CSV export writes for its column, undoing what
/// spreadsheet programs do to values, or says why it cannot without guessing:
///
/// - a date is a serial number whose number format tells its precision (`mmm yyyy` is a month);
/// - a number is a binary float: it is read from the decimal text the file holds, rounded to the 15
///   digits a spreadsheet keeps, and given the decimals its format shows, so 0.1 stays 0.1;
/// - text that became a number keeps its digits, unless it had more than 15 and lost some;
/// - a boolean, a formula or an error value where the column holds something else is refused.
struct SheetCellText {
    let reader: WorkbookReader

    /// A cell that cannot be read back without a guess.
    struct Refusal: Error {
        var code: ImportFinding.Code
        var message: String
        var hint: String?
    }

    /// The text of `cell` in a column of `kind`.
    func text(_ cell: WorkbookCell, kind: Column.Kind) throws(Refusal) -> String {
        if cell.hasFormula {
            throw Refusal(code: .formulaCell, message: "a formula; the dataset holds values, never formulas",
                          hint: "replace the formula with the value it should hold (Paste Special › Values)")
        }
        let format = reader.format(ofStyle: cell.style)
        switch cell.value {
        case .error(let code):
            throw Refusal(code: .errorCell, message: "the error value \(code)", hint: "type the value the cell should hold")
        case .text(let text):
            return Self.decodeEscapes(text)
        case .isoDate(let text):
            let date = text.prefix { $0 != "T" }
            return String(date)
        case .boolean(let value):
            guard kind == .boolean else {
                throw Refusal(code: .wrongCellType, message: "the boolean \(value ? "TRUE" : "FALSE") where the column holds \(Self.name(kind))",
                              hint: "type it as text: '\(value ? "TRUE" : "FALSE")")
            }
            return value ? "true" : "false"
        case .number(let written):
            if let precision = format.datePrecision {
                switch kind {
                case .date, .period, .text: return try date(written, precision)
                default:
                    throw Refusal(code: .wrongCellType, message: "a date where the column holds \(Self.name(kind))",
                                  hint: "format the cell as text and type the value again")
                }
            }
            switch kind {
            case .number: return try Self.decimal(written, fractionDigits: format.fractionDigits)
            case .integer:
                let text = try Self.decimal(written, fractionDigits: nil)
                guard !text.contains(".") else { throw Refusal(code: .wrongCellType, message: "\(text) where the column holds a whole number") }
                return text
            case .boolean:
                throw Refusal(code: .wrongCellType, message: "a number where the column holds true or false")
            case .date:
                throw Refusal(code: .wrongCellType, message: "a number that is not formatted as a date",
                              hint: "type the date as text in ISO form (2019-04-15), or format the cell as a date")
            default:
                // Text typed as digits, which the program took for a number: its digits, if none were lost.
                return try Self.digits(written)
            }
        }
    }

    /// Excel writes characters XML cannot hold as `_xHHHH_`.
    static func decodeEscapes(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        var result = "", rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if after.count >= 5, after.dropFirst(4).first == "_", let value = UInt32(after.prefix(4), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }

    private func date(_ written: String, _ precision: PartialDate.Precision) throws(Refusal) -> String {
        guard let serial = Double(written), serial.isFinite, serial >= 1, serial < 2_958_466 else {
            throw Refusal(code: .wrongCellType, message: "the date serial \(written), which is no date")
        }
        var days = Int(serial.rounded(.down))
        if reader.usesDate1904 {
            days += 1_462  // 1904-01-01 is serial 1,462 of the 1900 system, whose epoch is 1899-12-30
        } else if days == 60 {
            throw Refusal(code: .wrongCellType, message: "29 February 1900, a day that did not exist (a spreadsheet's old error)")
        } else if days < 60 {
            days += 1  // before the false leap day, serials count from 1899-12-31
        }
        let (year, month, day) = Self.civil(daysSince18991230: days)
        switch precision {
        case .year: return Self.digits(year, 4)
        case .month: return Self.digits(year, 4) + "-" + Self.digits(month, 2)
        case .day: return Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2)
        }
    }

    /// A number from 0 to 9999 with at least `width` digits (`String(format: "%04d")` without Foundation's
    /// formatting, which took most of a date's time).
    private static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.count < width ? String(repeating: "0", count: width - text.count) + text : text
    }

    /// The proleptic Gregorian date `days` after 1899-12-30.
    static func civil(daysSince18991230 days: Int) -> (Int, Int, Int) {
        let z = days - 25_569 + 719_468  // days since 0000-03-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A number's decimal text, rounded to the 15 significant digits a spreadsheet keeps (which undoes
    /// binary noise such as 0.30000000000000004), with at least `fractionDigits` decimals.
    static func decimal(_ written: String, fractionDigits: Int?) throws(Refusal) -> String {
        if let plain = plainDecimal(written) { return padded(plain, fractionDigits) }
        guard let value = Double(written), value.isFinite else {
            throw Refusal(code: .wrongCellType, message: "the number '\(written.prefix(40))', which cannot be read")
        }
        guard var decimal = Decimal(string: String(format: "%.15g", value), locale: Locale(identifier: "en_US_POSIX")) else {
            throw Refusal(code: .wrongCellType, message: "the number '\(written.prefix(40))', which cannot be read")
        }
        if decimal.isZero { decimal = 0 }
        return padded(decimal.description, fractionDigits)
    }

    /// `text` with at least `fractionDigits` decimals.
    private static func padded(_ text: String, _ fractionDigits: Int?) -> String {
        guard let fractionDigits, fractionDigits > 0 else { return text }
        var text = text
        let present = text.utf8.firstIndex(of: UInt8(ascii: ".")).map { text.utf8.distance(from: $0, to: text.utf8.endIndex) - 1 } ?? -1
        if present < fractionDigits {
            text += (present < 0 ? "." : "") + String(repeating: "0", count: fractionDigits - max(present, 0))
        }
        return text
    }

    /// The text as it is when it is already a plain decimal of at most 15 significant digits (`12.5`,
    /// `-3`, `0.125`), which is how programs write nearly every number: no float arithmetic is needed.
    private static func plainDecimal(_ written: String) -> String? {
        var digits = 0, leading = true, seenPoint = false, index = 0
        let bytes = written.utf8
        guard let last = bytes.last, last != UInt8(ascii: "."), !bytes.isEmpty, bytes.count <= 32 else { return nil }
        for byte in bytes {
            defer { index += 1 }
            if byte == UInt8(ascii: "-"), index == 0 { continue }
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            if leading && byte == 48 { continue }
            leading = false
            digits += 1
        }
        guard digits <= 15 else { return nil }
        // 0.50 and 007 are written otherwise by no program; leave them to the general path.
        if seenPoint, last == UInt8(ascii: "0") { return nil }
        if let first = bytes.first(where: { $0 != UInt8(ascii: "-") }), first == UInt8(ascii: "0"), bytes.count > (bytes.first == UInt8(ascii: "-") ? 2 : 1),
           bytes.dropFirst(bytes.first == UInt8(ascii: "-") ? 2 : 1).first != UInt8(ascii: ".") { return nil }
        if written == "-0" || (seenPoint && bytes.allSatisfy { $0 == 48 || $0 == 46 || $0 == 45 }) { return nil }
        return written
    }

    /// The digits of text that a program took for a number: whole and at most 15 digits long, else refused.
    static func digits(_ written: String) throws(Refusal) -> String {
        let text = try decimal(written, fractionDigits: nil)
        let significant = text.filter(\.isNumber).drop { $0 == "0" }
        if significant.count >= 15 || written.uppercased().contains("E") {
            throw Refusal(code: .digitsLost, message: "a long run of digits that the spreadsheet stored as a number, keeping only 15 of them (\(written))",
                          hint: "format the column as text before typing, or type an apostrophe first; then type the value again")
        }
        return text
    }

    private static func name(_ kind: Column.Kind) -> String {
        switch kind {
        case .number: "a number"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .date: "a date"
        case .period: "a period"
        case .url: "an address"
        case .id, .reference, .references: "ids"
        default: "text"
        }
    }
}
