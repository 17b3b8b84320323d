import Foundation

/// Reads UN Comtrade's trade data as its API serves it (`comtradeapi.un.org/data/v1/get/…`: an object
/// whose `data` lists one record per reporter, partner, flow, commodity and period) and as its web site's
/// CSV download writes the same records, a column per field.
///
/// A record's series is its trade flow: the type (goods or services), frequency, reporter, flow,
/// partner, second partner, classification, commodity, customs procedure and mode of transport. Its
/// period is `refYear` (and `refMonth` for monthly data); its value `primaryValue` in US dollars, kept
/// as written. Whether the reporter reported the figure or Comtrade estimated it (`isReported`,
/// `isAggregate`, `legacyEstimationFlag`) stays with the observation.
public struct ComtradeReader: StatisticsFileReader {
    /// The file as the user named it, for errors.
    public let file: String
    /// The fields that tell one trade flow from another, in the order a key lists them.
    public static let dimensions = ["typeCode", "freqCode", "reporterISO", "flowCode", "partnerISO", "partner2ISO",
                                    "classificationCode", "cmdCode", "customsCode", "mosCode", "motCode"]
    /// The fields kept with each observation: whether it was reported, aggregated or estimated.
    static let observationAttributes = ["isReported", "isAggregate", "legacyEstimationFlag"]

    /// A reader of the file called `file` in errors.
    public init(file: String) { self.file = file }

    /// Whether `data` is Comtrade's JSON (an object with `elapsedTime` or `count` and `data`) or its CSV
    /// (a header starting with `typeCode,freqCode`).
    public static func recognizes(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).drop { $0 == "\u{FEFF}" }
        if head.hasPrefix("typeCode,freqCode,") { return true }
        let compact = head.filter { !$0.isWhitespace }
        return compact.hasPrefix("{") && compact.contains("\"data\":[")
            && (compact.contains("\"elapsedTime\":") || compact.contains("\"primaryValue\"") || compact.contains("\"reporterCode\""))
    }

    /// Reads the records in `data`; throws `StatisticsFileProblems` listing what cannot be read.
    public func read(_ data: Data, keeping selection: SeriesSelection?) throws -> StatisticsMessage {
        let gathering = try gather(try records(data), keeping: selection) { record, gathering in
            let key = try Self.dimensions.map { dimension in
                guard let code = record.fields[dimension] else {
                    throw problem(.notStatistics, record.line, record.column, "the record has no \(dimension)",
                                  hint: "download the data from Comtrade again, with all of its columns")
                }
                return (dimension: dimension, code: code)
            }
            gathering.add(try observation(record), to: gathering.series(key: key, dataflow: nil))
        }
        return StatisticsMessage(format: .comtrade, formatVersion: "1", dimensions: Self.dimensions, series: gathering.series)
    }

    /// One record of the file: its fields' texts by name (a JSON `null` or an empty cell left out), and where it starts.
    struct Record {
        var fields: [String: String]
        var line: Int, column: Int
        /// Where each field's value is written.
        var places: [String: (line: Int, column: Int)]
    }

    private func observation(_ record: Record) throws -> StatisticalObservation {
        guard let yearText = record.fields["refYear"] else {
            throw problem(.invalidPeriod, record.line, record.column, "the record has no refYear", hint: "download the data from Comtrade again")
        }
        let place = record.places["refYear"] ?? (record.line, record.column)
        // Comtrade's months are refMonth 1 to 12; an annual record has refMonth 52.
        let month = record.fields["freqCode"] == "M" ? record.fields["refMonth"].flatMap { Int($0) } : nil
        let periodText = month.map { "\(yearText)-\($0 < 10 ? "0" : "")\($0)" } ?? yearText
        let period = try self.period(periodText, place.line, place.column)
        let valuePlace = record.places["primaryValue"] ?? (record.line, record.column)
        let value = try record.fields["primaryValue"].map { try decimal($0, valuePlace.line, valuePlace.column, missing: "null or empty") }
        var attributes: [String: String] = [:]
        for name in Self.observationAttributes { attributes[name] = record.fields[name] }
        return StatisticalObservation(period: period, value: value, attributes: attributes, line: valuePlace.line, column: valuePlace.column)
    }

    /// The records of the JSON response or of the CSV download.
    private func records(_ data: Data) throws -> [Record] {
        let head = String(decoding: data.prefix(16), as: UTF8.self).drop { $0 == "\u{FEFF}" }
        return head.hasPrefix("typeCode") ? try csvRecords(data) : try jsonRecords(data)
    }

    private func jsonRecords(_ data: Data) throws -> [Record] {
        let root = try composeJSON(data)
        if let error = root["error"], !error.isNull, let text = error.text, !text.isEmpty {
            throw StatisticsFileProblems([problem(.notStatistics, Int(root.position.line), Int(root.position.column),
                                                  "Comtrade answered with an error instead of data: \(text)", hint: "correct the query and download the data again")])
        }
        guard let list = root["data"], case .sequence(let items) = list.content else {
            throw StatisticsFileProblems([problem(.notStatistics, Int(root.position.line), Int(root.position.column),
                                                  "the JSON is not a Comtrade response: it has no list of data", hint: "download the data from Comtrade's API again")])
        }
        return try items.map { item in
            guard case .mapping(let entries) = item.content else {
                throw StatisticsFileProblems([problem(.notStatistics, Int(item.position.line), Int(item.position.column),
                                                      "a record that is not an object", hint: "download the data from Comtrade's API again")])
            }
            var record = Record(fields: [:], line: Int(item.position.line), column: Int(item.position.column), places: [:])
            for entry in entries where !entry.value.isNull {
                guard let text = entry.value.text else { continue }
                record.fields[entry.key] = text
                record.places[entry.key] = (Int(entry.value.position.line), Int(entry.value.position.column))
            }
            return record
        }
    }

    private func csvRecords(_ data: Data) throws -> [Record] {
        var tokenizer = csvTokenizer(data)
        defer { tokenizer.deallocate() }
        var records: [Record] = []
        do {
            guard try tokenizer.nextRecord() else { return [] }
            let header = tokenizer.fields.map { tokenizer.text($0) }
            while try tokenizer.nextRecord() {
                let fields = tokenizer.fields
                guard fields.count == header.count else {
                    throw StatisticsFileProblems([problem(.malformedFile, tokenizer.recordLine, 1, "the row has \(fields.count) fields where the header has \(header.count)",
                                                          hint: "download the data from Comtrade again")])
                }
                var record = Record(fields: [:], line: tokenizer.recordLine, column: 1, places: [:])
                for (name, field) in zip(header, fields) {
                    let value: String
                    do { value = try checkedText(field, of: tokenizer) } catch let error as StatisticsFileError { throw StatisticsFileProblems([error]) }
                    guard !value.isEmpty else { continue }
                    record.fields[name] = value
                    record.places[name] = (field.line, tokenizer.column(of: field))
                }
                records.append(record)
            }
        } catch let problem as CSVTokenizer.Problem {
            throw StatisticsFileProblems([malformed(problem)])
        }
        return records
    }
}
