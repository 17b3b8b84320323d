import Foundation

/// A statistics file, whatever its format: the file says what it is (SDMX-CSV, SDMX-ML, SDMX-JSON, UN
/// Comtrade's or the World Bank's JSON or CSV),
/// and is read by the reader of that format, within a bound on its size.
public enum StatisticsFile {
    /// A statistics file larger than this is refused before it is read (a download of one series, or
    /// of a few thousand, is a few megabytes).
    public static let maximumSize = 256 << 20

    /// The reader of the format `data` is in; nil when it is in none of them.
    public static func reader(for data: Data, file: String) -> (any StatisticsFileReader)? {
        if SDMXCSVReader.recognizes(data) { return SDMXCSVReader(file: file) }
        if SDMXMLReader.recognizes(data) { return SDMXMLReader(file: file) }
        if ComtradeReader.recognizes(data) { return ComtradeReader(file: file) }
        if WorldBankReader.recognizes(data) { return WorldBankReader(file: file) }
        if SDMXJSONReader.recognizes(data) { return SDMXJSONReader(file: file) }
        return nil
    }

    /// Reads `data` by its format; throws `StatisticsFileProblems` for a file of no known format or one
    /// that cannot be read.
    public static func read(_ data: Data, file: String, keeping selection: SeriesSelection? = nil) throws -> StatisticsMessage {
        guard data.count <= maximumSize else { throw tooLarge(file) }
        guard let reader = reader(for: data, file: file) else {
            throw StatisticsFileProblems([StatisticsFileError(.notStatistics, file: file, line: 1, column: 1,
                                                              "the file is not a statistics file bilateral reads",
                                                              hint: "download the data as SDMX-CSV (1.0 or 2.x), SDMX-ML 2.1 (structure-specific or generic), SDMX-JSON (1.0 or 2.x), or from UN Comtrade or the World Bank (JSON or CSV)")])
        }
        return try reader.read(data, keeping: selection)
    }

    /// Reads the file at `path` (named `file` in errors) by its format, refusing one larger than
    /// `maximumSize` before reading it.
    public static func read(path: String, file: String) throws -> StatisticsMessage {
        try read(try contents(path: path, file: file), file: file)
    }

    /// The bytes of the file at `path` (named `file` in errors), read at once when it is no larger than
    /// `maximumSize`, refused before reading when larger; throws `StatisticsFileProblems`.
    public static func contents(path: String, file: String) throws -> Data {
        let handle: FileHandle, size: UInt64
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
        } catch {
            throw StatisticsFileProblems([StatisticsFileError(.notStatistics, file: file, line: 0, column: 0, "the file cannot be read",
                                                              hint: "check the file's name and that it is a file that can be read")])
        }
        defer { try? handle.close() }
        guard size <= UInt64(maximumSize) else { throw tooLarge(file) }
        // Read to the size found, and one byte more to tell a file that grew past the bound.
        let data = (try? handle.read(upToCount: Int(size) + 1)) ?? Data()
        guard data.count <= maximumSize else { throw tooLarge(file) }
        return data
    }

    private static func tooLarge(_ file: String) -> StatisticsFileProblems {
        StatisticsFileProblems([StatisticsFileError(.notStatistics, file: file, line: 0, column: 0,
                                                    "the file is larger than \(maximumSize >> 20) MiB",
                                                    hint: "download only the series to import (select them in the agency's query)")])
    }
}
