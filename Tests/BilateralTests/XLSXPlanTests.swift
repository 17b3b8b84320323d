import Testing
@testable import Bilateral

/// The workbook's plan, without the C library: how cells become typed workbook cells, formats, sheet
/// names, safe text, display widths, the About sheet and the charts.
struct XLSXPlanTests {
    /// The minimal fixture's series "exports", in US$ million.
    static var series: Series { try! Export.validated("Fixtures/valid/minimal.yaml").dataset.series[0] }

    @Test func cellsBecomeTypedValuesLinksOrText() {
        var cells = SheetCells(sourceRows: ["brief": ("Sources", 3)])
        let text = Column("note", .text, "")
        #expect(cells.value(.text("=1+1"), column: text) == .text("=1+1"))
        #expect(cells.value(.empty, column: text) == .blank)
        #expect(cells.value(.number(Number(12.5, fractionDigits: 2)), column: Column("value", .number, "")) == .number(12.5, .decimal(2)))
        #expect(cells.value(.integer(7), column: Column("round", .integer, "")) == .number(7, .integer))
        #expect(cells.value(.boolean(true), column: Column("approximate", .boolean, "")) == .boolean(true))
        #expect(cells.value(.date(PartialDate(year: 2019, month: 4)), column: Column("start", .date, "")) == .date(PartialDate(year: 2019, month: 4)))
        #expect(cells.value(.date(PartialDate(year: 1899, month: 12)), column: Column("start", .date, "")) == .text("1899-12"))
        #expect(cells.datesAsText == 1)
        #expect(cells.value(.url("https://example.org"), column: Column("url", .url, "")) == .link(.web("https://example.org"), text: "https://example.org", tooltip: nil))
        let long = "https://example.org/" + String(repeating: "a", count: 2_100)
        #expect(cells.value(.url(long), column: Column("url", .url, "")) == .text(long))
        #expect(cells.urlsAsText == 1)
        let sources = TabularView.sourcesColumn
        #expect(cells.value(.references(["brief", "other"]), column: sources)
            == .link(.cell(sheet: "Sources", row: 3, column: 0), text: "brief other", tooltip: "Go to the first of these sources, brief"))
        #expect(cells.value(.references(["unknown"]), column: sources) == .text("unknown"))
        #expect(cells.value(.reference("jp"), column: Column("country", .reference(["countries"]), "")) == .text("jp"))
        #expect(cells.value(.texts(["a", "b"]), column: Column("sectors", .texts, "")) == .text(#"["a","b"]"#))
        #expect(cells.citedSources == ["brief", "other", "unknown"])
    }

    @Test func numberFormatsFitTheCurrencyScaleAndUnit() {
        #expect(ValueFormat.value(of: Self.series, fractionDigits: 2).code == ##""US$"#,##0.00" million""##)
        var persons = Self.series
        (persons.currency, persons.unit, persons.scale) = (nil, "persons", .one)
        #expect(ValueFormat.value(of: persons, fractionDigits: 0).code == ##"#,##0" persons""##)
        var rupees = Self.series
        (rupees.currency, rupees.scale) = ("PKR", .billion)
        #expect(ValueFormat.value(of: rupees, fractionDigits: 1) == ValueFormat(code: ##""Rs "#,##0.0" billion""##, affixWidth: 11))
        var quoted = persons
        quoted.unit = #"say "hi""#
        #expect(ValueFormat.value(of: quoted, fractionDigits: 0).code == "#,##0")
        #expect(ValueFormat.unitLabel(of: Self.series) == "US$ million")
        #expect([PartialDate.Precision.year, .month, .day].map { ValueFormat.date($0).code } == ["yyyy", "mmm yyyy", "d mmm yyyy"])
        #expect(SheetValue.number(12_345.5, ValueFormat.value(of: Self.series, fractionDigits: 2)).width == "US$12,345.50 million".count)
    }

    @Test func sheetNamesFollowExcelsRules() throws {
        var names = SheetNames()
        try names.claim("Sources")
        #expect(throws: XLSXError.self) { try names.claim("sources") }
        #expect(SheetNames.problem(String(repeating: "x", count: 32)) != nil)
        #expect(SheetNames.problem("a:b") != nil)
        #expect(SheetNames.problem("'quoted'") != nil)
        #expect(SheetNames.problem("History") != nil)
        #expect(SheetNames.problem("Observations (2)") == nil)
        #expect(names.available(from: "Sources") == "Sources (2)")
        #expect(names.available(from: "a/b?c") == "a b c")
        #expect(names.available(from: String(repeating: "y", count: 40)).count == 31)
        #expect(SeriesCharts.sheetName(for: "pk-imports-from-japan-half-year-and-more") == "pk-imports-from-japan-half-year")
        #expect(SheetNames.reference(sheet: "O'Brien", row: 4, column: 27) == "'O''Brien'!AB5")
        #expect(TableSheets.place(ofRow: 5, in: Table(name: "observations", title: "Observations", columns: [], primaryKey: [], count: 0, rows: { _ in }), rowsPerSheet: 2) == ("Observations (3)", 2))
    }

    @Test func textIsEscapedOnlyWhereExcelWouldMisreadIt() {
        #expect(SpreadsheetText.escaped("plain text_x") == "plain text_x")
        #expect(SpreadsheetText.escaped("keep _x0041_ and _x00e9_") == "keep _x005F_x0041_ and _x005F_x00e9_")
        #expect(SpreadsheetText.escaped("_xZZZZ_ stays") == "_xZZZZ_ stays")
        #expect(SpreadsheetText.escaped("a\u{FFFF}b") == "a_xFFFF_b")
        #expect(SpreadsheetText.refusal("a\u{0}b") == .nul)
        #expect(SpreadsheetText.refusal(String(repeating: "ж", count: 32_767)) == nil)
        #expect(SpreadsheetText.refusal(String(repeating: "😀", count: 16_384)) == .tooLong(32_768))
    }

    /// Hole: the length was measured before escaping, so a text that fit raw but not escaped validated
    /// and then failed the XLSX export. Validation and the writer now measure the text as written.
    @Test func lengthIsMeasuredAsTheCellIsWrittenEscaped() throws {
        let text = String(repeating: "a", count: 32_755) + "_x0041_"
        #expect(text.utf16.count == 32_762)
        #expect(SpreadsheetText.refusal(text) == .tooLong(32_768))
        #expect(SpreadsheetText.isTooLong(text))
        #expect(!SpreadsheetText.isTooLong(String(repeating: "a", count: 32_767)))
        var dataset = try Export.validated("Fixtures/valid/minimal.yaml").dataset
        dataset.sources[0].title = text
        let checked = DatasetValidation.check(dataset, files: DiskFiles(directory: Repository.url("Fixtures/valid").path))
        #expect(checked.report.findings.map(\.code) == [.tooLongForCell])
        #expect(checked.report.findings.first?.message.contains("has 32768 characters") == true)
    }

    @Test func displayWidthCountsWideCharactersTwiceAndMarksNotAtAll() {
        #expect(DisplayWidth.of("Pakistan") == 8)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("پاکستان") == 7)
        #expect(DisplayWidth.of("a\u{200C}b") == 2)  // zero-width non-joiner
        #expect(DisplayWidth.of("👍") == 2)
    }

    @Test func chartsNeedTwoPeriodsAndOneValueForEach() {
        var second = Self.series
        second.id = "imports"
        var third = Self.series
        third.id = "single"
        var charts = SeriesCharts(series: [Self.series, second, third])
        let p2019 = Period(start: PartialDate(year: 2019)), p2020 = Period(start: PartialDate(year: 2020))
        charts.add(series: "exports", period: p2020, line: "flow: goods", value: Number(2))
        charts.add(series: "exports", period: p2019, line: "flow: goods", value: Number(1.5, fractionDigits: 1))
        charts.add(series: "exports", period: p2019, line: "flow: services", value: Number(3))
        charts.add(series: "imports", period: p2019, line: "", value: Number(1))
        charts.add(series: "imports", period: p2019, line: "", value: Number(2))
        charts.add(series: "imports", period: p2020, line: "", value: Number(2))
        charts.add(series: "single", period: p2019, line: "", value: Number(1))
        let (planned, skipped) = charts.charts()
        #expect(planned.map(\.series.id) == ["exports"])
        #expect(planned[0].periods == [p2019, p2020])
        #expect(planned[0].lines == ["flow: goods", "flow: services"])
        #expect(planned[0].values == [[Number(1.5, fractionDigits: 1), Number(3)], [Number(2), nil]])
        #expect(planned[0].format.code == ##""US$"#,##0.0" million""##)
        #expect(skipped == ["series 'imports' has two values for one period, which a chart cannot show"])
    }

    @Test func theAboutSheetListsTheDatasetItsSheetsNotesAndSourcesInUse() throws {
        let dataset = try Export.validated("Fixtures/valid/minimal.yaml").dataset
        let about = AboutSheet(metadata: dataset.metadata, countries: XLSXWriter.countries(of: dataset),
                               sheets: [.init(name: "Sources", rows: 1, note: "")], charts: [("exports", "Exports to Japan")],
                               notes: ["A note."], sources: dataset.sources, sourceRows: ["brief": ("Sources", 1)],
                               provenance: ExportProvenance(fingerprint: "0123456789abcdef", datasetFile: "data/minimal.yaml", commit: nil))
        let rows = about.rows
        #expect(rows.contains(AboutSheet.Row(values: [.text("Fingerprint"), .text("0123456789abcdef")], style: nil)))
        #expect(rows.contains(AboutSheet.Row(values: [.text("Dataset file"), .text("data/minimal.yaml")], style: nil)))
        #expect(!rows.contains { $0.values.first == .text("Commit") })
        #expect(rows[0] == AboutSheet.Row(values: [.text("Test relations")], style: .title))
        #expect(rows.contains(AboutSheet.Row(values: [.text("Countries"), .text("Pakistan (PK) and Japan (JP)")], style: nil)))
        #expect(rows.contains(AboutSheet.Row(values: [.text("As of"), .date(PartialDate(year: 2024, month: 6, day: 1))], style: nil)))
        #expect(rows.contains(AboutSheet.Row(values: [.link(.cell(sheet: "Sources", row: 0, column: 0), text: "Sources", tooltip: nil),
                                                      .number(1, .decimal(0)), .blank], style: nil)))
        #expect(rows.contains(AboutSheet.Row(values: [.text("A note.")], style: nil)))
        #expect(rows.last == AboutSheet.Row(values: [.link(.cell(sheet: "Sources", row: 1, column: 0), text: "brief", tooltip: "Go to source brief"),
                                                     .text("Brief on Pakistan-Japan Relations"), .blank,
                                                     .link(.web("https://example.org/brief"), text: "https://example.org/brief", tooltip: nil)],
                                            style: nil))
    }
}

