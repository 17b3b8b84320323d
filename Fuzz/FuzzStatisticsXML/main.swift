import Bilateral
import Foundation
import FuzzSupport

/// A statistics file in SDMX-ML 2.1, structure-specific or generic: the tokenizer (no entity, no document
/// type), the elements of series and observations, periods and numbers, and the selection of a series.
func fuzzStatisticsXML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard let message = try? SDMXMLReader(file: "fuzz.xml").read(input(bytes, count)) else { return 0 }
    _ = try? SeriesSelection(codes: [:]).series(of: message)
    return 0
}

exit(runFuzzer(fuzzStatisticsXML))
