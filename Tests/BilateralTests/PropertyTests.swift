import Foundation
import PropertyBased
import Testing
@testable import Bilateral

/// Properties that hold for every input, checked on generated ones (x-sheep/swift-property-based): the
/// canonical JSON reads back to the dataset, CSV round-trips any text, `diff` is empty for equal
/// versions and inverse when the versions are swapped, and a dataset that validates exports to every
/// format.
struct PropertyTests {
    // MARK: Generators

    /// Any text a CSV field may hold: letters of several scripts, digits, punctuation that CSV, JSON,
    /// YAML, Markdown and XML treat specially, spaces, tabs and line breaks of every kind.
    static let text = Gen<Character?>.element(of: Array("aZ09 ,\"'\n\r\t:#-[]{}&<>*_`|\\=+@éжあ日本🙂اُ")).map { $0! }.string(of: 0...12)

    /// Any text a dataset's field may hold: as `text`, with line feeds but no other control character
    /// (validation refuses them).
    static let fieldText = Gen<Character?>.element(of: Array("aZ09 ,\"'\n:#-[]{}&<>*_`|\\=+@éжあ日本🙂اُ")).map { $0! }.string(of: 0...12)

    /// Text of one line that is not empty.
    static let line = Gen<Character?>.element(of: Array("aZ09 ,\"':#-&<>*_=+@éжあ🙂ا")).map { $0! }.string(of: 1...12)

    /// A decimal number as a dataset writes it: up to 8 digits before the point, 0 to 3 after.
    static let decimal = Gen.int(in: 0...99_999_999).map { Double($0) / 1000 }

    /// A small valid dataset: the two countries, a source, events with generated titles and places,
    /// statements with generated text, and a series with generated observations.
    static let dataset = zip(Self.line.array(of: 0...4), Self.fieldText.array(of: 0...3), Self.decimal.array(of: 0...5))
        .map { titles, texts, values in Self.document(titles: titles, texts: texts, values: values) }

    static func document(titles: [String], texts: [String], values: [Double]) -> String {
        var yaml = TestDatasets.header
        if !titles.isEmpty {
            yaml += "events:\n"
            for (index, title) in titles.enumerated() {
                yaml += "  - {id: e\(index), kind: meeting, title: \(JSONText.quoted(title)), start: \(2000 + index)-0\(1 + index % 9), sources: [s]}\n"
            }
        }
        if !texts.isEmpty {
            yaml += "statements:\n"
            for (index, text) in texts.enumerated() {
                yaml += "  - {id: t\(index), topic: economy, text: \(JSONText.quoted(text.isEmpty ? "-" : text)), sources: [s]}\n"
            }
        }
        if !values.isEmpty {
            yaml += "series:\n  - {id: x, title: X, indicator: trade, currency: USD, scale: million, period_kind: calendar-year, sources: [s]}\n"
            yaml += "observations:\n"
            for (index, value) in values.enumerated() {
                yaml += "  - {series: x, period: \(1990 + index), value: \(String(format: "%.3f", value))}\n"
            }
        }
        return yaml
    }

    static func validated(_ yaml: String) throws -> ValidatedDataset {
        let checked = DatasetValidation.check(Data(yaml.utf8), file: "generated.yaml", files: DiskFiles(directory: "/nonexistent"))
        guard let validated = checked.validated(strict: false) else {
            throw ExportError.unwritable("a generated dataset does not validate: \(checked.report.findings.map(\.message))\n\(yaml)")
        }
        return validated
    }

    // MARK: Properties

    @Test func theCanonicalJSONReadsBackToTheSameDataset() async {
        await propertyCheck(count: 60, input: Self.dataset) { yaml in
            let validated = try Self.validated(yaml)
            let json = try JSONWriter.data(validated)
            let again = DatasetValidation.check(json, file: "again.json", files: DiskFiles(directory: "/nonexistent"))
            let first = DatasetValidation.check(Data(yaml.utf8), file: "generated.yaml", files: DiskFiles(directory: "/nonexistent"))
            #expect(again.report.findings.map(\.code) == first.report.findings.map(\.code), "\(again.report.findings.map(\.message))")
            #expect(again.validated(strict: false)?.dataset == validated.dataset)
        }
    }

    @Test func csvFieldsRoundTripAnyText() async {
        await propertyCheck(count: 200, input: Self.text.array(of: 2...5).array(of: 1...4)) { rows in
            var bytes: [UInt8] = []
            for row in rows {
                for (index, field) in row.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    CSVWriter.appendField(field, to: &bytes)
                }
                bytes += [13, 10]
            }
            var tokenizer = CSVTokenizer(stream: DataByteStream(Data(bytes)), chunkSize: 7)
            defer { tokenizer.deallocate() }
            var read: [[String]] = []
            while try tokenizer.nextRecord() { read.append(tokenizer.fields.map { tokenizer.text($0) }) }
            #expect(read == rows)
        }
    }

    @Test func aDiffOfAVersionWithItselfIsEmptyAndSwappingTheVersionsInvertsIt() async {
        await propertyCheck(count: 40, input: Self.dataset, Self.dataset) { a, b in
            let old = try DatasetComparison.load(Data(a.utf8), name: "a.yaml", file: "a.yaml", files: DiskFiles(directory: "/nonexistent"))
            let new = try DatasetComparison.load(Data(b.utf8), name: "b.yaml", file: "b.yaml", files: DiskFiles(directory: "/nonexistent"))
            #expect(try DatasetComparison.compare(old, old).isEmpty)
            let forward = try DatasetComparison.compare(old, new), backward = try DatasetComparison.compare(new, old)
            #expect(forward.isEmpty == backward.isEmpty)
            let inverted = forward.records.map { change -> String in
                let swapped: RecordChange.Change = switch change.change { case .added: .removed; case .removed: .added; default: change.change }
                let fields = change.fields.map { "\($0.field):\($0.new ?? "-")>\($0.old ?? "-")" }
                return "\(swapped) \(change.kind) \(change.id) \(fields)"
            }
            let backwards = backward.records.map { "\($0.change) \($0.kind) \($0.id) \($0.fields.map { "\($0.field):\($0.old ?? "-")>\($0.new ?? "-")" })" }
            #expect(inverted.sorted() == backwards.sorted())
            let totals = (forward.observationTotals, backward.observationTotals)
            #expect(totals.0.added == totals.1.removed && totals.0.removed == totals.1.added && totals.0.revised == totals.1.revised)
            #expect(forward.metadata.map { FieldChange(field: $0.field, old: $0.new, new: $0.old) } == backward.metadata)
        }
    }

    @Test func aDatasetThatValidatesExportsToEveryFormat() async throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        await propertyCheck(count: 15, input: Self.dataset) { yaml in
            let validated = try Self.validated(yaml)
            for writer in WriterRegistry.standard.writers {
                let name = writer.format + (writer.layout == .directory ? "" : ".out")
                try Exporter().export(validated, format: writer.format, to: .path(directory.appending(path: name).path))
            }
        }
    }
}