/// Charts and pages that read the same in every spreadsheet program.
struct ChartAndPrintPlanTests {
    @Test func categoriesAreInTheBriefsWords() {
        func label(_ iso: String, _ kind: PeriodKind?, start: Int? = nil) -> String {
            let period = Array(iso.utf8).withUnsafeBufferPointer { Period.parse($0) }!
            return EnglishDates.shortPeriod(period, kind: kind, fiscalYearStart: start)
        }
        #expect(label("2018-10/2019-09", .fiscalYear, start: 10) == "FY2018–19")
        #expect(label("2019-03/2020-02", .fiscalYear, start: 3) == "FY2019–20")
        #expect(label("2019-07/2019-12", .span) == "Jul–Dec 2019")
        #expect(label("2018-07/2019-06", .fiscalYearJulyJune) == "FY2018–19")
        #expect(label("2009-04/2010-03", .fiscalYearAprilMarch) == "FY2009–10")
        #expect(label("2019", .calendarYear) == "2019")
        #expect(label("2017-03", .month) == "Mar 2017")
        #expect(label("2023-06-30", .date) == "30 Jun 2023")
        #expect(label("2018-07/2019-06", .span) == "Jul 2018 – Jun 2019")
    }

    @Test func theValueAxisStartsAtZeroForValuesOfOneSign() {
        #expect(ChartSpec.ValueAxis(values: [82, 91.5, 89]) == .fromZero)
        #expect(ChartSpec.ValueAxis(values: [-3, -1]) == .toZero)
        #expect(ChartSpec.ValueAxis(values: [-4.5, 12.5]) == .automatic)
    }

    @Test func labelsAreTextUnlessLibxlsxwriterWouldReadAFormula() {
        #expect(ChartSpec.literal("Pakistan's exports to Japan") == "Pakistan's exports to Japan")
        #expect(ChartSpec.literal("=SUM(A1)") == "\u{200B}=SUM(A1)")
    }

    @Test func wideTablesPrintAcrossThePageOnePageWide() {
        #expect(PageSetup.table(columnWidths: [20, 30, 40]) == PageSetup(landscape: false, repeatsHeaderRow: true, pagesTall: 0))
        #expect(PageSetup.table(columnWidths: [61, 61]).landscape)
        #expect(PageSetup.about.pagesTall == 1)
    }
}
