import Foundation
import Testing
@testable import Bilateral

/// The loader: located values, and every kind of bad input rejected with its code, line and column.
struct LoaderTests {
    static let header = """
        dataset:
          title: T
          countries: [pk, jp]
          version: "1"
          as_of: 2024
          licence: CC0-1.0

        """

    @Test func keepsTheLineAndColumnOfEveryValue() throws {
        let result = Repository.load(Self.header + """
            people:
              - id: arif-alvi
                name: Arif Alvi
                sources: [a, {source: b, quote: "q"}]
            """)
        let person = try #require(result.dataset?.people.first)
        #expect(person.origin.location == SourceLocation(file: "test.yaml", line: 8, column: 5))
        #expect(person.origin["name"] == SourceLocation(file: "test.yaml", line: 9, column: 11))
        #expect(person.origin["sources", 0] == SourceLocation(file: "test.yaml", line: 10, column: 15))
        #expect(person.origin.fields["sources[1].quote"] == SourceLocation(file: "test.yaml", line: 10, column: 37))
        #expect(person.citations == [Citation(source: "a"), Citation(source: "b", quote: "q")])
    }

    @Test(arguments: [("NO", "a boolean"), ("yes", "a boolean"), ("0306", "a number"), ("1e3", "a number"),
                      ("2019-04-22", "a date"), ("~", "null"), ("0x1F", "a number"), ("12:30", "a number")])
    func rejectsUnquotedScalarsThatYAMLReadsAsAnotherType(value: String, type: String) {
        let result = Repository.load(Self.header + "countries:\n  - {id: nor, alpha2: JP, alpha3: JPN, name: \(value)}\n")
        let finding = result.findings.first { $0.code == .ambiguousScalar }
        #expect(finding?.message == "'name' is '\(value)', which YAML reads as \(type), not text")
        #expect(finding?.location.line == 8)
        #expect(finding?.hint == "quote it: \"\(value)\"")
    }

    @Test func acceptsQuotedScalarsAndPlainText() {
        let result = Repository.load(Self.header + "countries:\n  - {id: nor, alpha2: \"NO\", alpha3: NOR, name: 'Norway 0306'}\n")
        #expect(result.findings.isEmpty)
        #expect(result.dataset?.countries.first?.alpha2 == "NO")
    }

    @Test func reportsADuplicateKeyAtItsSecondOccurrence() {
        let result = Repository.load(Self.header + "sources:\n  - {id: a, title: A, tier: press, title: B}\n")
        #expect(result.findings.map(\.code) == [.duplicateKey])
        #expect(result.findings.first?.location.column == 36)
    }

