import Foundation
import Testing
import ZIPFoundation
@testable import Bilateral

/// The Word and HTML briefs: golden files, the same bytes each time, footnotes for marks, styles from a
/// reference document, the handling mark, right-to-left runs and a page that requests nothing.
struct OfficeBriefTests {
    /// The brief of `path` in `format` (`brief-docx` or `brief-html`) with the given options.
    static func render(_ path: String = "Fixtures/pakistan-japan.yaml", format: String, marking: String? = nil,
                       styles: WordStyles = .builtIn, asOf: String? = nil, width: Int = BriefOptions.defaultWidth) throws -> Data {
        let template = format == "brief-docx" ? BriefDocxWriter.defaultTemplate : BriefHTMLWriter.defaultTemplate
        let options = try BriefOptions(asOf: asOf.flatMap { PartialDate(iso: $0) }, width: width, template: BriefTemplate.named(template),
                                       marking: marking, wordStyles: styles)
        var registry = WriterRegistry.standard
        registry.register(format == "brief-docx" ? BriefDocxWriter(options: options) : BriefHTMLWriter(options: options))
        return try #require(Export.run(path, format: format, registry: registry).values.first)
    }

    /// A part of a Word document.
    static func part(_ docx: Data, _ name: String) throws -> String {
        let archive = try Archive(data: docx, accessMode: .read)
        let entry = try #require(archive[name], "no \(name)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    static let goldens: [(file: String, dataset: String, format: String, marking: String?)] = [
        ("Reports/pakistan-japan.docx", "Fixtures/pakistan-japan.yaml", "brief-docx", nil),
        ("Reports/pakistan-japan.html", "Fixtures/pakistan-japan.yaml", "brief-html", nil),
        ("Tests/Golden/brief/united-states-mexico.docx", "Fixtures/valid/united-states-mexico.yaml", "brief-docx", "FOR OFFICIAL USE ONLY"),
        ("Tests/Golden/brief/united-states-mexico.html", "Fixtures/valid/united-states-mexico.yaml", "brief-html", "FOR OFFICIAL USE ONLY"),
    ]

