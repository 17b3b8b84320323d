import Foundation
import Testing
@testable import Bilateral

/// The briefs: golden files, the committed brief, the seed brief's facts, source marks and layout.
struct BriefTests {
    static func render(_ path: String? = nil, asOf: String? = nil, width: Int = 72, template: String = "brief",
                       sections: [BriefSection] = BriefSection.allCases) throws -> String {
        let dataset = try path.map(Export.validated) ?? embedded()
        let options = try BriefOptions(asOf: asOf.flatMap { PartialDate(iso: $0) }, width: width,
                                       template: BriefTemplate.named(template), sections: sections)
        return try Brief.render(dataset, options: options)
    }

    static func embedded() throws -> ValidatedDataset {
        try #require(DatasetValidation.checkEmbedded(observationFiles: true).validated(strict: true))
    }

    static func text(_ path: String) throws -> String { try String(contentsOf: Repository.url(path), encoding: .utf8) }

    /// Each golden brief with the arguments `scripts/update-goldens.sh` renders it with.
    static let goldens: [(file: String, dataset: String?, asOf: String?, width: Int, template: String)] = [
        ("Reports/pakistan-japan.txt", nil, nil, 72, "brief"),
        ("Reports/pakistan-japan.md", nil, nil, 72, "markdown"),
        ("Tests/Golden/brief/pakistan-japan-as-of-2019-12-31.txt", nil, "2019-12-31", 72, "brief"),
        ("Tests/Golden/brief/edge-cases.txt", "Fixtures/valid/edge-cases.yaml", nil, 72, "brief"),
        ("Tests/Golden/brief/edge-cases-width-40.txt", "Fixtures/valid/edge-cases.yaml", nil, 40, "brief"),
        ("Tests/Golden/brief/edge-cases.md", "Fixtures/valid/edge-cases.yaml", nil, 72, "markdown"),
        ("Tests/Golden/brief/other-pair.txt", "Fixtures/valid/other-pair.yaml", nil, 72, "brief"),
        ("Tests/Golden/brief/united-states-mexico.txt", "Fixtures/valid/united-states-mexico.yaml", nil, 72, "brief"),
        ("Tests/Golden/brief/united-states-mexico.md", "Fixtures/valid/united-states-mexico.yaml", nil, 72, "markdown"),
    ]

