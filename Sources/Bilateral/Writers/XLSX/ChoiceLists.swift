/// The hidden sheet "Choices": a column for each fixed list of words too long for Excel's inline
/// drop-down (255 characters, no commas), so that such columns still offer their words, drawn from
/// the sheet's range. Lists are added while the tables are written; the sheet is written last.
final class ChoiceLists {
    /// The hidden sheet's name.
    static let sheetName = "Choices"

    /// Each list, in the order first asked for; list `i` is column `i` of the sheet.
    private(set) var lists: [[String]] = []

    /// The formula naming the range that holds `words` (`='Choices'!$A$1:$A$12`), adding them as a
    /// new column the first time.
    func range(of words: [String]) -> String {
        let column: Int
        if let index = lists.firstIndex(of: words) { column = index } else { column = lists.count; lists.append(words) }
        let first = SheetNames.cellName(row: 0, column: column), last = SheetNames.cellName(row: words.count - 1, column: column)
        let letters = first.prefix { $0.isLetter }
        return "='\(Self.sheetName)'!$\(letters)$1:$\(letters)$\(last.drop { $0.isLetter })"
    }

    /// Writes the lists, row by row as constant-memory mode requires, onto a hidden sheet; nil when no
    /// list was asked for.
    func write(to workbook: Workbook) throws -> Worksheet? {
        guard let longest = lists.map(\.count).max() else { return nil }
        let sheet = try workbook.addWorksheet(Self.sheetName)
        for row in 0..<longest {
            for (column, words) in lists.enumerated() where row < words.count {
                try sheet.write(words[row], row: row, column: column)
            }
        }
        sheet.hide()
        return sheet
    }
}
