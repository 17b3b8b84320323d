/// Turns the tokens of a worksheet part into rows of cells, one row at a time, and collects its
/// merged ranges.
struct SheetRowReader {
    /// A sheet whose cells cannot be read.
    struct Failure: Error {
        var message: String
    }

    let sharedStrings: [String]
    private(set) var merged: [WorkbookReader.MergedRange] = []
    private var cells: [WorkbookCell] = []
    private var rowNumber = 0
    private var inRow = false
    // The cell being read.
    private var inCell = false
    private var cellColumn = 0, cellStyle = 0, cellType = "", hasFormula = false
    private var cellText = "", inValue = false, inInlineText = false, inInlineRun = false, phoneticDepth = 0
    private var formulaText = "", inFormula = false
    private var hasValue = false

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
        cells.reserveCapacity(32)
    }

    mutating func consume(_ token: XMLTokenizer.Token, _ xml: borrowing XMLTokenizer, _ body: (Int, [WorkbookCell]) throws -> Void) throws {
        switch token {
        case .text(let text):
            if inFormula {
                if formulaText.utf8.count < 16 { formulaText += text }
            } else if inValue || (inInlineRun && phoneticDepth == 0) {
                cellText += text
                hasValue = true
            }
        case .start(let name, let selfClosing):
            switch name {
            case "row":
                let number = xml.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
                guard number > rowNumber, number <= CellReference.maximumRows else {
                    throw Failure(message: "row \(number) out of order or past the last row a sheet has")
                }
                rowNumber = number
                cells.removeAll(keepingCapacity: true)
                inRow = !selfClosing
            case "c" where inRow:
                if let reference = xml.attribute("r") {
                    guard let place = CellReference.parse(Substring(reference)), place.row == rowNumber else {
                        throw Failure(message: "the cell reference '\(VisibleText.escaped(String(reference.prefix(20))))' in row \(rowNumber)")
                    }
                    cellColumn = place.column
                } else {
                    cellColumn = (cells.last?.column ?? -1) + 1
                }
                guard cellColumn < CellReference.maximumColumns, cells.last.map({ $0.column < cellColumn }) ?? true else {
                    throw Failure(message: "a cell out of order or past the last column in row \(rowNumber)")
                }
                cellStyle = xml.attribute("s").flatMap { Int($0) } ?? 0
                cellType = xml.attribute("t") ?? "n"
                hasFormula = false
                formulaText = ""
                hasValue = false
                cellText = ""
                inCell = !selfClosing
            case "v" where inCell: inValue = !selfClosing
            case "f" where inCell:
                hasFormula = true
                inFormula = !selfClosing
            case "is" where inCell: inInlineText = !selfClosing
            case "rPh" where inInlineText: phoneticDepth += selfClosing ? 0 : 1
            case "t" where inInlineText: inInlineRun = !selfClosing
            case "mergeCell":
                if let reference = xml.attribute("ref") { try addMerged(reference) }
            default: break
            }
        case .end(let name):
            switch name {
            case "v": inValue = false
            case "f": inFormula = false
            case "is": inInlineText = false
            case "t": inInlineRun = false
            case "rPh" where inInlineText: phoneticDepth -= 1
            case "c" where inCell:
                inCell = false
                if cellType == "b", ["TRUE()", "FALSE()"].contains(formulaText.uppercased()) { hasFormula = false }
                if let value = try cellValue() {
                    cells.append(WorkbookCell(column: cellColumn, value: value, hasFormula: hasFormula, style: cellStyle))
                } else if hasFormula {
                    cells.append(WorkbookCell(column: cellColumn, value: .text(""), hasFormula: true, style: cellStyle))
                }
            case "row" where inRow:
                inRow = false
                if !cells.isEmpty { try body(rowNumber, cells) }
            default: break
            }
        }
    }

    private func cellValue() throws -> WorkbookCell.Value? {
        switch cellType {
        case "s":
            guard hasValue else { return nil }
            guard let index = Int(cellText), index >= 0, index < sharedStrings.count else {
                throw Failure(message: "cell \(CellReference.name(column: cellColumn, row: rowNumber)) names a shared string the workbook does not have")
            }
            return .text(sharedStrings[index])
        case "inlineStr", "str":
            return hasValue ? .text(cellText) : nil
        case "b":
            return hasValue ? .boolean(cellText == "1" || cellText == "true") : nil
        case "e":
            return .error(cellText)
        case "d":
            return hasValue ? .isoDate(cellText) : nil
        default:
            return hasValue && !cellText.isEmpty ? .number(cellText) : nil
        }
    }

    private mutating func addMerged(_ reference: String) throws {
        let ends = reference.split(separator: ":")
        guard let first = ends.first.flatMap(CellReference.parse) else { return }
        let last = ends.count > 1 ? CellReference.parse(ends[1]) ?? first : first
        guard merged.count < 100_000 else { throw Failure(message: "more than 100,000 merged ranges") }
        merged.append(.init(firstColumn: first.column, firstRow: first.row, lastColumn: last.column, lastRow: last.row))
    }
}