    @Test(arguments: goldens.indices)
    func briefsMatchTheirGoldenFiles(_ index: Int) throws {
        let golden = Self.goldens[index]
        let rendered = try Self.render(golden.dataset, format: golden.format, marking: golden.marking)
        #expect(rendered == (try Data(contentsOf: Repository.url(golden.file))),
                "\(golden.file) is out of date: run scripts/update-goldens.sh and review the diff")
        #expect(rendered == (try Self.render(golden.dataset, format: golden.format, marking: golden.marking)), "not the same bytes twice")
    }

    @Test(arguments: ["brief-docx", "brief-html"])
    func theLayoutDoesNotDependOnTheTextWidth(_ format: String) throws {
        #expect(try Self.render(format: format, width: 30) == (try Self.render(format: format)))
    }

    @Test func everySourceMarkIsAFootnoteHoldingItsSource() throws {
        let markdown = try BriefTests.render(width: 0, template: "markdown")
        let sourceEntry = try Regex(#"^\d+\. "#)
        let mark = try Regex(#"\[\d+\]"#)
        var marks = 0
        for line in markdown.split(separator: "\n") where line.firstMatch(of: sourceEntry) == nil {
            // An escaped bracket is the dataset's text, not a mark.
            marks += line.replacing("\\[", with: "").matches(of: mark).count
        }
        let docx = try Self.render(format: "brief-docx")
        let document = try Self.part(docx, "word/document.xml")
        let footnotes = try Self.part(docx, "word/footnotes.xml")
        #expect(marks > 50)
        #expect(document.matches(of: /<w:footnoteReference w:id="/).count == marks)
        #expect(footnotes.matches(of: /<w:footnote w:id="\d+">/).count == marks)
        // The first mark of the brief points to source 1, whose entry (with its URL as a live link) is the footnote.
        let first = try #require(footnotes.firstMatch(of: /<w:footnote w:id="1">(.*?)<\/w:footnote>/)).1
        #expect(first.contains("Brief on Pakistan-Japan Relations") && first.contains("<w:hyperlink r:id=\"rIdLink1\""))
        let links = try Self.part(docx, "word/_rels/footnotes.xml.rels")
        #expect(links.contains("Target=\"https://pakistanembassytokyo.saffranlabs.com/about_pakistan/pak_japan_relation\" TargetMode=\"External\""))
        // Section headings carry the heading style; the closing list numbers the sources.
        #expect(document.matches(of: /<w:pStyle w:val="Heading1"\/>/).count == markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.count)
        #expect(document.contains("<w:t xml:space=\"preserve\">28.</w:t>"))
    }

    @Test func documentPropertiesAreTheDatasetsAndCreatedOnTheAsOfDate() throws {
        let core = try Self.part(try Self.render(format: "brief-docx"), "docProps/core.xml")
        #expect(core.contains("<dc:title>Brief on Pakistan–Japan Relations</dc:title>"))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-25T00:00:00Z</dcterms:created>"))
        #expect(core.contains("<cp:keywords>Pakistan, Japan, bilateral relations</cp:keywords>"))
        let earlier = try Self.part(try Self.render(format: "brief-docx", asOf: "2019-12"), "docProps/core.xml")
        #expect(earlier.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2019-12-01T00:00:00Z</dcterms:created>"))
        #expect(UTCTime.w3c(86_399) == "1970-01-01T23:59:59Z")
    }

    @Test func theMarkingIsInTheHeaderAndFooterAndOnEveryPrintedPage() throws {
        let docx = try Self.render(format: "brief-docx", marking: "RESTRICTED & <SECRET>")
        #expect(try Self.part(docx, "word/header1.xml").contains("RESTRICTED &amp; &lt;SECRET&gt;"))
        let footer = try Self.part(docx, "word/footer1.xml")
        #expect(footer.contains("RESTRICTED &amp; &lt;SECRET&gt;") && footer.contains("w:instr=\" PAGE \""))
        let html = String(decoding: try Self.render(format: "brief-html", marking: "RESTRICTED \"A\" </style>"), as: UTF8.self)
        #expect(html.contains("@top-center { content: \"RESTRICTED \\22 A\\22  \\3C /style\\3E \""))
        #expect(html.contains("<p class=\"marking top\">RESTRICTED &quot;A&quot; &lt;/style&gt;</p>"))
        #expect(html.components(separatedBy: "</style>").count == 2)
        for bad in ["RESTRICTED\nFAKE", "A\u{202E}B", "\u{7}", "", String(repeating: "X", count: 121)] {
            #expect(throws: BriefError.self, "\(bad.debugDescription)") { try BriefOptions(marking: bad) }
        }
    }

    @Test func rightToLeftTextIsItsOwnRunMarkedRightToLeft() throws {
        #expect(WordXML.directionalSegments("Pakistan (پاکستان) and جاپان, 1952").map(\.1) == [false, true, false, true, false])
        #expect(WordXML.directionalSegments("Pakistan (پاکستان) and جاپان, 1952").map(\.0).joined() == "Pakistan (پاکستان) and جاپان, 1952")
        #expect(WordXML.directionalSegments("پاکستان اور جاپان").count == 1)
        let document = try Self.part(try Self.render("Fixtures/valid/edge-cases.yaml", format: "brief-docx"), "word/document.xml")
        #expect(document.contains("<w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">پاکستان اور جاپان کے تعلقات</w:t>"))
        #expect(document.contains("日本"))
    }

    @Test func theMarkdownOfABriefReadsBackAsBlocks() {
        typealias M = BriefMarkdown
        let blocks = M.blocks("# Title\n\n*As of 1 May*\n\n## A \\*B\\* \\[1\\]\n\nOne.[1] Two.[2][3]\n- **1 May**: met.[4]\n  - inner <https://a.example/x?y=1>\n\n---\n\n12. Src, *T*. <https://b.example/>\n")
        #expect(blocks == [
            .heading(level: 1, [.text("Title", bold: false, italic: false)]),
            .paragraph([.text("As of 1 May", bold: false, italic: true)]),
            .heading(level: 2, [.text("A *B* [1]", bold: false, italic: false)]),
            .paragraph([.text("One.", bold: false, italic: false), .mark(1), .text(" Two.", bold: false, italic: false), .mark(2), .mark(3)]),
            .bullet(level: 0, [.text("1 May", bold: true, italic: false), .text(": met.", bold: false, italic: false), .mark(4)]),
            .bullet(level: 1, [.text("inner ", bold: false, italic: false), .link("https://a.example/x?y=1")]),
            .rule,
            .numbered(12, [.text("Src, ", bold: false, italic: false), .text("T", bold: false, italic: true),
                           .text(". ", bold: false, italic: false), .link("https://b.example/")]),
        ])
    }

    @Test func aReferenceDocumentGivesItsStylesByName() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func docx(_ styles: String?, name: String) throws -> String {
            var zip = StoredZIP(modified: 0)
            zip.add("word/document.xml", Array("<w:document/>".utf8))
            if let styles { zip.add("word/styles.xml", Array(styles.utf8)) }
            let path = directory.appending(path: name).path
            try Data(zip.finished()).write(to: URL(fileURLWithPath: path))
            return path
        }
        func style(_ id: String, _ name: String) -> String { "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/></w:style>" }
        // A German template: its own ids for Word's built-in names; the styles it lacks come from the built-in ones.
        let german = try docx("<w:styles>" + style("Titel", "Title") + style("berschrift1", "heading 1") + style("Funotentext", "footnote text")
                              + style("Funotenzeichen", "footnote reference") + "</w:styles>", name: "german.docx")
        let styles = try WordStyles.reference(german)
        #expect(styles.ids[.heading1] == "berschrift1" && styles.ids[.footnoteReference] == "Funotenzeichen")
        #expect(styles.ids[.hyperlink] == "Hyperlink" && styles.xml.contains("w:styleId=\"ListParagraph\""))
        let document = try Self.part(try Self.render(format: "brief-docx", styles: styles), "word/document.xml")
        #expect(document.contains("<w:pStyle w:val=\"berschrift1\"/>") && !document.contains("<w:pStyle w:val=\"Heading1\"/>"))
        // A brief written with the built-in styles serves as a reference itself.
        let own = directory.appending(path: "own.docx")
        try Self.render(format: "brief-docx").write(to: own)
        #expect(try WordStyles.reference(own.path).ids == WordStyles.builtIn.ids)

        let missing = try docx("<w:styles>" + style("Title", "Title") + "</w:styles>", name: "missing.docx")
        #expect(throws: BriefError.badReferenceDocument(missing, "it lacks the styles a brief needs: 'heading 1', 'footnote text', 'footnote reference' (define them in Word, or start from a brief written without --reference-docx)")) {
            try WordStyles.reference(missing)
        }
        let noStyles = try docx(nil, name: "nostyles.docx")
        #expect(throws: BriefError.badReferenceDocument(noStyles, "it is not a Word document (.docx): it has no word/document.xml or word/styles.xml")) {
            try WordStyles.reference(noStyles)
        }
        let text = directory.appending(path: "notes.docx")
        try Data("just text".utf8).write(to: text)
        #expect(throws: BriefError.badReferenceDocument(text.path, "it is not a Word document (.docx): not a ZIP archive")) {
            try WordStyles.reference(text.path)
        }
        #expect(throws: BriefError.badReferenceDocument("/nonexistent.docx", "no such file")) { try WordStyles.reference("/nonexistent.docx") }
    }

    @Test func theBuiltInStylesNameEveryStyleTheBriefUses() throws {
        #expect(WordStyles.Role.allCases.allSatisfy { WordStyles.builtIn.ids[$0] != nil })
    }

    @Test func theWebPageRequestsNothingAndItsLinksLand() throws {
        let html = String(decoding: try Self.render(format: "brief-html"), as: UTF8.self)
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        #expect(!html.contains(" src=") && !html.contains("url(") && !html.contains("<script") && !html.contains("<link"))
        let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
        let targets = html.matches(of: /href="#([^"]+)"/).map { String($0.1) }
        #expect(targets.count > 100)
        for target in targets { #expect(ids.contains(target), "#\(target) has no element") }
        // Each series with figures the sources agree on is a chart, beside its table.
        #expect(html.matches(of: /<svg class="chart" role="img"/).count == 6)
        #expect(html.matches(of: /<ol class="timeline" reversed>/).count == 1)
    }

    @Test func aChartStartsAtZeroAndNeedsTwoValues() throws {
        let chart = try #require(ChartView([("2019", "−US$2 billion", -2), ("2020", "US$6 billion", 6)]))
        #expect(chart.zeroX == "382.5")
        #expect(chart.bars.map(\.x) == ["310", "382.5"] && chart.bars.map(\.length) == ["72.5", "217.5"])
        #expect(ChartView([("2019", "US$1", 1)]) == nil)
        #expect(ChartView([("2019", "0", 0), ("2020", "0", 0)])?.bars.map(\.length) == ["0", "0"])
    }

    /// Text that looks like Markdown or HTML stays text: no forged heading, list item, footnote or element.
    @Test func textCannotForgeStructure() throws {
        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = directory.appending(path: "forged.yaml")
        try """
            format: bilateral/1
            dataset: {title: "T <b>", countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
            sources:
              - {id: s, title: "S\\n## Forged source [2]", tier: official, url: "https://example.org/s"}
            countries:
              - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
              - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}
            statements:
              - id: t
                topic: overview
                text: |
                  Fact.
                  ## Forged heading
                  - forged item [9] <https://evil.example/> </p><script>alert(1)</script>
                sources: [s]

            """.write(to: dataset, atomically: true, encoding: .utf8)
        let docx = try Self.render(dataset.path, format: "brief-docx")
        let document = try Self.part(docx, "word/document.xml")
        #expect(document.matches(of: /<w:pStyle w:val="Heading1"\/>/).count == 2)
        #expect(!document.contains("<w:numPr>") && !document.contains("evil.example/\" TargetMode"))
        #expect(document.contains("## Forged heading - forged item [9] &lt;https://evil.example/&gt; &lt;/p&gt;&lt;script&gt;"))
        #expect(document.components(separatedBy: "<w:footnoteReference ").count == 2)
        let html = String(decoding: try Self.render(dataset.path, format: "brief-html"), as: UTF8.self)
        #expect(!html.contains("<script") && html.contains("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>Brief on Pakistan–Japan Relations</title>") && html.contains("“T &lt;b&gt;”"))
    }

    @Test func aMarkdownTemplateWithoutTheSourcesListIsRefused() throws {
        let blocks = BriefMarkdown.blocks("# T\n\nA fact.[1]\n")
        let document = WordDocument(blocks: blocks, styles: .builtIn, marking: nil,
                                    properties: DocumentProperties(title: "", subject: "", author: "", keywords: "", comments: "", created: 0))
        #expect(throws: BriefError.unlistedSource(1, template: "t.mustache")) { try document.bytes(template: "t.mustache") }
    }
}
