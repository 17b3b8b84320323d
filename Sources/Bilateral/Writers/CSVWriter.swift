/// One RFC 4180 CSV file per table of the tabular view, and a Frictionless `datapackage.json` that
/// describes them, in a directory.
///
/// UTF-8 (a byte-order mark only on request), CRLF line ends, fields quoted only when they hold a
/// comma, a quote or a line break, quotes doubled. Cells are written as `Cell.plainText` gives them.
/// A text cell that a spreadsheet would run as a formula gets a leading apostrophe, unless the user
/// asks to keep formulas; the export says how many cells it changed.
public struct CSVWriter: DatasetWriter {
    /// The name given to `--format`.
    public let format = "csv"
    /// One line for `bilateral formats`.
    public let summary = "one CSV file per table and a Frictionless datapackage.json, in a directory"
    /// What the writer produces: one file or a directory.
    public let layout = OutputLayout.directory

    /// The writer, with its defaults.
    public init() {}

    /// Writes the dataset into the staged output.
    public func write(_ input: ValidatedDataset, to output: ExportOutput) throws {
        let view = TabularView(input)
        var neutralised = 0
        var rows = 0
        for table in view.tables {
            let file = try output.file(table.name + ".csv")
            if output.options.byteOrderMark { try file.write([0xEF, 0xBB, 0xBF]) }
            try writeRow(table.columns.map { .text($0.name) }, to: file, guardFormulas: false, changed: &neutralised)
            var count = 0
            try table.forEachRow { cells in
                try writeRow(cells, to: file, guardFormulas: output.options.neutraliseFormulas, changed: &neutralised)
                count += 1
                output.progress.rows(count, of: table.name)
            }
            rows += count
        }
        output.summary = "\(view.tables.count + 1) files, \(Plural.count(rows, "row"))"
        try DataPackage(view: view, metadata: input.dataset.metadata, byteOrderMark: output.options.byteOrderMark)
            .write(to: try output.file("datapackage.json"))
        if neutralised > 0 {
            output.notes.append("\(neutralised) text \(neutralised == 1 ? "cell starts" : "cells start") with =, +, -, @, a tab or a carriage return and \(neutralised == 1 ? "was" : "were") written with a leading apostrophe so that spreadsheets show them as text (--keep-formulas writes them unchanged)")
        }
    }

    private func writeRow(_ cells: [Cell], to file: OutputFile, guardFormulas: Bool, changed: inout Int) throws {
        file.withBuffer { buffer in
            for (index, cell) in cells.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                switch cell {
                case .number(let number): number.appendDecimal(to: &buffer)
                case .date(let date): date.appendISO(to: &buffer)
                case .period(let period): period.appendISO(to: &buffer)
                case .text(let text):
                    if guardFormulas, Self.looksLikeFormula(text) {
                        changed += 1
                        Self.appendField("'" + text, to: &buffer)
                    } else {
                        Self.appendField(text, to: &buffer)
                    }
                default:
                    if !cell.isEmpty { Self.appendField(cell.plainText, to: &buffer) }
                }
            }
            buffer.append(contentsOf: [0x0D, 0x0A])
        }
        try file.flushIfFull()
    }

    /// Whether a spreadsheet would read the text as a formula (OWASP's list), or it already starts with
    /// the apostrophe that marks one as text, which must then be kept distinct.
    static func looksLikeFormula(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard var first = bytes.next() else { return false }
        if first == UInt8(ascii: "'") {
            guard let second = bytes.next() else { return false }
            first = second
        }
        return [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
    }

    /// The field, quoted when it holds a comma, a quote or a line break.
    static func appendField(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
    }
}
