import Foundation

/// A reader of one format of statistics file: it tells its format from the first bytes, and reads a
/// file into series or lists, at their places, what cannot be read.
public protocol StatisticsFileReader {
    /// The file as the user named it, for errors.
    var file: String { get }
    /// Whether `data` starts as a file of the reader's format does.
    static func recognizes(_ data: Data) -> Bool
    /// Reads the message in `data`; throws `StatisticsFileProblems` listing what cannot be read.
    func read(_ data: Data) throws -> StatisticsMessage
}

extension StatisticsFileReader {
    /// An error of `code` at `line`, `column` of the reader's file.
    func problem(_ code: StatisticsFileError.Code, _ line: Int, _ column: Int, _ message: String, hint: String) -> StatisticsFileError {
        StatisticsFileError(code, file: file, line: line, column: column, message, hint: hint)
    }

    /// The period `text` names, or an `invalid-period` error at `line`, `column`.
    func period(_ text: String, _ line: Int, _ column: Int) throws -> StatisticalPeriod {
        guard let period = StatisticalPeriod(text) else {
            throw problem(.invalidPeriod, line, column, "'\(text)' is not a time period",
                          hint: "periods are written 2023, 2023-Q4, 2023-07 or 2023-M07, 2023-S1, 2023-W05 or 2023-07-14")
        }
        return period
    }

    /// `text` as a plain decimal, or an `invalid-statistic` error at `line`, `column`; `missing` says how
    /// the format marks a missing value.
    func decimal(_ text: String, _ line: Int, _ column: Int, missing: String) throws -> String {
        guard let decimal = StatisticalNumber.plainDecimal(text) else {
            throw problem(.invalidNumber, line, column, "'\(text)' is not a number",
                          hint: "a value is a decimal number (1234.5); a missing one is \(missing), with its status in OBS_STATUS")
        }
        return decimal
    }
}
