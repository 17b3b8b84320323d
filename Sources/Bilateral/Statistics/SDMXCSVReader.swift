import Foundation

/// Reads SDMX-CSV data messages, version 1.0 (a first column `DATAFLOW`) and 2.x (`STRUCTURE`,
/// `STRUCTURE_ID`, optional `ACTION`, `SERIES_KEY`, `OBS_KEY` and `STRUCTURE_NAME`), as the IMF, OECD,
/// Eurostat, the ECB and other agencies serve them.
///
/// Without the data structure definition, the columns are told apart as agencies lay them out, in the
/// definition's order: `TIME_PERIOD` is the time (the last dimension), `OBS_VALUE` the value, the columns
/// before the first of the two the dimensions, the others attributes. A file in another order cannot
/// hide a mistake: two observations that would fall into one series for one period are refused as
/// duplicates, and an attribute taken for a dimension splits a series, which a selection then shows.
///
/// - Labels: `labels=both` cells (`PK: Pakistan`) are read as their codes; `labels=name` columns
///   (after `STRUCTURE_NAME`) are skipped.
/// - Values: decimal numbers (`1234.5`, `-0.25`, `1.5E3`, written out exactly as `1500`); with the
///   semicolon separator of a localised file, a decimal comma (`12,4`). Empty cells, `NaN` and `#N/A`
///   are missing values, which the series leaves out. Anything else is refused, never guessed.
public struct SDMXCSVReader: StatisticsFileReader {
    /// The file as the user named it, for errors.
    public let file: String
    /// A reader of the file called `file` in errors.
    public init(file: String) { self.file = file }

    /// Whether `data` starts as an SDMX-CSV message does (its first header is `STRUCTURE` or `DATAFLOW`).
    public static func recognizes(_ data: Data) -> Bool { header(of: data) != nil }

    /// Reads the message in `data`; throws `StatisticsFileProblems` listing what cannot be read.
    public func read(_ data: Data, keeping selection: SeriesSelection?) throws -> StatisticsMessage {
        guard let (version, separator) = Self.header(of: data) else {
            throw StatisticsFileProblems([StatisticsFileError(.notStatistics, file: file, line: 1, column: 1,
                                                              "the file is not SDMX-CSV: its first column is not STRUCTURE (SDMX-CSV 2) or DATAFLOW (SDMX-CSV 1)",
                                                              hint: "download the data as SDMX-CSV, or give a file in another supported format")])
        }
        var problems: [StatisticsFileError] = []
        var tokenizer = csvTokenizer(data, separator: separator)
        defer { tokenizer.deallocate() }
        do {
            guard try tokenizer.nextRecord() else { throw problem(.notStatistics, 1, 1, "the file is empty", hint: "download the data again") }
            let layout = try Layout(headers: tokenizer.fields.map { tokenizer.text($0) }, version: version, reader: self)
            var rows = Rows(layout: layout, keeping: selection)
            while try tokenizer.nextRecord() {
                do {
                    try rows.add(record: tokenizer, reader: self, separator: separator)
                } catch let error as StatisticsFileError {
                    problems.append(error)
                    if problems.count >= Self.errorLimit { break }
                }
            }
            problems += rows.gathering.duplicates(self).prefix(max(0, Self.errorLimit - problems.count))
            guard problems.isEmpty else { throw StatisticsFileProblems(problems) }
            return StatisticsMessage(format: .sdmxCSV, formatVersion: version, dimensions: layout.dimensions.map(\.id), series: rows.gathering.series)
        } catch let error as StatisticsFileError {
            throw StatisticsFileProblems(problems + [error])
        } catch let error as CSVTokenizer.Problem {
            throw StatisticsFileProblems(problems + [malformed(error)])
        }
    }

