/// One cell of a sheet as the workbook stores it, before any meaning is given to it.
public struct WorkbookCell: Hashable, Sendable {
    /// What the cell holds.
    public enum Value: Hashable, Sendable {
        /// Text (shared, inline or a formula's string result).
        case text(String)
        /// A number, as its decimal text is written in the file (`0.1`, `43466`, `1.5E-3`).
        case number(String)
        case boolean(Bool)
        /// An error value such as `#REF!`.
        case error(String)
        /// An ISO 8601 date or time as text (the rare `t="d"` cell).
        case isoDate(String)
    }

    /// The zero-based column.
    public var column: Int
    /// The value; a formula's cached result when `hasFormula`.
    public var value: Value
    /// The cell is computed by a formula, other than the constant `TRUE()` or `FALSE()` that LibreOffice
    /// writes for every boolean.
    public var hasFormula: Bool
    /// The index of the cell's style in the workbook's styles.
    public var style: Int
}

/// A cell's place in A1 notation: `E12`.
public enum CellReference {
    /// The most columns a sheet has (XFD).
    public static let maximumColumns = 16_384
    /// The most rows a sheet has.
    public static let maximumRows = 1_048_576

    /// "A", "Z", "AA"… for a zero-based column.
    public static func columnName(_ column: Int) -> String {
        var column = column + 1, name = ""
        while column > 0 {
            let remainder = (column - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            column = (column - 1) / 26
        }
        return name
    }

    /// "E12" for zero-based column 4 of row 12.
    public static func name(column: Int, row: Int) -> String { columnName(column) + String(row) }

    /// The zero-based column and one-based row of `reference` ("E12", "$E$12"); nil when it is none.
    static func parse(_ reference: Substring) -> (column: Int, row: Int)? {
        var column = 0, row = 0, index = reference.utf8.startIndex
        let bytes = reference.utf8
        var letters = 0, digits = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$") {
            } else if digits == 0, byte >= 65, byte <= 90 || (byte >= 97 && byte <= 122) {
                column = column * 26 + Int((byte & 0xDF) - 64)
                letters += 1
                if letters > 3 { return nil }
            } else if byte >= 48, byte <= 57 {
                row = row * 10 + Int(byte - 48)
                digits += 1
                if digits > 7 { return nil }
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard letters > 0, digits > 0, column <= maximumColumns, row >= 1, row <= maximumRows else { return nil }
        return (column - 1, row)
    }
}
