import Foundation

/// Changes an observations CSV file in place: a changed cell replaces only that field's bytes, an
/// added row is appended in the file's own line ending, a removed row takes its line with it. Other
/// rows, their quoting and the header stay as written.
struct CSVDocumentEditor {
    /// One record: its fields' byte spans, and the span of the whole record with its line break.
    private struct Record {
        var fields: [Range<Int>]
        var span: Range<Int>
        var line: Int
    }

    let file: String
    private let bytes: [UInt8]
    private let records: [Record]
    /// The header's names, in order.
    let header: [String]
    private let newline: String
    private var splices: [YAMLDocumentEditor.Splice] = []

    /// Whether `file` is an observations CSV file (by its name), which this editor changes, not the YAML one.
    static func edits(_ file: String) -> Bool { file.hasSuffix(".csv") || file.hasSuffix(".CSV") }

    init(file: String, data: Data) throws(EditError) {
        self.file = file
        bytes = [UInt8](data)
        var records: [Record] = []
        var index = 0, line = 1
        while index < bytes.count {
            var fields: [Range<Int>] = []
            let start = index, startLine = line
            var fieldStart = index, inQuotes = false
            while index < bytes.count {
                let byte = bytes[index]
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") { index += 2; continue }
                        inQuotes = false
                    } else if byte == 0x0A { line += 1 }
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inQuotes = true
                    index += 1
                } else if byte == UInt8(ascii: ",") {
                    fields.append(fieldStart..<index)
                    index += 1
                    fieldStart = index
                } else if byte == 0x0A || byte == 0x0D {
                    break
                } else {
                    index += 1
                }
            }
            fields.append(fieldStart..<index)
            if index < bytes.count, bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            line += 1
            records.append(Record(fields: fields, span: start..<index, line: startLine))
        }
        self.records = records
        let bytes = self.bytes
        header = records.first.map { $0.fields.map { Self.text(bytes[$0]) } } ?? []
        newline = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
    }

    /// Sets the field `column` of the row that starts at `line`.
    mutating func set(_ column: String, ofRowAt line: Int, to text: String) throws(EditError) {
        guard let record = records.first(where: { $0.line == line }) else {
            throw EditError(at: SourceLocation(file: file, line: line, column: 1), "no row starts here in the file as it is now")
        }
        guard let index = header.firstIndex(of: column) else {
            throw EditError(at: SourceLocation(file: file, line: 1, column: 1), "the file has no column '\(column)' to hold the new value",
                            hint: "add the column '\(column)' to the file's header, then import again")
        }
        guard index < record.fields.count else {
            throw EditError(at: SourceLocation(file: file, line: line, column: 1), "the row has fewer fields than the header")
        }
        let field = record.fields[index]
        splices.append(.init(start: field.lowerBound, end: field.upperBound, text: Self.field(text)))
    }

    /// Removes the row that starts at `line`.
    mutating func removeRow(at line: Int) throws(EditError) {
        guard let record = records.first(where: { $0.line == line }) else {
            throw EditError(at: SourceLocation(file: file, line: line, column: 1), "no row starts here in the file as it is now")
        }
        splices.append(.init(start: record.span.lowerBound, end: record.span.upperBound, text: ""))
    }

    /// Appends a row with `values` by column name; columns it does not name stay empty.
    mutating func append(_ values: [String: String]) throws(EditError) {
        for name in values.keys where !header.contains(name) && !(values[name] ?? "").isEmpty {
            throw EditError(at: SourceLocation(file: file, line: 1, column: 1), "the file has no column '\(name)' to hold the new row's value",
                            hint: "add the column '\(name)' to the file's header, then import again")
        }
        let row = header.map { Self.field(values[$0] ?? "") }.joined(separator: ",")
        let endsWithBreak = bytes.last.map { $0 == 0x0A } ?? true
        splices.append(.init(start: bytes.count, end: bytes.count, text: (endsWithBreak ? "" : newline) + row + newline))
    }

    /// The edited file; throws when two edits overlap.
    func result() throws(EditError) -> Data {
        let ordered = splices.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        var output: [UInt8] = []
        var position = 0
        for splice in ordered {
            guard splice.start >= position else { throw EditError(at: SourceLocation(file: file, line: 1, column: 1), "two edits of the same row") }
            output.append(contentsOf: bytes[position..<splice.start])
            output.append(contentsOf: Array(splice.text.utf8))
            position = splice.end
        }
        output.append(contentsOf: bytes[position...])
        return Data(output)
    }

    /// A field's text, quoted when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || text.hasPrefix(" ") || text.hasSuffix(" ") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
            text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return text
    }
}
