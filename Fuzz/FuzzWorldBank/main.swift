import Bilateral
import Foundation
import FuzzSupport

/// A World Bank file, its API's JSON or its download page's CSV: the records or the rows of years, their
/// periods and values, and the selection of a series.
func fuzzWorldBank(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard let message = try? WorldBankReader(file: "fuzz").read(input(bytes, count)) else { return 0 }
    _ = try? SeriesSelection(codes: [:]).series(of: message)
    return 0
}

exit(runFuzzer(fuzzWorldBank))