    @Test func boundsNestingWithoutOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = Repository.load("dataset: " + deep)
        #expect(result.findings.map(\.code) == [.nestingTooDeep])
        #expect(result.dataset == nil)
    }

    @Test func stopsAnAliasBombQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...30 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let result = Repository.load(text)
        #expect(result.findings.map(\.code) == [.aliasLimit])
    }

    @Test func acceptsModestAliases() {
        let result = Repository.load(Self.header + "sources:\n  - &s {id: a, title: A, tier: press}\npeople:\n  - {id: p, name: P, sources: [a]}\n")
        #expect(result.findings.isEmpty)
    }

    @Test func rejectsInvalidUTF8AtItsPosition() {
        var data = Data("dataset:\n  title: ab".utf8)
        data.append(0xC3)
        data.append(contentsOf: Array("(\n".utf8))
        let result = DatasetLoader().load(data, file: "x.yaml")
        #expect(result.findings.map(\.code) == [.invalidUTF8])
        #expect(result.findings.first?.location == SourceLocation(file: "x.yaml", line: 2, column: 12))
    }

    @Test func rejectsRawAndEscapedControlCharacters() {
        let raw = Repository.load("dataset:\n  title: a\u{1}b\n")
        #expect(raw.findings.map(\.code) == [.controlCharacter])
        #expect(raw.findings.first?.location.column == 11)
        let escaped = Repository.load(Self.header + "statements:\n  - {id: s, topic: trade, text: \"a\\u0007\", sources: [x]}\n")
        #expect(escaped.findings.contains { $0.code == .controlCharacter && $0.message.contains("U+0007") })
    }

    @Test(arguments: [".nan", ".inf", "-.Inf", "1e400", "9007199254740993"])
    func rejectsNumbersThatAreNotFiniteOrOutOfRange(value: String) {
        let result = Repository.load(Self.header + "observations:\n  - {id: o, series: s, period: 2019, value: \(value)}\n")
        #expect(result.findings.map(\.code) == [.invalidNumber])
    }

    @Test func rejectsAQuotedNumber() {
        let result = Repository.load(Self.header + "observations:\n  - {id: o, series: s, period: 2019, value: \"12\"}\n")
        #expect(result.findings.map(\.code) == [.wrongType])
    }

    @Test func keepsNumbersAndTheirWrittenDecimals() throws {
        #expect(try DecimalText.parse("89.022").get() == Number(89.022, fractionDigits: 3))
        #expect(try DecimalText.parse("-1.50").get() == Number(-1.5, fractionDigits: 2))
        #expect(try DecimalText.parse("1.5e3").get() == Number(1500, fractionDigits: 0))
        #expect(throws: DecimalText.Failure.notANumber) { try DecimalText.parse("1,000").get() }
        #expect(throws: DecimalText.Failure.notANumber) { try DecimalText.parse("007").get() }
        #expect(throws: DecimalText.Failure.outOfRange) { try DecimalText.parse("1e309").get() }
    }

    @Test func readsApproximateAsABooleanWrittenPlainly() throws {
        let series = "series:\n  - {id: s, title: S, indicator: companies, unit: companies, sources: [x]}\nobservations:\n"
        let result = Repository.load(Self.header + series + """
              - {id: a, series: s, period: 2017-03, value: 80, approximate: true}
              - {id: b, series: s, period: 2019-11, value: 80}
              - {id: c, series: s, period: 2019-11, value: 80, approximate: yes}
            """)
        let observations = try #require(result.dataset?.observations)
        #expect(observations.map(\.approximate) == [true, false, false])
        let finding = try #require(result.findings.first { $0.code == .wrongType })
        #expect(finding.message == "expected true or false for 'approximate', found 'yes'")
        #expect(finding.location.line == 12)
    }

    @Test func suggestsTheNearestFieldForATypo() {
        let result = Repository.load(Self.header + "sources:\n  - {id: a, title: A, tier: press, publsher: P}\n")
        #expect(result.findings.map(\.code) == [.unknownField])
        #expect(result.findings.first?.hint == "did you mean 'publisher'?")
    }

    @Test func parsesDatesAtTheirPrecision() {
        #expect(PartialDate(iso: "2019")?.precision == .year)
        #expect(PartialDate(iso: "2019-04")?.precision == .month)
        #expect(PartialDate(iso: "2019-04-22")?.description == "2019-04-22")
        #expect(PartialDate(iso: "2019-02-29") == nil)
        #expect(PartialDate(iso: "2020-02-29") != nil)
        #expect(PartialDate(iso: "2019-13") == nil)
        #expect(PartialDate(iso: "19-04") == nil)
        #expect(Period(iso: "2018-07/2019-06")?.end?.month == 6)
        #expect(Period(iso: "2018-07/") == nil)
    }

    /// libyaml places a problem met at the end of the input on the line after the last; a file without
    /// a final line break has no such line, so the finding points where the input ends (found by the
    /// fuzz corpus's check that every finding lies inside its input).
    @Test func aSyntaxErrorAtTheEndOfTheInputPointsWhereItEnds() {
        let files = DiskFiles(directory: "/nonexistent")
        let unclosed = DatasetValidation.validate(Data("{1e ".utf8), file: "t.json", files: files).findings
        #expect(unclosed.map(\.location) == [SourceLocation(file: "t.json", line: 1, column: 5)])
        let twoLines = DatasetValidation.validate(Data("{\r\n\"a\": [1, 2".utf8), file: "t.json", files: files).findings
        #expect(twoLines.map(\.location) == [SourceLocation(file: "t.json", line: 2, column: 11)])
    }
}
