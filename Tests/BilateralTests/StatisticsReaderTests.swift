import Foundation
import Testing
@testable import Bilateral

/// Statistics files read into series: SDMX-CSV as agencies serve it (samples of pysdmx's tests, from the
/// BIS) and hand-made cases for every form of period, value and error.
struct StatisticsReaderTests {
    static func read(_ path: String) throws -> StatisticsMessage {
        try SDMXCSVReader(file: path).read(try Data(contentsOf: Repository.url(path)))
    }

    static func problems(_ path: String) -> [String] {
        do {
            _ = try read(path)
            return []
        } catch let problems as StatisticsFileProblems {
            return problems.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test(arguments: ["bis-der-1.0.csv", "bis-der-2.0.csv", "bis-der-2.1.csv"])
    func readsTheBISDerivativesSampleInEachVersion(name: String) throws {
        let message = try Self.read("Fixtures/statistics/sdmx-csv/\(name)")
        #expect(message.format == .sdmxCSV)
        #expect(message.formatVersion == (name.contains("1.0") ? "1.0" : "2.0"))
        // The dimensions are the columns before TIME_PERIOD; AVAILABILITY, COLLECTION, OBS_STATUS and OBS_CONF,
        // after it, are attributes.
        #expect(message.dimensions.first == "FREQ")
        #expect(message.dimensions.last == "DER_BASIS")
        #expect(message.dimensions.count == 14)
        let first = try #require(message.series.first)
        #expect(first.dataflow == Dataflow(agency: "BIS", id: "BIS_DER", version: "1.0"))
        #expect(first.keyText(message.dimensions) == "A.U.A.B.5J.A.1E.A.HKD.TO1.A.A.3.C")
        #expect(first.observations.map(\.period.period.description).prefix(3) == ["2002", "2003", "2004"])
        // Missing values are kept as missing, with their status; values exactly as written.
        #expect(first.observations[0].value == nil)
        #expect(first.observations[0].attributes["OBS_STATUS"] == "M")
        #expect(first.observations[2].value == "14206.490766")
        #expect(first.observations[2].attributes["OBS_STATUS"] == "A")
        // A series attribute holds for every observation.
        #expect(first.attributes["COLLECTION"] == "S")
        #expect(first.attributes["OBS_STATUS"] == nil)
        let rows = try String(contentsOf: Repository.url("Fixtures/statistics/sdmx-csv/\(name)"), encoding: .utf8).split(separator: "\n").count - 1
        #expect(message.series.reduce(0) { $0 + $1.observations.count } == rows)
    }

    @Test func readsCodesOfLabelledCellsAndSkipsNameColumns() throws {
        for name in ["labels-both-1.0.csv", "labels-both-2.1.csv", "labels-name-2.0.csv", "keys-both-2.0.csv"] {
            let message = try Self.read("Fixtures/statistics/sdmx-csv/\(name)")
            // These samples put TIME_PERIOD last, so without the structure all four columns before OBS_VALUE key the series.
            #expect(message.dimensions == ["DIM1", "DIM2", "ATT1", "ATT2"], "\(name)")
            let series = try #require(message.series.first)
            #expect(series.keyText(message.dimensions) == "A.B.C.D", "\(name)")
            #expect(series.dataflow == Dataflow(agency: "MD", id: "MD_TEST", version: "1.0"), "\(name)")
            #expect(series.observations.map(\.value) == ["1"], "\(name)")
            #expect(series.observations.map(\.period.period.description) == ["2020"], "\(name)")
        }
    }

    @Test func readsALocalisedFileWithSemicolonsDecimalCommasAndLabels() throws {
        let message = try Self.read("Fixtures/statistics/sdmx-csv/made/localised-labels-both.csv")
        #expect(message.dimensions == ["FREQ", "REF_AREA", "COUNTERPART_AREA"])
        let series = try #require(message.series.first)
        #expect(message.series.count == 1)
        #expect(series.key == ["FREQ": "Q", "REF_AREA": "PK", "COUNTERPART_AREA": "JP"])
        #expect(series.observations.map(\.value) == ["12.4", "10.8"])
        #expect(series.observations.map(\.period.period.description) == ["2023-07/2023-09", "2023-10/2023-12"])
        #expect(series.observations.map(\.attributes["OBS_STATUS"]) == ["A", "P"])
        #expect(series.attributes == ["UNIT_MULT": "6"])
        #expect(series.dataflow?.description == "XX:MADE_UP(1.0)")
    }

    @Test func readsEveryFormOfPeriod() throws {
        let message = try Self.read("Fixtures/statistics/sdmx-csv/made/periods.csv")
        let observations = message.series.flatMap(\.observations)
        #expect(observations.map(\.period.period.description) == [
            "2023", "2024", "2023-07/2023-12", "2023-01/2023-04", "2023-10/2023-12", "2023-07", "2023-08",
            "2023-01-30/2023-02-05", "2020-12-28/2021-01-03", "2023-07-14", "2024-12-31",
        ])
        #expect(observations.map(\.period.frequency) == [
            .annual, .annual, .halfYearly, .fourMonthly, .quarterly, .monthly, .monthly, .weekly, .weekly, .daily, .daily,
        ])
    }

    @Test(arguments: ["2023-Q0", "2023-Q5", "2023-M13", "2023-M7", "2023-W54", "2021-W53", "2023-D366", "2023-13", "2023-02-30",
                      "2023-S3", "2023-T4", "2023-A2", "23", "2023Z1", "2023-07-14T00:00:00", "2010-01/P1Y", "", "２０２３"])
    func refusesWhatIsNoPeriod(text: String) {
        #expect(StatisticalPeriod(text) == nil)
    }

    @Test func checksISOWeeksAgainstFoundation() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for year in [2015, 2019, 2020, 2021, 2024, 2026, 2032] {
            for week in [1, 2, 26, 52] {
                let period = try #require(StatisticalPeriod(String(format: "%04d-W%02d", year, week)))
                let monday = try #require(calendar.date(from: DateComponents(weekday: 2, weekOfYear: week, yearForWeekOfYear: year)))
                let parts = calendar.dateComponents([.year, .month, .day], from: monday)
                #expect(period.period.start == PartialDate(year: parts.year!, month: parts.month, day: parts.day), "\(year)-W\(week)")
            }
        }
    }

    @Test func convertsNumbersExactly() {
        let cases: [(String, String?)] = [
            ("1234.5", "1234.5"), ("-0.25", "-0.25"), ("0.1", "0.1"), ("1.5E3", "1500"), ("25E-3", "0.025"), ("1.50E1", "15.0"),
            ("-0E5", "0"), ("007", "7"), ("1e+2", "100"), ("123456789012345678901234", "123456789012345678901234"),
            ("..", nil), ("-", nil), ("12.5 p", nil), ("1,204", nil), (" 1", nil), ("+1", nil), ("1.", nil), (".5", nil), ("1E", nil),
            ("1E99999", nil), ("NaN", nil), ("0x10", nil), ("١٢", nil),
        ]
        for (text, expected) in cases {
            #expect(StatisticalNumber.plainDecimal(text) == expected, "\(text)")
        }
    }

    @Test func groupsRowsIntoSeriesWithTheirAttributes() throws {
        let message = try Self.read("Fixtures/statistics/sdmx-csv/made/two-series.csv")
        // `LAST UPDATE` is no SDMX identifier: a custom column, read as an attribute.
        #expect(message.dimensions == ["FREQ", "REF_AREA", "COUNTERPART_AREA"])
        #expect(message.series.map { $0.keyText(message.dimensions) } == ["A.PK.JP", "A.JP.PK"])
        let exports = message.series[0]
        #expect(exports.observations.map(\.value) == ["1500", "0.025", nil])
        #expect(exports.observations.map(\.attributes["OBS_STATUS"]) == [nil, "E", "M"])
        #expect(exports.observations[0].attributes["COMMENT"] == "A comment, with a comma")
        #expect(exports.attributes == ["UNIT_MULT": "6", "LAST UPDATE": "01/01/26 00:00:00"])
        #expect(message.series[1].observations.map(\.value) == ["-0.50"])
        #expect(exports.observations[1].line == 3)
        #expect(exports.observations[1].column == 48)
    }

    @Test func listsEveryBadValueWhereItIs() {
        let file = "Fixtures/statistics/sdmx-csv/made/bad-values.csv"
        #expect(Self.problems(file) == [
            "\(file):2:38: error[invalid-statistic]: '..' is not a number (hint: a value is a decimal number (1234.5); a missing one is left empty, NaN or #N/A, with its status in OBS_STATUS)",
            "\(file):3:38: error[invalid-statistic]: '-' is not a number (hint: a value is a decimal number (1234.5); a missing one is left empty, NaN or #N/A, with its status in OBS_STATUS)",
            "\(file):4:38: error[invalid-statistic]: '12.5 p' is not a number (hint: a value is a decimal number (1234.5); a missing one is left empty, NaN or #N/A, with its status in OBS_STATUS)",
            "\(file):5:39: error[invalid-statistic]: '1,204' is not a number (hint: a value is a decimal number (1234.5); a missing one is left empty, NaN or #N/A, with its status in OBS_STATUS)",
            "\(file):6:33: error[invalid-period]: '2023-Q5' is not a time period (hint: periods are written 2023, 2023-Q4, 2023-07 or 2023-M07, 2023-S1, 2023-W05 or 2023-07-14)",
            "\(file):9:26: error[unsupported-action]: the row deletes data (ACTION D) (hint: import a download of the data as they are, not a message of changes)",
            "\(file):8:38: error[duplicate-observation]: a second observation of series A.PK for 2024; the first is on line 7 (hint: a file holds one value per series and period; download the data again)",
        ])
    }

    @Test func refusesFilesThatAreNotSDMXCSV() {
        let samples = "Fixtures/statistics/sdmx-csv"
        #expect(Self.problems("\(samples)/no-structure-column.csv").first?.contains("error[not-statistics]: the file is not SDMX-CSV") == true)
        // Rows with fewer fields than the header.
        #expect(Self.problems("\(samples)/short-rows-2.0.csv").first == "\(samples)/short-rows-2.0.csv:2:1: error[malformed-statistics-file]: the row has 22 fields where the header has 23 (hint: every row of SDMX-CSV has the header's columns)")
        // A message of several structures, without time series.
        #expect(Self.problems("\(samples)/three-actions-2.0.csv") == ["\(samples)/three-actions-2.0.csv:1:1: error[not-statistics]: the file has no TIME_PERIOD column, so its observations have no periods (hint: download time series (with the time dimension), not a cross-section)"])
        #expect(!SDMXCSVReader.recognizes(Data("FREQ,TIME_PERIOD\n".utf8)))
        #expect(SDMXCSVReader.recognizes(Data("\u{FEFF}STRUCTURE[;],STRUCTURE_ID\n".utf8)))
        #expect(!SDMXCSVReader.recognizes(Data("STRUCTURE[;,STRUCTURE_ID\n".utf8)))
    }

    @Test func refusesControlCharactersAndInvalidUTF8InCells() {
        for (bytes, message) in [([UInt8]("DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),P\u{1B}[2J,2020,1\n".utf8), "a control character"),
                                 (Array("DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),".utf8) + [0xFF, 0xFE] + Array(",2020,1\n".utf8), "not valid UTF-8")] {
            do {
                _ = try SDMXCSVReader(file: "x.csv").read(Data(bytes))
                Issue.record("expected an error")
            } catch let problems as StatisticsFileProblems {
                #expect(problems.errors.count == 1)
                #expect(problems.errors.first?.code == .malformedFile)
                #expect(problems.errors.first.map { $0.line == 2 && $0.column == 10 } == true)
                #expect(problems.description.contains(message))
                #expect(!problems.description.contains("\u{1B}"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func readsTheDataflowOfEitherVersion() {
        #expect(Dataflow(sdmx: "ESTAT:NA_MAIN(1.6.0)") == Dataflow(agency: "ESTAT", id: "NA_MAIN", version: "1.6.0"))
        #expect(Dataflow(sdmx: "OECD.SDD.TPS:DSD_BOP@DF_BOP(1.0)")?.id == "DSD_BOP@DF_BOP")
        #expect(Dataflow(sdmx: "IMF:DOT")?.version == nil)
        #expect(Dataflow(sdmx: "NA_MAIN") == nil)
        #expect(Dataflow(sdmx: "ESTAT:NA MAIN(1.0)") == nil)
    }
}

/// Choosing the one series of a file that an import takes.
struct SeriesSelectionTests {
    static let twoSeries = "Fixtures/statistics/sdmx-csv/made/two-series.csv"

    @Test func selectsTheOneSeriesTheCodesName() throws {
        let message = try StatisticsReaderTests.read(Self.twoSeries)
        let selection = try SeriesSelection(arguments: ["REF_AREA=JP", "COUNTERPART_AREA=PK"])
        #expect(try selection.series(of: message).keyText(message.dimensions) == "A.JP.PK")
        // A file of one series needs no selection.
        let single = try StatisticsReaderTests.read("Fixtures/statistics/sdmx-csv/made/localised-labels-both.csv")
        #expect(try SeriesSelection(codes: [:]).series(of: single).key["REF_AREA"] == "PK")
    }

    @Test func refusesASelectionOfNoneOrSeveralSeriesListingTheKeys() throws {
        let message = try StatisticsReaderTests.read(Self.twoSeries)
        #expect(throws: SeriesSelection.Refusal(message: "the selection FREQ=A matches 2 series",
                                                 hint: "select codes of more dimensions to name one of them (FREQ.REF_AREA.COUNTERPART_AREA: A.PK.JP, A.JP.PK)")) {
            try SeriesSelection(arguments: ["FREQ=A"]).series(of: message)
        }
        #expect(throws: SeriesSelection.Refusal(message: "the selection REF_AREA=IN matches none of the 2 series in the file",
                                                 hint: "select codes of one of its series (FREQ.REF_AREA.COUNTERPART_AREA: A.PK.JP, A.JP.PK)")) {
            try SeriesSelection(arguments: ["REF_AREA=IN"]).series(of: message)
        }
        #expect(throws: SeriesSelection.Refusal(message: "the file matches 2 series",
                                                 hint: "select codes of more dimensions to name one of them (FREQ.REF_AREA.COUNTERPART_AREA: A.PK.JP, A.JP.PK)")) {
            try SeriesSelection(codes: [:]).series(of: message)
        }
        #expect(throws: SeriesSelection.Refusal(message: "the file has no dimension REF_AERA; did you mean REF_AREA?",
                                                 hint: "its dimensions are FREQ, REF_AREA, COUNTERPART_AREA")) {
            try SeriesSelection(arguments: ["REF_AERA=PK"]).series(of: message)
        }
    }

    @Test func listsAtMostTwentyKeys() throws {
        var rows = "DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\n"
        for area in 0..<25 { rows += "X:Y(1.0),A\(area),2020,1\n" }
        let message = try SDMXCSVReader(file: "many.csv").read(Data(rows.utf8))
        do {
            _ = try SeriesSelection(codes: [:]).series(of: message)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.hint.hasSuffix("A18, A19, and 5 more)"))
        }
    }

    @Test func refusesMalformedArguments() {
        #expect(throws: SeriesSelection.Refusal(message: "'REF_AREA' is no selection", hint: "write a selection as DIMENSION=CODE, such as REF_AREA=PK")) {
            try SeriesSelection(arguments: ["REF_AREA"])
        }
        #expect(throws: SeriesSelection.Refusal(message: "'=PK' is no selection", hint: "write a selection as DIMENSION=CODE, such as REF_AREA=PK")) {
            try SeriesSelection(arguments: ["=PK"])
        }
        #expect(throws: SeriesSelection.Refusal(message: "the dimension REF_AREA is selected twice", hint: "select one code for each dimension")) {
            try SeriesSelection(arguments: ["REF_AREA=PK", "REF_AREA=JP"])
        }
        #expect(throws: Never.self) { try SeriesSelection(arguments: ["UNIT=a=b"]) }
        #expect((try? SeriesSelection(arguments: ["UNIT=a=b"]))?.codes == ["UNIT": "a=b"])
    }
}

