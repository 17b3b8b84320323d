import Foundation
import Testing
@testable import Bilateral

/// `bilateral portfolio DIR`: the overview's golden files, what counts as the latest exchange and the
/// newest observation, and when a relationship is stale.
struct PortfolioOverviewTests {
    @Test(arguments: [("text", "txt"), ("markdown", "md"), ("json", "json")])
    func overviewMatchesItsGoldenFile(format: String, ext: String) throws {
        let run = try Transcript.run(["portfolio", "Fixtures/portfolio", "--today", "2026-12-02", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try String(contentsOf: Repository.url("Tests/Golden/portfolio-overview/overview.\(ext)"), encoding: .utf8)))
    }

    @Test func summarisesWhatTheRelationshipHolds() throws {
        let overview = PortfolioOverview(try PortfolioDirectory(scanning: Repository.url("Fixtures/portfolio").path),
                                         today: PartialDate(year: 2024, month: 12, day: 31), staleAfterMonths: 12, jobs: 1)
        #expect(overview.invalid.isEmpty)
        let frDe = try #require(overview.relationships.first { $0.path.hasSuffix("/fr-de.yaml") })
        #expect(frDe.countries == ["France", "Germany"])
        // The postponed meeting of 2023 is later, but did not take place.
        #expect(frDe.latestExchange?.id == "fr-de-visit")
        #expect(frDe.newestObservationPeriod?.description == "2023")
        #expect(frDe.records[.observation] == 2 && frDe.records[.event] == 2 && frDe.records[.country] == 3)
        #expect(overview.stale.isEmpty)
    }

    @Test func staleOnlyWhenTheAsOfDateIsOlderThanTheLimit() throws {
        let dataset = try Export.validated("Fixtures/valid/minimal.yaml")
        let summary = try RelationshipSummary(path: "minimal.yaml", dataset: dataset)
        let asOf = summary.asOf
        #expect(asOf.precision == .day)
        let oneYearOn = PartialDate(year: asOf.year + 1, month: asOf.month, day: asOf.day)
        let dayAfter = PartialDate(year: asOf.year + 1, month: asOf.month, day: asOf.day! + 1)
        #expect(!summary.isStale(today: oneYearOn, months: 12))
        #expect(summary.isStale(today: dayAfter, months: 12))
        #expect(!summary.isStale(today: dayAfter, months: 13))
        #expect(summary.isStale(today: dayAfter, months: 0))
        #expect(!summary.isStale(today: asOf, months: 0))
    }

    @Test func invalidRelationshipsAreListedAndFail() throws {
        let run = try Transcript.run(["portfolio", "Fixtures/portfolio-errors/reference-not-included", "--today", "2025-01-01"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("fr-it.yaml    France – Italy"))
        #expect(run.stdout.hasSuffix("invalid: fr-de.yaml (1 error, 0 warnings); run 'bilateral validate Fixtures/portfolio-errors/reference-not-included/fr-de.yaml'\n"))
    }

    @Test func staleRelationshipsFailOnlyUnderStrict() throws {
        let lenient = try Transcript.run(["portfolio", "Fixtures/portfolio", "--today", "2026-12-02"])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning: fr-de.yaml is stale: as of 2024-06-30, more than 12 months before 2026-12-02"))
        #expect(try Transcript.run(["portfolio", "Fixtures/portfolio", "--today", "2026-12-02", "--strict"]).status == 1)
        #expect(try Transcript.run(["portfolio", "Fixtures/portfolio", "--today", "2025-06-30", "--strict"]).status == 0)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Transcript.run(["portfolio", "Fixtures/portfolio", "--today", "2026-12"]).status == 2)
        #expect(try Transcript.run(["portfolio", "Fixtures/portfolio", "--stale-after", "-1"]).status == 2)
        #expect(try Transcript.run(["portfolio", "Fixtures/pakistan-japan.yaml"]).status == 2)
        #expect(try Transcript.run(["portfolio", "Fixtures/portfolio-errors/no-dataset"]).status == 2)
    }
}