    /// The format version and the field separator, when `data` starts with SDMX-CSV's first header:
    /// `STRUCTURE` (optionally `STRUCTURE[;]`, naming the sub-field separator) or `DATAFLOW`, then the separator.
    private static func header(of data: Data) -> (version: String, separator: UInt8)? {
        let bytes = [UInt8](withoutByteOrderMark(data).prefix(64))
        for (word, version) in [("STRUCTURE", "2.0"), ("DATAFLOW", "1.0")] {
            let expected = Array(word.utf8)
            guard bytes.starts(with: expected) else { continue }
            var index = expected.count
            if version == "2.0", index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
                index = close + 1
            }
            guard index < bytes.count else { return nil }
            let separator = bytes[index]
            guard [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")].contains(separator) else { return nil }
            return (version, separator)
        }
        return nil
    }
}

extension SDMXCSVReader {
    /// A component column: the component's id and the column it is in.
    struct Component {
        var id: String
        var index: Int
    }

    /// Which column holds what, from the header row.
    struct Layout {
        var structure: Int
        var structureID: Int?
        var action: Int?
        var time: Component
        var value: Component
        var dimensions: [Component]
        var attributes: [Component]
        /// Cells are written `CODE: Name` (`labels=both`).
        var labelled: Bool
        var columnCount: Int

        init(headers: [String], version: String, reader: SDMXCSVReader) throws {
            columnCount = headers.count
            structure = 0
            var index = 1
            if version == "2.0" {
                guard headers.count > 1, headers[1] == "STRUCTURE_ID" else {
                    throw reader.problem(.notStatistics, 1, 2, "the second column of SDMX-CSV 2 is STRUCTURE_ID", hint: "download the data as SDMX-CSV again")
                }
                structureID = 1
                index = 2
            }
            var namesFollow = false
            var time: Component?, value: Component?
            var dimensions: [Component] = [], attributes: [Component] = []
            var labelled = false
            var seen: Set<String> = []
            while index < headers.count {
                let header = headers[index]
                switch header {
                case "STRUCTURE_NAME" where index == 2: namesFollow = true; index += 1; continue
                case "ACTION": action = index; index += 1; continue
                case "SERIES_KEY", "OBS_KEY": index += 1; continue
                default: break
                }
                // `DIM_1: Dimension 1` with labels=both; `ATTR_1[]` for a multi-valued component.
                var id = header
                if let colon = header.range(of: ": ") { id = String(header[..<colon.lowerBound]); labelled = true }
                if let bracket = id.firstIndex(of: "[") { id = String(id[..<bracket]) }
                guard !id.isEmpty, seen.insert(id).inserted else {
                    throw reader.problem(.notStatistics, 1, index + 1, id.isEmpty ? "a column without a name" : "the column '\(id)' is written twice",
                                         hint: "download the data as SDMX-CSV again")
                }
                let component = Component(id: id, index: index)
                if id == "TIME_PERIOD" {
                    time = component
                } else if id == "OBS_VALUE" {
                    value = component
                } else if time == nil, value == nil, Self.isIdentifier(id) {
                    dimensions.append(component)
                } else {
                    // Attributes, and custom columns (`LAST UPDATE`, `UPDATED`), which nothing reads but the attributes.
                    attributes.append(component)
                }
                index += namesFollow ? 2 : 1
            }
            guard let time else {
                throw reader.problem(.notStatistics, 1, 1, "the file has no TIME_PERIOD column, so its observations have no periods",
                                     hint: "download time series (with the time dimension), not a cross-section")
            }
            guard let value else {
                throw reader.problem(.notStatistics, 1, 1, "the file has no OBS_VALUE column, so it holds no values",
                                     hint: "download the data with their observation values")
            }
            self.time = time
            self.value = value
            self.dimensions = dimensions
            self.attributes = attributes
            self.labelled = labelled
        }

