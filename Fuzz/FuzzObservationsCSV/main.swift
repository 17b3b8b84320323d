import Bilateral
import Foundation
import FuzzSupport

/// An observations CSV file: the tokenizer (quotes, line breaks, line endings) and the checker of every
/// row (periods, decimals, dimensions, text), as validation and an export read it.
func fuzzObservationsCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let document = dataset("""
        series:
          - {id: x, title: X, indicator: trade, currency: USD, scale: million, period_kind: month, dimensions: [hs_code], observations_file: rows.csv, sources: [s]}

        """)
    let checked = DatasetValidation.check(document, file: "fuzz.yaml", files: MemoryFiles(["rows.csv": input(bytes, count)]))
    if let validated = checked.validated(strict: false) {
        var rows = 0
        try? validated.forEachObservation { _ in rows += 1 }
    }
    return 0
}

exit(runFuzzer(fuzzObservationsCSV))
