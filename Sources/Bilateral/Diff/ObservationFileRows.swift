import Foundation

/// The rows of a series' observations file that differ between two versions, read as observations.
///
/// Identical files are set aside whole; otherwise, when both headers are the same, rows identical byte
/// for byte are paired and only the rest are parsed, each keeping its line in its own file. Rows that
/// cannot be read are counted, not guessed at.
enum ObservationFileRows {
    struct Unpaired {
        var old: [Observation] = []
        var new: [Observation] = []
        var unreadable = 0
    }

    static func unpaired(old: (Series, DatasetFiles)?, new: (Series, DatasetFiles)?) throws -> Unpaired {
        let oldData = try old.flatMap(read), newData = try new.flatMap(read)
        // Identical rows are the same observations only when the series' scale is the same.
        let sameScale = old?.0.scale == new?.0.scale
        var result = Unpaired()
        switch (oldData, newData) {
        case (nil, nil):
            break
        case (let oldData?, let newData?) where oldData == newData && sameScale:
            break
        case (let oldData?, let newData?):
            let oldRows = CSVRows(oldData), newRows = CSVRows(newData)
            let sameHeader = oldRows.count > 0 && newRows.count > 0 && oldRows.bytes(0) == newRows.bytes(0) && sameScale
            let rows = sameHeader ? CSVRows.unpairedRows(oldRows, newRows)
                : (old: oldRows.dataRows, new: newRows.dataRows)
            (result.old, result.unreadable) = parse(rows.old, of: oldRows, old!)
            let parsed = parse(rows.new, of: newRows, new!)
            result.new = parsed.observations
            result.unreadable += parsed.unreadable
        case (let oldData?, nil):
            let rows = CSVRows(oldData)
            (result.old, result.unreadable) = parse(rows.dataRows, of: rows, old!)
        case (nil, let newData?):
            let rows = CSVRows(newData)
            (result.new, result.unreadable) = parse(rows.dataRows, of: rows, new!)
        }
        return result
    }

    private static func read(_ version: (series: Series, files: DatasetFiles)) throws -> Data? {
        guard let path = version.series.observationsFile else { return nil }
        do {
            return try version.files.read(path)
        } catch {
            throw DiffError.unreadableFile(version.files.displayPath(path), series: version.series.id)
        }
    }

    /// The given rows, after the header, read as observations of the series the way validation reads
    /// them, each with its line in the original file.
    private static func parse(_ indices: [Int], of rows: CSVRows, _ version: (series: Series, files: DatasetFiles))
        -> (observations: [Observation], unreadable: Int) {
        guard !indices.isEmpty, let path = version.series.observationsFile else { return ([], 0) }
        var excerpt = rows.bytes(0)
        excerpt.append(UInt8(ascii: "\n"))
        // The excerpt's line of each row's start, mapped to the row's line in the file.
        var lines: [Int: Int] = [:]
        var line = 2 + rows.bytes(0).count { $0 == UInt8(ascii: "\n") }
        for index in indices {
            let bytes = rows.bytes(index)
            lines[line] = rows.lines[index]
            excerpt.append(bytes)
            excerpt.append(UInt8(ascii: "\n"))
            line += 1 + bytes.count { $0 == UInt8(ascii: "\n") }
        }
        let display = version.files.displayPath(path)
        var checker = ObservationFileChecker(series: version.series, files: Excerpt(path: path, display: display, data: excerpt),
                                             limit: Int.max)
        var log = FindingLog()
        var observations: [Observation] = []
        observations.reserveCapacity(indices.count)
        try? checker.check(&log) { observation in
            var observation = observation
            let line = lines[observation.origin.location.line] ?? observation.origin.location.line
            observation.origin = Origin(location: SourceLocation(file: display, line: line, column: 1))
            observations.append(observation)
        }
        return (observations, indices.count - observations.count)
    }

    /// Chosen rows of an observations file, standing in for the file.
    private struct Excerpt: DatasetFiles {
        let path: String
        let display: String
        let data: Data

        func displayPath(_ relativePath: String) -> String { display }
        func read(_ relativePath: String) throws -> Data { data }
        func open(_ relativePath: String) throws -> ByteStream { DataByteStream(data) }
    }
}

/// Why two versions could not be compared.
public enum DiffError: Error, CustomStringConvertible {
    case unreadableFile(String, series: String)
    /// A version whose document could not be read as a dataset, with its first error.
    case unreadableDataset(String, firstError: Finding?, errors: Int)

    /// The message, as `bilateral` prints it.
    public var description: String {
        switch self {
        case .unreadableFile(let path, let series):
            "cannot read '\(path)', the observations file of series '\(series)'"
        case .unreadableDataset(let name, let first, let errors):
            "cannot compare '\(name)': it has \(errors) error\(errors == 1 ? "" : "s") that keep records from being read"
                + (first.map { " (first: \($0.location): \($0.message))" } ?? "") + "; run 'bilateral validate' on it"
        }
    }
}
