import Bilateral
import Foundation
import FuzzSupport

/// A statistics file in SDMX-CSV: the header's layout, separators, labels, periods and numbers, and the
/// selection of a series from what was read, as `bilateral import FILE --series` reads them.
func fuzzStatisticsCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard let message = try? SDMXCSVReader(file: "fuzz.csv").read(input(bytes, count)) else { return 0 }
    _ = try? SeriesSelection(codes: [:]).series(of: message)
    if let first = message.series.first {
        _ = try? SeriesSelection(codes: first.key).series(of: message)
    }
    return 0
}

exit(runFuzzer(fuzzStatisticsCSV))