    @Test(arguments: goldens.indices)
    func briefsMatchTheirGoldenFiles(_ index: Int) throws {
        let golden = Self.goldens[index]
        let rendered = try Self.render(golden.dataset, asOf: golden.asOf, width: golden.width, template: golden.template)
        #expect(rendered == (try Self.text(golden.file)),
                "\(golden.file) is out of date: run scripts/update-goldens.sh and review the diff")
    }

    /// Every fact of the seed brief, read from its archived text, is in the rendered brief.
    @Test func theRenderedBriefHasEveryFactOfTheSeedBrief() throws {
        let seed = try Self.text("Fixtures/archive/brief-on-pakistan-japan-relations.txt")
        let brief = try Self.render()
        let mechanisms = seed.split(separator: "\n").filter { $0.hasPrefix("  • ") }.map { $0.dropFirst(4).trimmingCharacters(in: .whitespaces) }
        #expect(mechanisms.count == 6)
        for mechanism in mechanisms { #expect(brief.contains("  • \(mechanism)["), "mechanism \(mechanism)") }
        let companies = try #require(seed.firstMatch(of: /such as (.+?) and auto manufacturers like (.+?) have/))
        let names = (companies.1 + ", " + companies.2.replacing(" and ", with: ", ")).split(separator: ", ").map(String.init)
        #expect(names == ["Marubeni", "Mitsui", "Sojitz", "Morinaga", "Toyota", "Honda", "Suzuki"])
        let companiesLine = try #require(brief.firstMatch(of: /Companies: ([^.]+)\./)).1.replacing("\n", with: " ").replacing(try Regex("  +"), with: " ")
        for name in names { #expect(companiesLine.contains(name), "company \(name)") }
        let diaspora = try #require(seed.firstMatch(of: /around ([0-9,]+) strong Pakistani diaspora/)).1
        #expect(brief.contains("around \(diaspora) strong"))
        #expect(seed.contains("28th April 1952") && brief.contains("established diplomatic relations on 28 April\n1952"))
        #expect(seed.contains("20-24 October, 2019") && brief.contains("20–24 October 2019: President Arif Alvi visits Tokyo"))
        #expect(seed.contains("Qureshi visited Japan") && seed.contains("in April 2019") && brief.contains("April 2019: Foreign Minister Shah Mahmood Qureshi visits"))
        #expect(seed.contains("Covid-19") && brief.contains("Covid-19 pandemic") && brief.contains("Covid-19 restrictions"))
        #expect(seed.contains("international forums") && brief.contains("cooperate at international forums"))
        #expect(brief.contains("Cooperation at International Forums"))
    }

    @Test(arguments: ["brief", "markdown"])
    func everySourceMarkResolvesToAListedSource(_ template: String) throws {
        for dataset in [nil, "Fixtures/valid/edge-cases.yaml", "Fixtures/valid/other-pair.yaml"] {
            let brief = try Self.render(dataset, template: template)
            let heading = template == "brief" ? "\nSources\n-------\n" : "\n## Sources\n\n"
            let parts = brief.components(separatedBy: heading)
            try #require(parts.count == 2, "one Sources section")
            let pattern = try Regex(template == "brief" ? #"(?m)^\[(\d+)\] "# : #"(?m)^(\d+)\. "#, as: (Substring, Substring).self)
            let listed = parts[1].matches(of: pattern).map { Int($0.1)! }
            #expect(listed == Array(1...listed.count), "sources numbered 1...n in order")
            let marks = Set(parts[0].matches(of: /\[(\d+)\]/).map { Int($0.1)! })
            #expect(marks == Set(listed), "every mark is a listed source and every listed source is cited")
        }
    }

    @Test func templatesNameNeitherCountryAndRenderAnotherPair() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.url("Reports").path) where name.hasSuffix(".mustache") {
            let template = try Self.text("Reports/\(name)").lowercased()
            #expect(!template.contains("pakistan") && !template.contains("japan"), "Reports/\(name)")
        }
        let brief = try Self.render("Fixtures/valid/other-pair.yaml")
        #expect(brief.hasPrefix("Brief on Bahrain–Palau Relations\n"))
        #expect(!brief.contains("Pakistan") && !brief.contains("Japan"))
        #expect(brief.contains("Overview") && brief.contains("Agreements and MoUs") && brief.contains("Sources"))
        for empty in ["Economic Relations", "Institutional Mechanisms", "Outlook", "Development Cooperation"] {
            #expect(!brief.contains(empty), "a section with nothing to say is left out: \(empty)")
        }
    }

    @Test(arguments: [72, 40, 100])
    func linesFitTheWidthWithoutTrailingSpacesInNFC(_ width: Int) throws {
        for dataset in [nil, "Fixtures/valid/edge-cases.yaml"] {
            let brief = try Self.render(dataset, width: width)
            #expect(brief.hasSuffix("\n") && !brief.hasSuffix("\n\n"))
            #expect(brief == brief.precomposedStringWithCanonicalMapping)
            for line in brief.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(!line.hasSuffix(" "), "trailing space: \(line)")
                let words = line.split(separator: " ")
                // A line wider than the width holds a single word that no line could hold.
                if DisplayWidth.of(String(line)) > width {
                    #expect(words.count <= 2 && words.contains { DisplayWidth.of(String($0)) > width - 8 }, "too wide: \(line)")
                }
            }
            // URLs are never broken.
            for url in ["https://pakistanembassytokyo.saffranlabs.com/about_pakistan/pak_japan_relation", "https://example.org/brief?a=1&b=2"] {
                let source = dataset == nil ? url.contains("saffran") : url.contains("example.org")
                if source { #expect(brief.contains(url)) }
            }
        }
    }

    @Test func wrappingMeasuresWideCharactersAndHangsContinuations() {
        let wide = String(repeating: "日本 ", count: 20).trimmingCharacters(in: .whitespaces)
        let lines = TextLayout.wrap("  • " + wide, width: 20)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.first!.hasPrefix("  • 日本") && lines.dropFirst().allSatisfy { $0.hasPrefix("    日本") })
        #expect(TextLayout.wrap("[12] a b c d e f g h", width: 10) == ["[12] a b c", "     d e f", "     g h"])
        // A continuation never starts with what Markdown reads as a list item or heading.
        #expect(TextLayout.wrap("aaaa bbbb - cccc", width: 10) == ["aaaa", "bbbb -", "cccc"])
        #expect(TextLayout.wrap("aaaa bbbb 1. cccc", width: 10) == ["aaaa", "bbbb 1.", "cccc"])
        #expect(TextLayout.wrap("aaaa bbbb # cccc", width: 10) == ["aaaa", "bbbb #", "cccc"])
        #expect(TextLayout.layout("Title\n---\n\nText  \n\n\n\nMore", width: 72) == "Title\n-----\nText\n\nMore\n")
        #expect(TextLayout.layout("e\u{301}", width: 72) == "\u{E9}\n")
    }

    @Test func datesAndAmountsAreWrittenInOneEnglishStyle() throws {
        func date(_ text: String) -> PartialDate { PartialDate(iso: text)! }
        #expect(EnglishDates.date(date("1952-04-28")) == "28 April 1952")
        #expect(EnglishDates.date(date("2019-04")) == "April 2019")
        #expect(EnglishDates.range(date("2019-10-20"), date("2019-10-24")) == "20–24 October 2019")
        #expect(EnglishDates.range(date("2005-04-30"), date("2005-05-01")) == "30 April – 1 May 2005")
        #expect(EnglishDates.range(date("2020-07"), date("2020-12")) == "July–December 2020")
        #expect(EnglishDates.range(date("2001-04"), date("2009-03")) == "April 2001 – March 2009")
        #expect(EnglishDates.period(Period(iso: "2018-07/2019-06")!, kind: .fiscalYearJulyJune, fiscalYearStart: nil) == "Fiscal year 2018–19 (July–June)")
        #expect(EnglishDates.period(Period(iso: "1999-04/2000-03")!, kind: .fiscalYearAprilMarch, fiscalYearStart: nil) == "Fiscal year 1999–00 (April–March)")
        #expect(EnglishDates.period(Period(iso: "2018-10/2019-09")!, kind: .fiscalYear, fiscalYearStart: 10) == "Fiscal year 2018–19 (October–September)")
        #expect(EnglishDates.period(Period(iso: "2019-01/2019-12")!, kind: .fiscalYear, fiscalYearStart: 1) == "Fiscal year 2019 (January–December)")
        #expect(EnglishDates.period(Period(iso: "2018-10/2019-09")!, kind: .fiscalYear, fiscalYearStart: 4) == "October 2018 – September 2019")
        let dataset = try Self.embedded().dataset
        func series(_ id: String) -> Series { dataset.series.first { $0.id == id }! }
        #expect(EnglishNumbers.amount(Number(12.42, fractionDigits: 2), of: series("japanese-assistance-cumulative")) == "US$12.42 billion")
        #expect(EnglishNumbers.amount(Number(105.9, fractionDigits: 1), of: series("japan-oda-to-pakistan-fy2001-fy2008"), approximate: true)
                == "about ¥105.9 billion")
        #expect(EnglishNumbers.amount(Number(6), of: series("japanese-grants-in-rupees")) == "Rs 6 billion")
        #expect(EnglishNumbers.amount(Number(23417), of: series("pakistani-residents-in-japan")) == "23,417 persons")
        #expect(EnglishNumbers.grouped(Number(-1234567.5, fractionDigits: 2)) == "-1,234,567.50")
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(EnglishNumbers.ordinal) == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd"])
    }

    @Test func asOfKeepsOnlyWhatWasKnownThen() throws {
        let brief = try Self.render(asOf: "2019-12-31")
        #expect(brief.contains("As of 31 December 2019"))
        #expect(brief.contains("20–24 October 2019") && !brief.contains("2023") && !brief.contains("Kishida"))
        #expect(!brief.contains("Mag The Weekly"), "a source published in 2024 is not yet known")
        #expect(!brief.contains("mangoes"), "a fact whose only source appeared in 2022 is left out")
        let early = try Self.render(asOf: "1958", width: 0)
        #expect(early.contains("Cultural Agreement between Japan and Pakistan, signed 27 May 1957, in force since 21 April 1958"))
        let before = try Self.render(asOf: "1958-03", width: 0)
        #expect(before.contains("Cultural Agreement between Japan and Pakistan, signed 27 May 1957.["), "not yet in force")
        #expect(throws: BriefError.asOfAfterDataset(PartialDate(year: 2027), dataset: PartialDate(year: 2026, month: 11, day: 25))) {
            try Self.render(asOf: "2027")
        }
        #expect(!before.contains("Air Services Agreement") && !before.contains("Musharraf") && before.contains("JETRO opens"), "later facts left out, earlier kept")
    }

    @Test func sectionsAreChosenAndOrdered() throws {
        let brief = try Self.render(sections: [.outlook, .overview])
        let outlook = try #require(brief.range(of: "\nOutlook\n"))
        let overview = try #require(brief.range(of: "\nOverview\n"))
        #expect(outlook.lowerBound < overview.lowerBound)
        #expect(!brief.contains("Economic Relations") && brief.contains("\nSources\n"))
        #expect(brief.contains("[1]") && brief.contains("\n[1] "))
    }

    @Test func markdownEscapesTheDatasetsText() throws {
        #expect(MarkdownText().escapeText("*a* _b_ [c] <d> #e US$5 a|b") == "\\*a\\* \\_b\\_ \\[c\\] \\<d\\> \\#e US\\$5 a\\|b")
        let brief = try Self.render("Fixtures/valid/edge-cases.yaml", template: "markdown")
        #expect(brief.hasPrefix("# Brief on Pakistan–Japan Relations\n\n*As of June 2024*\n"))
        #expect(brief.contains("\n## Sources\n\n1. "))
        #expect(brief.contains("<https://example.org/brief?a=1&b=2>"))
    }

    @Test func aTemplateFromAPathUsesThePartialsBesideIt() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{{first}} & {{second}}: {{#sections}}{{> _part}}{{/sections}}\n".write(to: directory.appending(path: "short.mustache"), atomically: true, encoding: .utf8)
        try "{{#overview}}{{#statements}}{{text}}{{marks}} {{/statements}}{{/overview}}".write(to: directory.appending(path: "_part.mustache"), atomically: true, encoding: .utf8)
        let brief = try Self.render("Fixtures/valid/other-pair.yaml", width: 0, template: directory.appending(path: "short.mustache").path)
        #expect(brief.hasPrefix("Bahrain & Palau: Bahrain and Palau established diplomatic relations"))
        #expect(brief.hasSuffix("of 1961.[1]\n"))
    }

    @Test func templateErrorsNameTheFileLineAndColumn() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "broken.mustache").path
        try "Title\n{{#sections}}\n{{/section}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try BriefTemplate.named(path)
        } throws: { error in
            guard case BriefError.templateSyntax(let file, 3, _, _) = error else { return false }
            return file.hasSuffix("broken.mustache") && "\(error)".contains(":3:")
        }
        #expect(throws: BriefError.unknownTemplate("nope", available: ["brief", "html", "markdown"])) { try BriefTemplate.named("nope") }
    }
}

/// Streaming any number of observations into the few a brief shows.
struct LatestObservationsTests {
    static func observation(_ period: String, _ value: Double, code: String) -> Observation {
        var observation = Observation()
        observation.series = "s"
        observation.period = Period(iso: period)!
        observation.value = Number(value)
        observation.dimensions = ["code": code]
        observation.origin = Origin(location: SourceLocation(file: "t", line: 1, column: 1))
        return observation
    }

    @Test func keepsTheLatestPeriodsWhateverTheOrder() {
        var latest = LatestObservations()
        var expected: [String] = []
        for index in 0..<10_000 {
            let year = 2000 + (index * 7919) % 25
            latest.add(Self.observation("\(year)", Double(index), code: "\(index)"))
            if year >= 2022 { expected.append("\(year)") }
        }
        let kept = latest.latest("s").map(\.period.description)
        #expect(kept == expected.sorted(by: >), "the 2024, 2023 and 2022 observations, newest first, none lost")
    }
}
