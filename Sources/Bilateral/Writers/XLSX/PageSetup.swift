/// How a sheet prints: one page wide (landscape when its columns are wide), the header row repeated
/// on every page, the sheet's name in the page header and "Page N of M" in the footer, on A4.
struct PageSetup: Equatable {
    /// Paper size 9 in the Office Open XML list: A4.
    static let paperA4: UInt8 = 9
    /// The page header: the sheet's name, centred (`&A`).
    static let header = "&C&A"
    /// The page footer: "Page N of M", centred.
    static let footer = "&CPage &P of &N"
    /// Columns wider than this, in character widths, print across the page.
    static let portraitWidth = 100.0

    var landscape: Bool
    var repeatsHeaderRow: Bool
    /// Pages high the sheet is fitted to; 0 for as many as it needs.
    var pagesTall: Int

    /// A table's sheet: landscape when its columns together are wider than a portrait page holds.
    static func table(columnWidths: [Double]) -> PageSetup {
        PageSetup(landscape: columnWidths.reduce(0, +) > portraitWidth, repeatsHeaderRow: true, pagesTall: 0)
    }

    /// The About sheet: on one page.
    static let about = PageSetup(landscape: true, repeatsHeaderRow: false, pagesTall: 1)
}
