import Foundation
import Testing
@testable import Bilateral

/// Briefs whose sections follow what the data holds, for any pair of countries.
struct AnyPairBriefTests {
    static let header = """
        dataset:
          title: T
          countries: [fr, de]
          version: "1"
          as_of: 2024-06
          licence: CC0-1.0
        sources:
          - {id: s, title: A report ending in a full stop., publisher: P, published: 2023-11-25, tier: official}
          - {id: t, title: A later report, published: 2024-05, tier: official}
          - {id: e, title: An early report, published: 1990, tier: official}
        countries:
          - {id: fr, alpha2: FR, alpha3: FRA, name: France}
          - {id: de, alpha2: DE, alpha3: DEU, name: Germany}

        """

    static func brief(_ text: String, asOf: String? = nil, width: Int = 72) throws -> String {
        let directory = try Export.temporaryDirectory()
        let file = directory.appending(path: "pair.yaml")
        try Data((header + text).utf8).write(to: file)
        let checked = try DatasetValidation.check(path: file.path)
        let validated = try #require(checked.validated(strict: false), "\(checked.report.findings.map(\.message))")
        return try Brief.render(validated, options: BriefOptions(asOf: asOf.flatMap { PartialDate(iso: $0) }, width: width))
    }

    @Test func sectionsFollowTheTopicsOfStatementsAndSeries() throws {
        let brief = try Self.brief("""
            organizations:
              - {id: ofaj, name: Franco-German Youth Office, abbreviation: OFAJ, kind: agency, countries: [fr, de], sectors: [youth exchange], sources: [s]}
            statements:
              - {id: d, topic: defence-and-security, text: A brigade of both countries, sources: [s]}
              - {id: r, topic: regional-integration, text: Both are founding members of the European Communities, sources: [s]}
              - {id: c, topic: people-to-people, text: Millions of young people took part in exchanges, sources: [s]}
            series:
              - {id: fines, title: Environmental fines, indicator: other, topic: environment-and-climate, currency: EUR, scale: million, sources: [s]}
            observations:
              - {series: fines, period: 2023, value: 2}
            """)
        #expect(brief.contains("Defence and Security\n---"))
        #expect(brief.contains("Regional Integration\n---"))
        #expect(brief.contains("Environment and Climate\n-----------------------\n  • Environmental fines"))
        #expect(!brief.contains("Economic Relations"), "a series on another topic does not make an economy section")
        #expect(!brief.contains("Development Cooperation"), "an agency alone is not assistance between the two")
        #expect(brief.contains("People-to-people Ties\n---") && !brief.contains("Diaspora"))
        #expect(brief.contains("Bodies of both countries: Franco-German Youth Office (OFAJ).[1]"))
    }

    @Test func eventsThatDidNotHappenAsPlannedSaySo() throws {
        let brief = try Self.brief("""
            mechanisms:
              - {id: council, name: Council of Ministers, established: 2003-01, sources: [s]}
            events:
              - {id: e1, kind: dialogue-round, title: Council in Fontainebleau, start: 2022-10, status: postponed, mechanism: council, sources: [s]}
              - {id: e2, kind: meeting, title: Leaders' call, start: 2020-04, format: virtual, sources: [s]}
              - {id: e3, kind: visit, title: State visit, start: 2021-05, status: cancelled, sources: [s]}
            """)
        #expect(brief.contains("Council of Ministers, established January 2003"))
        #expect(brief.contains("October 2022: Council in Fontainebleau (postponed)."))
        #expect(brief.contains("April 2020: Leaders' call (held by video link)."))
        #expect(brief.contains("May 2021: State visit (called off)."))
    }

    @Test func mechanismsAndUndatedStatementsFollowTheAsOfDate() throws {
        let text = """
            mechanisms:
              - {id: old, name: Old council, established: 1988, ended: 2019, sources: [e]}
              - {id: new, name: New council, established: 2023-12, sources: [s]}
            statements:
              - {id: u, topic: overview, text: Undated and from an early source, sources: [s]}
              - {id: v, topic: overview, text: Undated and from a later source, sources: [t]}
            """
        let early = try Self.brief(text, asOf: "2023-11-30")
        #expect(early.contains("Old council, established 1988, ended 2019"))
        #expect(!early.contains("New council"))
        let now = try Self.brief(text)
        #expect(now.contains("New council, established December 2023"))
        let before = try Self.brief(text, asOf: "2018")
        #expect(before.contains("Old council, established 1988[1]"), "the end is not known yet")
        #expect(early.contains("Undated and from an early source") && !early.contains("Undated and from a later source"))
        #expect(early.replacingOccurrences(of: "\n", with: " ").contains("Statements without a date of their own (1) are kept because their sources were published by 30 November 2023."))
        #expect(!now.contains("Statements without a date of their own"))
    }

    @Test func figuresKeepTheirLabelsSourcesAndCountOfEarlierPeriods() throws {
        let brief = try Self.brief("""
            series:
              - {id: x, title: Trade, indicator: trade, currency: EUR, scale: billion, dimensions: [flow], period_kind: calendar-year, sources: [s]}
            observations:
              - {series: x, period: 2019, value: 1, dimensions: {flow: exports}}
              - {series: x, period: 2020, value: 2, dimensions: {flow: exports}}
              - {series: x, period: 2021, value: 3, dimensions: {flow: exports}, sources: [t]}
              - {series: x, period: 2022, value: 4, dimensions: {flow: exports}, note: Provisional, sources: [t]}
              - {series: x, period: 2022, value: 5, dimensions: {flow: imports}, sources: [t]}
              - {series: x, period: 2023, value: 55, dimensions: {flow: exports}, sources: [t]}
            """, width: 0)
        #expect(brief.contains("2023: exports €55 billion.[1]"), "one dimension keeps its label; the mark follows the full stop")
        #expect(brief.contains("2022: exports €4 billion[1]; imports €5 billion.[1] exports: Provisional."))
        #expect(brief.contains("◦ and 2 earlier periods"))
        #expect(brief.contains("  • Trade:\n"), "no observation shown stands on the series' sources")
    }

    @Test func theSourcesListEndsTitlesOnceAndKeepsDatesWhole() throws {
        let brief = try Self.brief("statements:\n  - {id: a, topic: overview, text: A fact, sources: [s]}\n", width: 50)
        #expect(brief.contains("[1] A report ending in a full stop. P."))
        #expect(!brief.contains("stop.."))
        #expect(brief.contains("25 November 2023"), "the date is on one line")
    }

    @Test func marksFollowTheFullStop() {
        #expect(TextLayout.marksAfterFullStops("80 companies[20][3].") == "80 companies.[20][3]")
        #expect(TextLayout.marksAfterFullStops("[7] [A title]. Dawn.") == "[7] [A title]. Dawn.")
        #expect(TextLayout.marksAfterFullStops("a[1]. b[2].") == "a.[1] b.[2]")
    }

    @Test func anAmountSetInAUnitOfAccountSaysSo() throws {
        let brief = try Self.brief("""
            series:
              - {id: fines, title: Fines, indicator: other, topic: environment-and-climate, currency: CLP, scale: million, sources: [s]}
            observations:
              - {series: fines, period: 2023, value: 7.5, stated_amount: 10, stated_unit: UTA}
            """, width: 0)
        #expect(brief.contains("2023: CLP 7.5 million (set as 10 UTA)."))
    }
}
