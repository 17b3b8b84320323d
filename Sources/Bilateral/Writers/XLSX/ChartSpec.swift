internal import CXLSXWriter

/// A column chart of ranges of a worksheet: categories in one column, one bar series per value
/// column. The title, the axis title and the series names are written into the chart as text, which
/// every spreadsheet program shows (a reference to a cell, with no cached text, shows as "Chart Title"
/// in LibreOffice). A label that starts with `=`, which libxlsxwriter would read as a formula, is
/// written after a zero-width space: the chart shows the text as written, and no text of the dataset
/// is ever taken for a formula. The cells keep the text exactly.
struct ChartSpec: Equatable {
    struct Line: Equatable {
        /// The column holding the line's values.
        var column: Int
        var name: String
    }

    /// Where the value axis starts, so that bars are not cut: at zero for values of one sign.
    enum ValueAxis: Equatable {
        /// Every value is zero or more: the axis runs up from zero.
        case fromZero
        /// Every value is zero or less: the axis runs down to zero.
        case toZero
        /// Values of both signs: the automatic axis crosses zero itself.
        case automatic

        init(values: [Double]) {
            if values.allSatisfy({ $0 >= 0 }) { self = .fromZero } else if values.allSatisfy({ $0 <= 0 }) { self = .toZero } else { self = .automatic }
        }
    }

    /// The sheet holding the data.
    var sheet: String
    var title: String
    var axisTitle: String?
    var categoryColumn: Int
    var firstRow: Int
    var lastRow: Int
    var lines: [Line]
    var valueAxis: ValueAxis

    /// The text as libxlsxwriter takes it literally: one that starts with `=` (which it would read as
    /// a formula) after a zero-width space, which shows as nothing.
    static func literal(_ text: String) -> String { text.hasPrefix("=") ? "\u{200B}" + text : text }

    func build(_ chart: UnsafeMutablePointer<lxw_chart>, place: String) throws {
        try sheet.withCString { sheet in
            chart_title_set_name(chart, Self.literal(title))
            if let axisTitle {
                chart_axis_set_name(chart.pointee.y_axis, Self.literal(axisTitle))
            }
            switch valueAxis {
            case .fromZero: chart_axis_set_min(chart.pointee.y_axis, 0)
            case .toZero: chart_axis_set_max(chart.pointee.y_axis, 0)
            case .automatic: break
            }
            for line in lines {
                guard let series = chart_add_series(chart, nil, nil) else {
                    throw XLSXError(refusing: "libxlsxwriter could not add a chart series", place: place)
                }
                chart_series_set_categories(series, sheet, lxw_row_t(firstRow), lxw_col_t(categoryColumn), lxw_row_t(lastRow), lxw_col_t(categoryColumn))
                chart_series_set_values(series, sheet, lxw_row_t(firstRow), lxw_col_t(line.column), lxw_row_t(lastRow), lxw_col_t(line.column))
                chart_series_set_name(series, Self.literal(line.name))
            }
            if lines.count < 2 { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        }
    }
}
