internal import CXLSXWriter

/// A column chart of ranges of a worksheet: categories in one column, one bar series per value
/// column. Every label (title, axis, series names) is read from a cell, so no text of the dataset
/// is ever taken for a formula.
struct ChartSpec: Equatable {
    struct Line: Equatable {
        /// The cell holding the line's name.
        var nameRow: Int
        var column: Int
    }

    /// The sheet holding the data.
    var sheet: String
    var titleCell: (row: Int, column: Int)
    var axisTitleCell: (row: Int, column: Int)?
    var categoryColumn: Int
    var firstRow: Int
    var lastRow: Int
    var lines: [Line]

    static func == (a: ChartSpec, b: ChartSpec) -> Bool {
        a.sheet == b.sheet && a.titleCell == b.titleCell && a.axisTitleCell?.row == b.axisTitleCell?.row
            && a.axisTitleCell?.column == b.axisTitleCell?.column && a.categoryColumn == b.categoryColumn
            && a.firstRow == b.firstRow && a.lastRow == b.lastRow && a.lines == b.lines
    }

    func build(_ chart: UnsafeMutablePointer<lxw_chart>, place: String) throws {
        try sheet.withCString { sheet in
            chart_title_set_name_range(chart, sheet, lxw_row_t(titleCell.row), lxw_col_t(titleCell.column))
            if let axis = axisTitleCell { chart_axis_set_name_range(chart.pointee.y_axis, sheet, lxw_row_t(axis.row), lxw_col_t(axis.column)) }
            for line in lines {
                guard let series = chart_add_series(chart, nil, nil) else {
                    throw XLSXError(refusing: "libxlsxwriter could not add a chart series", place: place)
                }
                chart_series_set_categories(series, sheet, lxw_row_t(firstRow), lxw_col_t(categoryColumn), lxw_row_t(lastRow), lxw_col_t(categoryColumn))
                chart_series_set_values(series, sheet, lxw_row_t(firstRow), lxw_col_t(line.column), lxw_row_t(lastRow), lxw_col_t(line.column))
                chart_series_set_name_range(series, sheet, lxw_row_t(line.nameRow), lxw_col_t(line.column))
            }
            if lines.count < 2 { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        }
    }
}
