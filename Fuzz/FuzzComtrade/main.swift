import Bilateral
import Foundation
import FuzzSupport

/// A UN Comtrade file, its API's JSON or its CSV download: the records, their periods and values, and
/// the selection of a series.
func fuzzComtrade(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard let message = try? ComtradeReader(file: "fuzz").read(input(bytes, count)) else { return 0 }
    _ = try? SeriesSelection(codes: [:]).series(of: message)
    return 0
}

exit(runFuzzer(fuzzComtrade))
