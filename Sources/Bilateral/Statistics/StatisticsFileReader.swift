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
}
