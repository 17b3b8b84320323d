/// A statistics file that cannot be read as what it claims to be, or a value in it that cannot be taken
/// as it is: where (`file:line:column`), a stable code, what is wrong and what to do.
public struct StatisticsFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable codes of statistics files' errors.
    public enum Code: String, Sendable, CaseIterable {
        /// The file is not in the format it looks like (a CSV without SDMX's columns, JSON of another shape).
        case notStatistics = "not-statistics"
        /// The file's CSV, JSON or XML is malformed.
        case malformedFile = "malformed-statistics-file"
        /// A time period of no known form.
        case invalidPeriod = "invalid-period"
        /// A value that is not a decimal number (`..`, `-`, `12.5 p`).
        case invalidNumber = "invalid-statistic"
        /// Two observations of one series for one period.
        case duplicateObservation = "duplicate-observation"
        /// An attribute that changes within a series where it must hold for the whole series (`UNIT_MULT`).
        case inconsistentAttribute = "inconsistent-attribute"
        /// A scale, status or frequency the dataset has no word for, or a series that mixes frequencies.
        case unsupportedValue = "unsupported-attribute"
        /// A row that deletes data, which an import cannot take from a download.
        case unsupportedAction = "unsupported-action"
    }

    /// The code.
    public var code: Code
    /// The file, as the user named it.
    public var file: String
    /// Where, 1-based; 0 when the error concerns the whole file.
    public var line: Int, column: Int
    /// What is wrong.
    public var message: String
    /// What to do.
    public var hint: String

    /// An error at `line`, `column` of `file`.
    public init(_ code: Code, file: String, line: Int, column: Int, _ message: String, hint: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error[code]: message (hint: …)`, with any control character of a value made visible.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return VisibleText.escaped("\(place): error[\(code.rawValue)]: \(message)") + " (hint: \(VisibleText.escaped(hint)))"
    }
}
