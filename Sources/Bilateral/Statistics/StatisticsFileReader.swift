import Foundation

/// A reader of one format of statistics file: it tells its format from the first bytes, and reads a
/// file into series or lists, at their places, what cannot be read.
public protocol StatisticsFileReader {
    /// The file as the user named it, for errors.
    var file: String { get }
    /// Whether `data` starts as a file of the reader's format does.
    static func recognizes(_ data: Data) -> Bool
    /// Reads the message in `data`, keeping the observations of the series `selection` picks (every
    /// series' when nil; the others are listed with their keys only, and their values need not be read);
    /// throws `StatisticsFileProblems` listing what cannot be read.
    func read(_ data: Data, keeping selection: SeriesSelection?) throws -> StatisticsMessage
}

extension StatisticsFileReader {
    /// Reads every series of the message in `data`.
    public func read(_ data: Data) throws -> StatisticsMessage { try read(data, keeping: nil) }

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

    /// At most this many errors are reported for a file; the rest are not looked for.
    public static var errorLimit: Int { 50 }

    /// The series that `add` gathers from each of `items`; an item `add` refuses is an error of the file,
    /// and so is an observation that repeats a period of its series. Throws `StatisticsFileProblems`.
    func gather<Item>(_ items: [Item], keeping selection: SeriesSelection?, _ add: (Item, inout SeriesGathering) throws -> Void) throws -> SeriesGathering {
        var gathering = SeriesGathering(keeping: selection)
        var problems: [StatisticsFileError] = []
        for item in items {
            do {
                try add(item, &gathering)
            } catch let error as StatisticsFileError {
                problems.append(error)
                if problems.count >= Self.errorLimit { break }
            }
        }
        problems += gathering.duplicates(self).prefix(max(0, Self.errorLimit - problems.count))
        guard problems.isEmpty else { throw StatisticsFileProblems(problems) }
        return gathering
    }

    /// `data` composed as the dataset loader composes JSON (lines, columns, nesting bounded), or the
    /// problems that make it malformed.
    func composeJSON(_ data: Data) throws -> Node {
        var log = FindingLog()
        if let root = YAMLComposer.compose(data, file: file, log: &log), log.findings.isEmpty { return root }
        throw StatisticsFileProblems(log.findings.isEmpty ? [problem(.notStatistics, 1, 1, "the file holds no JSON value", hint: "download the data again")]
            : log.findings.prefix(Self.errorLimit).map {
                problem(.malformedFile, $0.location.line, $0.location.column, "the JSON is malformed: \($0.message)", hint: "download the data again")
            })
    }

    /// A CSV field's text, when it is text as written: valid UTF-8 and no control character but a tab.
    func checkedText(_ field: CSVTokenizer.Field, of tokenizer: CSVTokenizer) throws -> String {
        if field.needsCheck {
            guard let valid = String(validating: tokenizer.raw(field), as: UTF8.self),
                  valid.unicodeScalars.allSatisfy({ ($0.value >= 0x20 || $0 == "\t") && $0.value != 0x7F }) else {
                throw problem(.malformedFile, field.line, tokenizer.column(of: field), "the text is not valid UTF-8 or holds a control character",
                              hint: "download the data again, as UTF-8")
            }
        }
        return tokenizer.text(field)
    }

    /// A CSV tokenizer over a whole file held in memory, past its byte-order mark, with a buffer of the
    /// file's size (the tokenizer grows it for a longer record); the caller deallocates it.
    func csvTokenizer(_ data: Data, separator: UInt8 = UInt8(ascii: ",")) -> CSVTokenizer {
        let text = withoutByteOrderMark(data)
        return CSVTokenizer(stream: DataByteStream(text), separator: separator, chunkSize: max(256, min(text.count + 1, 1 << 20)))
    }

    /// Malformed CSV as an error of the file.
    func malformed(_ problem: CSVTokenizer.Problem) -> StatisticsFileError {
        self.problem(.malformedFile, problem.line, problem.column, problem.message, hint: problem.hint)
    }
}

/// `data` without the UTF-8 byte-order mark some programs write first.
func withoutByteOrderMark(_ data: Data) -> Data {
    data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
}
