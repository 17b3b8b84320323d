import Bilateral
import Foundation
import FuzzSupport

/// A statistics file in SDMX-JSON 1.0 or 2.x: the JSON (read as the loader reads JSON, nesting bounded),
/// the structure's components and value lists, keys, observation arrays, periods and numbers, and the
/// selection of a series.
func fuzzStatisticsJSON(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard let message = try? SDMXJSONReader(file: "fuzz.json").read(input(bytes, count)) else { return 0 }
    _ = try? SeriesSelection(codes: [:]).series(of: message)
    return 0
}

exit(runFuzzer(fuzzStatisticsJSON))