/// SDMX-ML 2.1 data messages, structure-specific and generic, from the BIS and Eurostat samples of
/// pysdmx's tests, and the hostile XML a stranger may send.
struct SDMXMLReaderTests {
    static func read(_ name: String) throws -> StatisticsMessage {
        let path = "Fixtures/statistics/sdmx-ml/\(name)"
        return try SDMXMLReader(file: path).read(try Data(contentsOf: Repository.url(path)))
    }

    static func problems(_ xml: String) -> [StatisticsFileError] {
        do {
            _ = try SDMXMLReader(file: "x.xml").read(Data(xml.utf8))
            return []
        } catch let problems as StatisticsFileProblems {
            return problems.errors
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    static let dimensions = ["FREQ", "DER_TYPE", "DER_INSTR", "DER_RISK", "DER_REP_CTY", "DER_SECTOR_CPY", "DER_CPC", "DER_SECTOR_UDL",
                             "DER_CURR_LEG1", "DER_CURR_LEG2", "DER_ISSUE_MAT", "DER_RATING", "DER_EX_METHOD", "DER_BASIS"]

    @Test func readsAStructureSpecificMessage() throws {
        let message = try Self.read("bis-der-structure-specific.xml")
        #expect(message.format == .sdmxML)
        // A Series element's attributes key it: its dimensions and, without the structure, its series attributes too.
        #expect(message.dimensions == Self.dimensions + ["AVAILABILITY", "COLLECTION"])
        let first = try #require(message.series.first)
        #expect(first.dataflow == Dataflow(agency: "BIS", id: "BIS_DER", version: "1.0"))
        #expect(first.keyText(Self.dimensions) == "A.U.A.B.5J.A.1E.A.HKD.TO1.A.A.3.C")
        // The data set's attributes hold for each series; its own XML properties (action) are none.
        #expect(first.attributes == ["DECIMALS": "3", "UNIT_MULT": "6", "UNIT_MEASURE": "USD"])
        #expect(first.observations.prefix(3).map(\.period.period.description) == ["2002", "2003", "2004"])
        #expect(first.observations.prefix(3).map(\.value) == [nil, nil, "14206.490766"])
        #expect(first.observations[2].attributes == ["OBS_STATUS": "A", "OBS_CONF": "F"])
        #expect(first.observations[2].line == 29)
    }

    @Test func readsAGenericMessageAsTheSameSeries() throws {
        let generic = try Self.read("bis-der-generic.xml")
        let specific = try Self.read("bis-der-structure-specific.xml")
        #expect(generic.dimensions == Self.dimensions)
        #expect(generic.series.count == specific.series.count)
        #expect(!generic.series.isEmpty)
        let specificByKey = Dictionary(specific.series.map { ($0.keyText(Self.dimensions), $0) }) { first, _ in first }
        for series in generic.series {
            let twin = try #require(specificByKey[series.keyText(Self.dimensions)])
            #expect(series.observations.map(\.period) == twin.observations.map(\.period))
            #expect(series.observations.map(\.value) == twin.observations.map(\.value))
            #expect(series.observations.map(\.attributes) == twin.observations.map(\.attributes))
            #expect(series.attributes["UNIT_MULT"] == "6")
            #expect(series.attributes["COLLECTION"] == twin.key["COLLECTION"])
        }
    }

    @Test func readsEurostatsLowerCaseDimensions() throws {
        let message = try Self.read("estat-nrg-bal-structure-specific.xml")
        #expect(message.dimensions == ["geo", "siec", "unit", "freq", "nrg_bal"])
        let series = try #require(message.series.first)
        #expect(series.dataflow?.description == "ESTAT:NRG_BAL_S(1.0)")
        #expect(series.observations.first?.value == "6644.088")
        #expect(series.observations.first?.period.period.description == "1990")
        #expect(series.observations.map(\.value).contains("525.540"))
    }

    @Test func keepsSeriesWithoutObservations() throws {
        for name in ["bis-der-generic-no-observations.xml", "bis-der-structure-specific-no-observations.xml"] {
            let message = try Self.read(name)
            #expect(message.series.count == 1, "\(name)")
            #expect(message.series.first?.observations.isEmpty == true, "\(name)")
        }
        let missing = try Self.read("bis-der-generic-no-attributes.xml")
        #expect(missing.series.first?.observations.map(\.value) == [nil])
    }

    @Test func refusesObservationsNotGroupedInSeries() {
        do {
            _ = try Self.read("bis-der-generic-all-dimensions.xml")
            Issue.record("expected a refusal")
        } catch let problems as StatisticsFileProblems {
            #expect(problems.errors.map(\.code) == [.notStatistics])
            #expect(problems.errors.first?.line == 13)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    static let header = """
        <?xml version="1.0"?>
        <m:StructureSpecificData xmlns:m="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message">
        <m:DataSet>
        """

    @Test func locatesBadValuesPeriodsAndRepeats() {
        let xml = Self.header + """

            <Series REF_AREA="PK">
              <Obs TIME_PERIOD="2021" OBS_VALUE="12.5 p"/>
              <Obs TIME_PERIOD="2021-Q5" OBS_VALUE="1"/>
              <Obs TIME_PERIOD="2022" OBS_VALUE="1.5E3"/>
              <Obs TIME_PERIOD="2022" OBS_VALUE="2"/>
            </Series></m:DataSet></m:StructureSpecificData>
            """
        #expect(Self.problems(xml).map(\.description) == [
            "x.xml:5:3: error[invalid-statistic]: '12.5 p' is not a number (hint: a value is a decimal number (1234.5); a missing one is left out, NaN or #N/A, with its status in OBS_STATUS)",
            "x.xml:6:3: error[invalid-period]: '2021-Q5' is not a time period (hint: periods are written 2023, 2023-Q4, 2023-07 or 2023-M07, 2023-S1, 2023-W05 or 2023-07-14)",
            "x.xml:8:3: error[duplicate-observation]: a second observation of series PK for 2022; the first is on line 7 (hint: a file holds one value per series and period; download the data again)",
        ])
    }

    @Test func refusesEntitiesAndOtherXMLWithoutReadingAnything() {
        let secret = FileManager.default.temporaryDirectory.appending(path: "bilateral-xxe-\(UUID().uuidString)")
        try? Data("top secret".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let hostile = [
            // An external entity (XXE) naming a file.
            "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file://\(secret.path)\">]><m:GenericData xmlns:m=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\">&x;</m:GenericData>",
            // Entity expansion (a billion laughs).
            "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><m:GenericData xmlns:m=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\">&b;</m:GenericData>",
        ]
        for xml in hostile {
            let problems = Self.problems(xml)
            #expect(problems.map(\.code) == [.malformedFile])
            #expect(!problems.description.contains("top secret"))
        }
        // XML of another namespace, and a data message of SDMX 2.0.
        #expect(Self.problems("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>").map(\.code) == [.notStatistics])
        #expect(Self.problems("<CompactData xmlns=\"http://www.SDMX.org/resources/SDMXML/schemas/v2_0/message\"/>").map(\.code) == [.notStatistics])
        #expect(Self.problems("<m:StructureSpecificData xmlns:m=\"urn:other\"/>").map(\.code) == [.notStatistics])
        #expect(Self.problems("").map(\.code) == [.notStatistics])
        #expect(Self.problems(Self.header + "<Series").map(\.code) == [.malformedFile])
        // Elements that do not nest, a file cut short, a second root: each malformed, at its place.
        #expect(Self.problems(Self.header + "</Series>").map(\.description) == ["x.xml:3:12: error[malformed-statistics-file]: the end tag of 'Series' closes 'DataSet' (hint: download the data as SDMX-ML again)"])
        #expect(Self.problems(Self.header).map(\.description) == ["x.xml:3:12: error[malformed-statistics-file]: the file ends inside the element 'DataSet' (hint: download the data again: the file is cut short)"])
        #expect(Self.problems(Self.header + "</m:DataSet></m:StructureSpecificData><m:DataSet/>").map(\.code) == [.malformedFile])
        #expect(Self.problems("</a>").map(\.code) == [.malformedFile])
        #expect(SDMXMLReader.recognizes(Data(Self.header.utf8)))
        #expect(!SDMXMLReader.recognizes(Data("STRUCTURE,STRUCTURE_ID".utf8)))
    }
}

/// SDMX-JSON data messages: the ECB's exchange rates in SDMX-JSON 1.0 (from pandaSDMX's tests) and the
/// SDMX working group's samples of 2.1, by series, flat and as cross-sections.
struct SDMXJSONReaderTests {
    static func read(_ name: String) throws -> StatisticsMessage {
        let path = "Fixtures/statistics/sdmx-json/\(name)"
        return try SDMXJSONReader(file: path).read(try Data(contentsOf: Repository.url(path)))
    }

    static func problems(_ json: String) -> [String] {
        do {
            _ = try SDMXJSONReader(file: "x.json").read(Data(json.utf8))
            return []
        } catch let problems as StatisticsFileProblems {
            return problems.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// The two exchange rates every ECB and working-group sample holds, whatever its layout.
    static func expectTheTwoRates(_ message: StatisticsMessage, _ name: String) throws {
        #expect(message.series.count == 2, "\(name)")
        let byCurrency = Dictionary(message.series.map { ($0.key["CURRENCY"] ?? "", $0) }) { first, _ in first }
        let nzd = try #require(byCurrency["NZD"], "\(name)")
        let rub = try #require(byCurrency["RUB"], "\(name)")
        #expect(nzd.key == ["FREQ": "D", "CURRENCY": "NZD", "CURRENCY_DENOM": "EUR", "EXR_TYPE": "SP00", "EXR_SUFFIX": "A"], "\(name)")
        #expect(nzd.observations.map(\.value) == ["1.5931", "1.5925"], "\(name)")
        // Values as written: the ECB's files write 40.3000, the working group's 40.3.
        #expect(rub.observations.map(\.value) == ["40.3426", name.hasPrefix("ecb") ? "40.3000" : "40.3"], "\(name)")
        #expect(nzd.observations.map(\.period.period.description) == ["2013-01-18", "2013-01-21"], "\(name)")
        #expect(nzd.observations.map(\.attributes["OBS_STATUS"]) == ["A", "A"], "\(name)")
        #expect(nzd.dataflow == Dataflow(agency: "ECB", id: "EXR", version: "1.0"), "\(name)")
    }

    @Test(arguments: ["ecb-exr-1.0-ts.json", "ecb-exr-1.0-xs.json", "ecb-exr-1.0-flat.json",
                      "twg-2.0-exr-time-series.json", "twg-2.0-exr-cross-section.json", "twg-2.0-exr-flat.json"])
    func readsTheSameRatesFromEveryLayout(name: String) throws {
        let message = try Self.read(name)
        #expect(message.format == .sdmxJSON)
        #expect(message.formatVersion == (name.hasPrefix("ecb") ? "1.0" : "2.1"))
        try Self.expectTheTwoRates(message, name)
    }

    @Test func readsSeriesAttributesAndTheDataSetsOwn() throws {
        let message = try Self.read("ecb-exr-1.0-ts.json")
        let titles = message.series.map { $0.attributes["TITLE"] }
        #expect(titles.count == 2)
        #expect(titles.allSatisfy { $0?.isEmpty == false })
        let agri = try Self.read("twg-2.0-agri.json")
        let series = try #require(agri.series.first)
        #expect(series.attributes["UNIT_MULT"] == "3")
        #expect(series.attributes["UNIT_MEASURE"] == "TONES")
        // An attribute without listed values carries its value in the observation itself.
        #expect(agri.series.flatMap(\.observations).contains { $0.attributes["EMBARGO_TIME"] == "2018-03-18T11:00:00" })
    }

    @Test func refusesADeletingMessage() {
        for name in ["ecb-exr-1.0-action-delete.json", "twg-2.0-exr-action-delete.json"] {
            do {
                _ = try Self.read(name)
                Issue.record("expected a refusal of \(name)")
            } catch let problems as StatisticsFileProblems {
                #expect(problems.errors.map(\.code) == [.unsupportedAction], "\(name)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    static func message(observations: String, time: String = #"{"id": "TIME_PERIOD", "values": [{"id": "2023-Q4"}, {"id": "2023-Q5"}]}"#) -> String {
        """
        {"data": {"structures": [{"dimensions": {"series": [{"id": "REF_AREA", "values": [{"id": "PK"}]}],
                                                 "observation": [\(time)]},
                                  "attributes": {"observation": [{"id": "OBS_STATUS", "values": [{"id": "P"}]}]}}],
                  "dataSets": [{"structure": 0, "series": {"0": {"observations": {\(observations)}}}}]}}
        """
    }

    @Test func locatesWhatCannotBeRead() {
        #expect(Self.problems(Self.message(observations: #""0": [1.5E3, 0], "1": [2, null]"#)) == [
            "x.json:4:97: error[invalid-period]: '2023-Q5' is not a time period (hint: periods are written 2023, 2023-Q4, 2023-07 or 2023-M07, 2023-S1, 2023-W05 or 2023-07-14)",
        ])
        #expect(Self.problems(Self.message(observations: #""0": ["12.5 p"]"#)) == [
            "x.json:4:81: error[invalid-statistic]: '12.5 p' is not a number (hint: a value is a decimal number (1234.5); a missing one is null, with its status in OBS_STATUS)",
        ])
        #expect(Self.problems(Self.message(observations: #""0": [1], "0": [2]"#)).first?.contains("duplicate") == true)
        #expect(Self.problems(Self.message(observations: #""7": [1]"#)).first?.contains("names value 7 of TIME_PERIOD, which lists 2") == true)
        #expect(Self.problems(Self.message(observations: #""0": [1]"#, time: #"{"id": "YEAR", "values": []}"#)).first?
            .contains("no TIME_PERIOD dimension") == true)
        #expect(Self.problems(#"{"data": {"dataSets": []}}"#).first?.contains("error[not-statistics]") == true)
        #expect(Self.problems(#"["not", "a", "message"]"#).first?.contains("error[not-statistics]") == true)
        #expect(Self.problems(#"{"data": "#).first?.contains("error[malformed-statistics-file]") == true)
        #expect(Self.problems(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).first?.contains("malformed") == true)
    }

    @Test func readsMissingValuesAsMissingAndNumbersExactly() throws {
        let message = try SDMXJSONReader(file: "x.json").read(Data(Self.message(observations: #""0": [null, 0], "1": ["0.1"]"#,
                                                                                 time: #"{"id": "TIME_PERIOD", "values": [{"id": "2023-Q3"}, {"id": "2023-Q4"}]}"#).utf8))
        let observations = try #require(message.series.first?.observations)
        #expect(observations.map(\.value) == [nil, "0.1"])
        #expect(observations.map(\.attributes["OBS_STATUS"]) == ["P", nil])
        #expect(SDMXJSONReader.recognizes(Data(Self.message(observations: "").utf8)))
        #expect(!SDMXJSONReader.recognizes(Data("STRUCTURE,STRUCTURE_ID".utf8)))
    }
}

/// A statistics file read by the reader of the format it is in.
struct StatisticsFileTests {
    @Test(arguments: [("sdmx-csv/bis-der-2.0.csv", StatisticsMessage.Format.sdmxCSV), ("sdmx-ml/estat-nrg-bal-structure-specific.xml", .sdmxML),
                      ("sdmx-json/ecb-exr-1.0-ts.json", .sdmxJSON), ("sdmx-json/twg-2.0-exr-flat.json", .sdmxJSON)])
    func readsEachFormatByWhatTheFileIs(path: String, format: StatisticsMessage.Format) throws {
        let message = try StatisticsFile.read(path: Repository.url("Fixtures/statistics/\(path)").path, file: path)
        #expect(message.format == format)
        #expect(!message.series.isEmpty)
    }

    @Test func refusesWhatIsNoStatisticsFileOrTooLargeOrUnreadable() throws {
        for (bytes, message) in [(Data("period,value\n2020,1\n".utf8), "not a statistics file bilateral reads"),
                                 (Data(count: StatisticsFile.maximumSize + 1), "larger than 256 MiB")] {
            do {
                _ = try StatisticsFile.read(bytes, file: "x")
                Issue.record("expected a refusal")
            } catch let problems as StatisticsFileProblems {
                #expect(problems.errors.map(\.code) == [.notStatistics])
                #expect(problems.description.contains(message))
            }
        }
        for path in ["/nonexistent/file.csv", Repository.url("Fixtures").path] {
            #expect(throws: StatisticsFileProblems.self) { try StatisticsFile.read(path: path, file: "x") }
        }
    }
}

/// UN Comtrade's API responses and CSV downloads (hand-made in their exact shape; the figures are made up).
struct ComtradeReaderTests {
    static func read(_ name: String) throws -> StatisticsMessage {
        let path = "Fixtures/statistics/comtrade/made/\(name)"
        return try StatisticsFile.read(path: Repository.url(path).path, file: path)
    }

    @Test(arguments: ["api-response.json", "download.csv"])
    func readsTradeFlowsAsSeries(name: String) throws {
        let message = try Self.read(name)
        #expect(message.format == .comtrade)
        #expect(message.dimensions == ComtradeReader.dimensions)
        #expect(message.series.map { $0.keyText(message.dimensions) } == [
            "C.A.PAK.X.JPN.W00.H6.TOTAL.C00.0.0", "C.A.PAK.M.JPN.W00.H6.TOTAL.C00.0.0", "C.M.PAK.X.JPN.W00.H6.TOTAL.C00.0.0",
        ])
        let exports = message.series[0]
        #expect(exports.observations.map(\.period.period.description) == ["2022", "2023"])
        // Values as written: the API writes 111111111.0.
        #expect(exports.observations.map(\.value) == ["111111111.0", "222222222.5"])
        #expect(exports.observations.map(\.attributes["isReported"]) == (name.hasSuffix(".csv") ? ["True", "True"] : ["true", "true"]))
        #expect(message.series[1].observations.first?.attributes["isReported"] == (name.hasSuffix(".csv") ? "False" : "false"))
        // A monthly record's period is its year and refMonth; a null value is missing.
        let monthly = try #require(message.series[2].observations.first)
        #expect(monthly.period.period.description == "2023-07")
        #expect(monthly.value == nil)
        #expect(try SeriesSelection(arguments: ["flowCode=M"]).series(of: message).observations.map(\.value) == ["333333333.0"])
    }

    @Test func refusesErrorsBadValuesAndRepeatedPeriods() throws {
        for (name, expected) in [("error-response.json", ["error[not-statistics]: Comtrade answered with an error instead of data: Invalid reporterCode"]),
                                 ("bad-values.json", ["bad-values.json:49:29: error[invalid-statistic]: 'n/a' is not a number",
                                                      "error[duplicate-observation]: a second observation of series C.A.PAK.X.JPN.W00.H6.TOTAL.C00.0.0 for 2023"])] {
            do {
                _ = try Self.read(name)
                Issue.record("expected a refusal of \(name)")
            } catch let problems as StatisticsFileProblems {
                #expect(problems.errors.count == expected.count, "\(name): \(problems)")
                for (error, text) in zip(problems.errors, expected) { #expect(error.description.contains(text), "\(error)") }
            }
        }
        #expect(ComtradeReader.recognizes(Data("typeCode,freqCode,refPeriodId\n".utf8)))
        #expect(!ComtradeReader.recognizes(Data("{\"data\": {\"dataSets\": []}}".utf8)))
    }
}

/// The World Bank's API responses (v2 JSON) and its download page's CSV (hand-made in their exact shape;
/// the indicator and its figures are made up).
struct WorldBankReaderTests {
    static func read(_ name: String) throws -> StatisticsMessage {
        let path = "Fixtures/statistics/world-bank/made/\(name)"
        return try StatisticsFile.read(path: Repository.url(path).path, file: path)
    }

    static func problems(_ name: String) -> [String] {
        do {
            _ = try read(name)
            return []
        } catch let problems as StatisticsFileProblems {
            return problems.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func readsTheAPIsRecordsAsSeriesByIndicatorAndCountry() throws {
        let message = try Self.read("api-response.json")
        #expect(message.format == .worldBank)
        #expect(message.series.map { $0.keyText(message.dimensions) } == ["XX.MADE.UP.PAK", "XX.MADE.UP.JPN", "XX.MADE.UP.WLD"])
        let pakistan = message.series[0]
        #expect(pakistan.observations.map(\.period.period.description) == ["2023", "2022", "2021"])
        #expect(pakistan.observations.map(\.value) == [nil, "12.5", "0.000015"])
        #expect(pakistan.observations.map(\.attributes["OBS_STATUS"]) == [nil, "E", nil])
        #expect(pakistan.attributes["DECIMALS"] == "1")
        #expect(try SeriesSelection(arguments: ["REF_AREA=JPN"]).series(of: message).observations.map(\.value) == ["4"])
        #expect(try Self.read("no-records.json").series.isEmpty)
    }

    @Test func readsTheDownloadPagesCSVWithAColumnPerYear() throws {
        let message = try Self.read("download.csv")
        #expect(message.series.map { $0.keyText(message.dimensions) } == ["XX.MADE.UP.JPN", "XX.MADE.UP.PAK"])
        #expect(message.series[0].observations.map(\.value) == [nil, "3.75", "4"])
        #expect(message.series[1].observations.map(\.value) == ["0.000015", "12.5", nil])
        #expect(message.series[1].observations.map(\.period.period.description) == ["2021", "2022", "2023"])
        #expect(message.series[1].observations[1].line == 7)
    }

    @Test func refusesErrorsAndValuesThatAreNoNumbers() {
        let bad = "Fixtures/statistics/world-bank/made/bad-download.csv"
        #expect(Self.problems("bad-download.csv") == [
            "\(bad):4:54: error[invalid-statistic]: '..' is not a number (hint: a value is a decimal number (1234.5); a missing one is null or empty, with its status in OBS_STATUS)",
            "\(bad):4:59: error[invalid-statistic]: '12.5 p' is not a number (hint: a value is a decimal number (1234.5); a missing one is null or empty, with its status in OBS_STATUS)",
        ])
        #expect(Self.problems("error-response.json").first?.contains("error[not-statistics]: the World Bank answered with an error instead of data: The provided parameter value is not valid") == true)
        #expect(WorldBankReader.recognizes(Data("[{\"message\":[{\"id\":\"120\"}]}]".utf8)))
        #expect(!WorldBankReader.recognizes(Data("[1, 2]".utf8)))
    }
}
