import Foundation
import Testing
@testable import Bilateral

/// The observation cells that exports write out field by field (`appendColumnCells`) are the cells the
/// field declarations make, for every field, so the fast path cannot drift from the declarations.
struct ObservationCellsTests {
    @Test func theWrittenOutCellsAreTheDeclaredCells() throws {
        var full = Observation()
        full.id = "total-2019"
        full.series = "exports"
        let period = Array("2018-07/2019-06".utf8)
        full.period = try #require(period.withUnsafeBufferPointer { Period.parse($0) })
        full.periodKind = .fiscalYear
        full.value = Number(12.5, fractionDigits: 1)
        full.approximate = true
        full.partOf = "grand-total"
        full.independentlyRounded = true
        full.tolerance = Number(0.5, fractionDigits: 1)
        full.statedAmount = Number(3, fractionDigits: 0)
        full.statedUnit = "UTA"
        full.dimensions = ["hs_code": "0306", "flow": "export"]
        full.note = "A note."
        var observations = [full, Observation()]
        for path in ["Fixtures/pakistan-japan.yaml", "Fixtures/valid/edge-cases.yaml", "Fixtures/valid/observations-csv.yaml"] {
            try Export.validated(path).forEachObservation { observations.append($0) }
        }
        #expect(Observation.columns.count == Observation.fields.filter { $0.placement == .column }.count)
        for observation in observations {
            var written: [Cell] = []
            observation.appendColumnCells(to: &written)
            #expect(written == observation.cells, "\(observation.label)")
            var withoutDimensions: [Cell] = []
            observation.appendColumnCells(to: &withoutDimensions, dimensions: false)
            let dimensions = try #require(Observation.columns.firstIndex { $0.name == "dimensions" })
            #expect(withoutDimensions == observation.cells.enumerated().filter { $0.offset != dimensions }.map(\.element))
        }
    }
}