        /// Whether `text` is an SDMX identifier (letters, digits, `_`, `@`, `$`, `-`, starting with a letter),
        /// as every component's id is; custom columns may be named otherwise.
        private static func isIdentifier(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return false }
            return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_@$-".unicodeScalars.contains($0) }
        }
    }

    /// The rows of a file, read into series.
    struct Rows {
        let layout: Layout
        private(set) var gathering: SeriesGathering
        /// The bytes of a row's series key, reused from row to row.
        private var lookup: [UInt8] = []

        init(layout: Layout, keeping selection: SeriesSelection?) {
            self.layout = layout
            gathering = SeriesGathering(keeping: selection)
        }

        mutating func add(record tokenizer: CSVTokenizer, reader: SDMXCSVReader, separator: UInt8) throws {
            let fields = tokenizer.fields
            let line = tokenizer.recordLine
            guard fields.count == layout.columnCount else {
                throw reader.problem(.malformedFile, line, 1, "the row has \(fields.count) fields where the header has \(layout.columnCount)",
                                     hint: "every row of SDMX-CSV has the header's columns")
            }
            func text(_ index: Int) throws -> String { try reader.checkedText(fields[index], of: tokenizer) }
            func code(_ index: Int) throws -> String {
                let value = try text(index)
                guard layout.labelled, let colon = value.range(of: ": ") else { return value }
                return String(value[..<colon.lowerBound])
            }
            func place(_ index: Int) -> (line: Int, column: Int) { (fields[index].line, tokenizer.column(of: fields[index])) }

            if let action = layout.action, case let act = try text(action), act == "D" {
                throw reader.problem(.unsupportedAction, line, tokenizer.column(of: fields[action]), "the row deletes data (ACTION D)",
                                     hint: "import a download of the data as they are, not a message of changes")
            }
            // The series, found by its key's bytes as written; only a new key is read into codes. The rows
            // of a series the selection leaves out are not read further.
            lookup.removeAll(keepingCapacity: true)
            lookup.append(contentsOf: tokenizer.raw(fields[layout.structureID ?? layout.structure]))
            for dimension in layout.dimensions {
                lookup.append(0x1F)
                lookup.append(contentsOf: tokenizer.raw(fields[dimension.index]))
            }
            let lookupText = String(decoding: lookup, as: UTF8.self)
            let index: Int
            if let known = gathering.index(lookup: lookupText) {
                index = known
            } else {
                var key: [String] = []
                for dimension in layout.dimensions { key.append(try code(dimension.index)) }
                // SDMX-CSV 2 names the dataflow in STRUCTURE_ID, SDMX-CSV 1 in DATAFLOW.
                let dataflow = Dataflow(sdmx: try code(layout.structureID ?? layout.structure))
                index = gathering.series(key: Array(zip(layout.dimensions.map(\.id), key)), dataflow: dataflow)
                gathering.remember(lookupText, as: index)
            }
            guard gathering.keeps(index) else { return }
            let timeAt = place(layout.time.index)
            let period = try reader.period(try code(layout.time.index), timeAt.line, timeAt.column)
            let valueAt = place(layout.value.index)
            let value = try Self.number(try code(layout.value.index), separator: separator, reader: reader, at: valueAt)
            var attributes: [String: String] = [:]
            for attribute in layout.attributes {
                let text = try code(attribute.index)
                if !text.isEmpty { attributes[attribute.id] = text }
            }
            gathering.add(StatisticalObservation(period: period, value: value, attributes: attributes, line: valueAt.line, column: valueAt.column), to: index)
            // The series' attributes are those every observation gives alike.
            let first = gathering.series[index].observations.count == 1
            gathering.setAttributes(first ? attributes : gathering.series[index].attributes.filter { attributes[$0.key] == $0.value }, of: index)
        }

        /// The value of a cell: a decimal number as the dataset writes it, or nil when the file marks it missing.
        static func number(_ text: String, separator: UInt8, reader: SDMXCSVReader, at place: (line: Int, column: Int)) throws -> String? {
            if text.isEmpty || text == "NaN" || text == "#N/A" { return nil }
            var written = text
            if separator == UInt8(ascii: ";"), !written.contains("."), written.filter({ $0 == "," }).count == 1 {
                written = written.replacingOccurrences(of: ",", with: ".")
            }
            guard let decimal = StatisticalNumber.plainDecimal(written) else {
                return try reader.decimal(text, place.line, place.column, missing: "left empty, NaN or #N/A")
            }
            return decimal
        }
    }
}
