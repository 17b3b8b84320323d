internal import CXLSXWriter

/// A column chart of ranges of a worksheet: categories in one column, one bar series per value
/// column. The title, the axis title and the series names are written into the chart as text, which
/// every spreadsheet program shows (a reference to a cell, with no cached text, shows as "Chart Title"
/// in LibreOffice); a label that starts with `=`, which libxlsxwriter would read as a formula, is
/// referred to by its cell instead, so no text of the dataset is ever taken for a formula.
struct ChartSpec: Equatable {
    struct Line: Equatable {
        /// The cell holding the line's name.
        var nameRow: Int
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
    var titleCell: (row: Int, column: Int)
    var axisTitle: String?
    var axisTitleCell: (row: Int, column: Int)?
    var categoryColumn: Int
    var firstRow: Int
    var lastRow: Int
    var lines: [Line]
    var valueAxis: ValueAxis

    static func == (a: ChartSpec, b: ChartSpec) -> Bool {
        a.sheet == b.sheet && a.title == b.title && a.titleCell == b.titleCell && a.axisTitle == b.axisTitle
            && a.axisTitleCell?.row == b.axisTitleCell?.row && a.axisTitleCell?.column == b.axisTitleCell?.column
            && a.categoryColumn == b.categoryColumn && a.firstRow == b.firstRow && a.lastRow == b.lastRow && a.lines == b.lines
            && a.valueAxis == b.valueAxis
    }

    /// The text as libxlsxwriter takes it literally, or nil when it would read it as a formula.
    static func literal(_ text: String) -> String? { text.hasPrefix("=") ? nil : text }

    /// Sets a label as text, or by its cell when libxlsxwriter would read the text as a formula.
    private static func label(_ value: String, text: (String) -> Void, cell: () -> Void) {
        if let literal = literal(value) { text(literal) } else { cell() }
    }

    func build(_ chart: UnsafeMutablePointer<lxw_chart>, place: String) throws {
        try sheet.withCString { sheet in
            Self.label(title, text: { chart_title_set_name(chart, $0) },
                       cell: { chart_title_set_name_range(chart, sheet, lxw_row_t(titleCell.row), lxw_col_t(titleCell.column)) })
            if let axis = axisTitleCell, let axisTitle {
                Self.label(axisTitle, text: { chart_axis_set_name(chart.pointee.y_axis, $0) },
                           cell: { chart_axis_set_name_range(chart.pointee.y_axis, sheet, lxw_row_t(axis.row), lxw_col_t(axis.column)) })
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
                Self.label(line.name, text: { chart_series_set_name(series, $0) },
                           cell: { chart_series_set_name_range(series, sheet, lxw_row_t(line.nameRow), lxw_col_t(line.column)) })
            }
            if lines.count < 2 { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        }
    }
}
