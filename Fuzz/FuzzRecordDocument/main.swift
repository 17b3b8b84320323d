import Bilateral
import Foundation
import FuzzSupport

/// A record document of shared records, included by a dataset: read as an include, validated with the
/// dataset that includes it.
func fuzzRecordDocument(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let document = dataset("include: [records.yaml]\n")
    _ = DatasetValidation.check(document, file: "fuzz.yaml", files: MemoryFiles(["records.yaml": input(bytes, count)]))
    return 0
}

exit(runFuzzer(fuzzRecordDocument))
