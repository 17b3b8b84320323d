import Foundation

/// A horizontal bar chart of a series' latest figures, laid out for an SVG template: one bar per value,
/// oldest period first, the axis from zero (bars of negative values to its left), each bar labelled in
/// words with its period and its amount.
struct ChartView: Encodable {
    var width: Int
    var height: Int
    /// Where the zero line is, and where the axis below the bars runs.
    var zeroX: String
    var axisY: Int
    var bars: [BarView]

    static let width = 720
    /// The labels end here; the bars start after it.
    static let labelEnd = 300
    static let barsStart = 310
    static let barsEnd = 600
    static let rowHeight = 24
    static let barHeight = 16

    /// The chart of `values` (label and value, oldest first), or nil when there are fewer than two.
    init?(_ values: [(label: String, amount: String, value: Double)]) {
        guard values.count >= 2, values.allSatisfy({ $0.value.isFinite }) else { return nil }
        let low = min(0, values.map(\.value).min()!)
        let high = max(0, values.map(\.value).max()!)
        let span = Double(Self.barsEnd - Self.barsStart)
        let scale = high > low ? span / (high - low) : 0
        let zero = Double(Self.barsStart) + (0 - low) * scale
        bars = values.enumerated().map { index, entry in
            let length = abs(entry.value) * scale
            let x = entry.value < 0 ? zero - length : zero
            let top = 8 + index * Self.rowHeight
            return BarView(label: entry.label, amount: entry.amount, y: top, textY: top + Self.barHeight - 4,
                           x: Self.coordinate(x), length: Self.coordinate(length),
                           valueX: Self.coordinate((entry.value < 0 ? zero : x + length) + 4))
        }
        width = Self.width
        axisY = 8 + values.count * Self.rowHeight
        height = axisY + 16
        zeroX = Self.coordinate(zero)
    }

    /// A coordinate with one decimal, the same on every platform.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// One bar of a chart.
struct BarView: Encodable {
    /// `Fiscal year 2018–19 (July–June)`, with the value's label when the period has several.
    var label: String
    /// `US$12.42 billion`.
    var amount: String
    var y: Int
    var textY: Int
    var x: String
    var length: String
    var valueX: String
}
