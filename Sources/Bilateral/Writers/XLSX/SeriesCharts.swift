/// The observations of each series worth charting, gathered while the observations are written, and
/// the "Chart data" sheet and chart sheets made from them: one column chart per series with values
/// for at least `minimumPeriods` periods, one bar per combination of its dimensions.
///
/// A series is not charted when it has more than `maximumPoints` values (a chart of them would not
/// be read) or two values for one period and combination (a chart would have to pick one).
struct SeriesCharts {
    static let minimumPeriods = 2
    static let maximumPoints = 1_000
    static let dataSheet = "Chart data"
    /// Rows above a block's values: title, unit, header.
    static let headerRows = 3

    private struct Point {
        var period: Period
        var line: String
        var value: Number
    }

    private let series: [Series]
    private var points: [String: [Point]] = [:]
    private var tooMany: Set<String> = []

    init(series: [Series]) { self.series = series }

    /// Takes one observation's value; `line` names its combination of dimension values.
    mutating func add(series id: String, period: Period, line: String, value: Number) {
        guard !tooMany.contains(id) else { return }
        points[id, default: []].append(Point(period: period, line: line, value: value))
        if points[id]!.count > Self.maximumPoints {
            tooMany.insert(id)
            points[id] = nil
        }
    }

    /// One chart's table: periods down, lines across.
    struct Chart {
        var series: Series
        var periods: [Period]
        var lines: [String]
        /// values[period][line]
        var values: [[Number?]]
        var format: ValueFormat
    }

    /// The charts, in series order, and why a series with observations got none.
    func charts() -> (charts: [Chart], skipped: [String]) {
        var charts: [Chart] = []
        var skipped: [String] = []
        for series in series {
            if tooMany.contains(series.id) {
                skipped.append("series '\(series.id)' has more than \(Self.maximumPoints) values, too many for a chart")
                continue
            }
            guard let points = points[series.id] else { continue }
            let periods = Array(Set(points.map(\.period))).sorted { ($0.start.firstDay, $0.end?.lastDay ?? 0) < ($1.start.firstDay, $1.end?.lastDay ?? 0) }
            guard periods.count >= Self.minimumPeriods else { continue }
            var lines: [String] = []
            for point in points where !lines.contains(point.line) { lines.append(point.line) }
            var values = Array(repeating: [Number?](repeating: nil, count: lines.count), count: periods.count)
            var clash = false
            for point in points {
                let row = periods.firstIndex(of: point.period)!
                let column = lines.firstIndex(of: point.line)!
                if values[row][column] != nil { clash = true }
                values[row][column] = point.value
            }
            if clash {
                skipped.append("series '\(series.id)' has two values for one period, which a chart cannot show")
                continue
            }
            let digits = points.map(\.value.fractionDigits).max() ?? 0
            charts.append(Chart(series: series, periods: periods, lines: lines.map { $0.isEmpty ? series.title : $0 }, values: values,
                                format: .value(of: series, fractionDigits: digits)))
        }
        return (charts, skipped)
    }

    /// A chart sheet's name: the series id, cut at a hyphen to fit a sheet name.
    static func sheetName(for id: String) -> String {
        var name = ""
        for part in id.split(separator: "-", omittingEmptySubsequences: false) {
            let longer = name.isEmpty ? String(part) : name + "-" + part
            guard longer.count <= SheetNames.maximumLength else { break }
            name = longer
        }
        return name.isEmpty ? String(id.prefix(SheetNames.maximumLength)) : name
    }

    /// Writes the "Chart data" sheet, one block of columns per chart (title, unit, header, then a row
    /// per period, named in the brief's words: `FY2018–19`, `Jul–Dec 2019`, `2019`), and a chart sheet
    /// for each; returns the chart sheets' names.
    static func write(_ charts: [Chart], to workbook: Workbook) throws -> [String] {
        guard !charts.isEmpty else { return [] }
        let sheet = try workbook.addWorksheet(dataSheet)
        var firstColumns: [Int] = []
        var column = 0
        for chart in charts {
            firstColumns.append(column)
            column += chart.lines.count + 2
        }
        let rows = headerRows + (charts.map(\.periods.count).max() ?? 0)
        for row in 0..<rows {
            for (chart, first) in zip(charts, firstColumns) {
                switch row {
                case 0: try sheet.write(chart.series.title, row: row, column: first, style: .header)
                case 1: try sheet.write(ValueFormat.unitLabel(of: chart.series), row: row, column: first)
                case 2:
                    try sheet.write("period", row: row, column: first, style: .header)
                    for (index, line) in chart.lines.enumerated() { try sheet.write(line, row: row, column: first + 1 + index, style: .header) }
                default:
                    let index = row - headerRows
                    guard index < chart.periods.count else { continue }
                    try sheet.write(EnglishDates.shortPeriod(chart.periods[index], kind: chart.series.periodKind,
                                                             fiscalYearStart: chart.series.fiscalYearStart), row: row, column: first)
                    for (offset, value) in chart.values[index].enumerated() {
                        if let value { try sheet.write(value.value, row: row, column: first + 1 + offset, style: .number(chart.format.code)) }
                    }
                }
            }
        }
        var widths: [Double] = []
        for (chart, first) in zip(charts, firstColumns) {
            try sheet.setColumnWidth(first, 18)
            for offset in chart.lines.indices { try sheet.setColumnWidth(first + 1 + offset, 22) }
            widths += [18, 8] + chart.lines.map { _ in 22 }
        }
        try sheet.setUpPrinting(.table(columnWidths: widths))
        var names: [String] = []
        for (chart, first) in zip(charts, firstColumns) {
            let name = workbook.availableSheetName(from: sheetName(for: chart.series.id))
            let spec = ChartSpec(sheet: dataSheet, title: chart.series.title,
                                 axisTitle: ValueFormat.unitLabel(of: chart.series), categoryColumn: first,
                                 firstRow: headerRows, lastRow: headerRows - 1 + chart.periods.count,
                                 lines: chart.lines.enumerated().map { ChartSpec.Line(column: first + 1 + $0.offset, name: $0.element) },
                                 valueAxis: ChartSpec.ValueAxis(values: chart.values.flatMap { $0.compactMap { $0?.value } }))
            try workbook.addChartsheet(name, chart: spec)
            names.append(name)
        }
        return names
    }
}
