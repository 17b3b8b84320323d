import Foundation

/// Reads the World Bank's indicators as its API (v2, `format=json`) serves them: a list of two, the
/// page's description and its records (`indicator`, `country`, `countryiso3code`, `date`, `value`,
/// `obs_status`, `decimal`); and as its download page's CSV writes them: a few lines about the data
/// source, then a row per country and indicator with a column per year.
///
/// A series is one indicator for one country or aggregate: its dimensions are `INDICATOR` (the
/// indicator's code, `NY.GDP.MKTP.CD`) and `REF_AREA` (the ISO 3166 alpha-3 code, or the World Bank's
/// own code of an aggregate). A missing value (`null`, an empty cell) stays missing.
public struct WorldBankReader: StatisticsFileReader {
    /// The file as the user named it, for errors.
    public let file: String
    /// The dimensions of the World Bank's series.
    public static let dimensions = ["INDICATOR", "REF_AREA"]

    /// A reader of the file called `file` in errors.
    public init(file: String) { self.file = file }

    /// Whether `data` is the API's JSON (a list whose records have `countryiso3code`, or its error
    /// message) or the download page's CSV (starting `"Data Source"`).
    public static func recognizes(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).drop { $0 == "\u{FEFF}" }
        if head.hasPrefix("\"Data Source\"") { return true }
        let compact = head.filter { !$0.isWhitespace }
        return compact.hasPrefix("[{") && (compact.contains("\"countryiso3code\"") || compact.contains("\"lastupdated\"")
                                           || compact.hasPrefix("[{\"message\":["))
    }

    /// Reads the series in `data`; throws `StatisticsFileProblems` listing what cannot be read.
    public func read(_ data: Data, keeping selection: SeriesSelection?) throws -> StatisticsMessage {
        let head = String(decoding: data.prefix(32), as: UTF8.self).drop { $0 == "\u{FEFF}" }
        let cells = head.hasPrefix("\"Data Source\"") ? try csvCells(data) : try jsonCells(data)
        let gathering = try gather(cells, keeping: selection) { cell, gathering in
            let period = try self.period(cell.period, cell.periodLine, cell.periodColumn)
            let value = try cell.value.map { try decimal($0, cell.line, cell.column, missing: "null or empty") }
            let index = gathering.series(key: [("INDICATOR", cell.indicator), ("REF_AREA", cell.area)], dataflow: nil)
            // The indicator's name stands as the series' title, as SDMX's TITLE attribute does.
            var attributes = gathering.series[index].attributes
            if let decimals = cell.decimals { attributes["DECIMALS"] = decimals }
            if let name = cell.indicatorName, !name.isEmpty { attributes["TITLE"] = name }
            gathering.setAttributes(attributes, of: index)
            gathering.add(StatisticalObservation(period: period, value: value, attributes: cell.status.map { ["OBS_STATUS": $0] } ?? [:],
                                                 line: cell.line, column: cell.column), to: index)
        }
        return StatisticsMessage(format: .worldBank, formatVersion: "2", dimensions: Self.dimensions, series: gathering.series)
    }

    /// One value of the file: its indicator, area and period, the value as written (nil when missing), and where.
    struct Cell {
        var indicator: String
        /// The indicator's name, where the file gives it.
        var indicatorName: String?
        var area: String
        var period: String, periodLine: Int, periodColumn: Int
        var value: String?
        var status: String?, decimals: String?
        var line: Int, column: Int
    }

    private func refuse(_ code: StatisticsFileError.Code, _ node: Node, _ message: String, hint: String) -> StatisticsFileProblems {
        StatisticsFileProblems([problem(code, Int(node.position.line), Int(node.position.column), message, hint: hint)])
    }

    private func jsonCells(_ data: Data) throws -> [Cell] {
        let root = try composeJSON(data)
        guard case .sequence(let parts) = root.content, let page = parts.first else {
            throw refuse(.notStatistics, root, "the JSON is not a World Bank API response: it is not a list", hint: "download the data from the World Bank's API again")
        }
        if let message = page["message"], case .sequence(let messages) = message.content {
            let text = messages.compactMap { $0["value"]?.text ?? $0["key"]?.text }.joined(separator: "; ")
            throw refuse(.notStatistics, message, "the World Bank answered with an error instead of data: \(text)", hint: "correct the query and download the data again")
        }
        guard parts.count == 2, case .sequence(let records) = parts[1].content else {
            if parts.count == 2, parts[1].isNull { return [] }
            throw refuse(.notStatistics, root, "the JSON is not a World Bank API response: it is not a page and its records", hint: "download the data from the World Bank's API again")
        }
        return try records.map { record in
            guard let indicator = record["indicator"]?["id"]?.text, let date = record["date"], let dateText = date.text,
                  let area = (record["countryiso3code"]?.text).flatMap({ $0.isEmpty ? nil : $0 }) ?? record["country"]?["id"]?.text,
                  let value = record["value"] else {
                throw refuse(.notStatistics, record, "a record without its indicator, country, date or value", hint: "download the data from the World Bank's API again")
            }
            guard value.isNull || value.text != nil else {
                throw refuse(.invalidNumber, value, "the value is \(value.typeName), not a number", hint: "download the data again")
            }
            let status = record["obs_status"].flatMap { $0.isNull ? nil : $0.text }.flatMap { $0.isEmpty ? nil : $0 }
            return Cell(indicator: indicator, indicatorName: record["indicator"]?["value"]?.text, area: area, period: dateText, periodLine: Int(date.position.line), periodColumn: Int(date.position.column),
                        value: value.isNull ? nil : value.text, status: status, decimals: record["decimal"]?.text,
                        line: Int(value.position.line), column: Int(value.position.column))
        }
    }

    private func csvCells(_ data: Data) throws -> [Cell] {
        var tokenizer = csvTokenizer(data)
        defer { tokenizer.deallocate() }
        var cells: [Cell] = []
        var years: [(index: Int, period: String, column: Int)]?
        var headerLine = 0
        do {
            while try tokenizer.nextRecord() {
                let fields = tokenizer.fields
                let texts = try fields.map { try checkedText($0, of: tokenizer) }
                guard let periods = years else {
                    // The lines about the source come before the header, which starts with "Country Name".
                    if texts.starts(with: ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]) {
                        headerLine = tokenizer.recordLine
                        years = texts.indices.dropFirst(4).filter { !texts[$0].isEmpty }.map { ($0, texts[$0], tokenizer.column(of: fields[$0])) }
                    }
                    continue
                }
                guard texts.count >= 4, periods.allSatisfy({ $0.index < texts.count }) else {
                    throw StatisticsFileProblems([problem(.malformedFile, tokenizer.recordLine, 1, "the row has \(texts.count) fields, fewer than the header's",
                                                          hint: "download the data from the World Bank again")])
                }
                for (index, period, periodColumn) in periods {
                    let field = fields[index]
                    cells.append(Cell(indicator: texts[3], indicatorName: texts[2], area: texts[1], period: period, periodLine: headerLine, periodColumn: periodColumn,
                                      value: texts[index].isEmpty ? nil : texts[index], status: nil, decimals: nil,
                                      line: field.line, column: tokenizer.column(of: field)))
                }
            }
        } catch let problem as CSVTokenizer.Problem {
            throw StatisticsFileProblems([malformed(problem)])
        }
        guard years != nil else {
            throw StatisticsFileProblems([problem(.notStatistics, 1, 1, "the CSV has no header row starting \"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\"",
                                                  hint: "download the data as CSV from the World Bank's data page again")])
        }
        return cells
    }
}
