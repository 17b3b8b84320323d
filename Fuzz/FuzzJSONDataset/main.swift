import Bilateral
import Foundation
import FuzzSupport

/// A dataset document in JSON (the canonical export's form, archived texts carried in it): read,
/// validated, and when valid written back as JSON, which must read back to the same dataset.
func fuzzJSONDataset(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let files = MemoryFiles([:])
    let checked = DatasetValidation.check(input(bytes, count), file: "fuzz.json", files: files)
    guard let validated = checked.validated(strict: false), let json = try? JSONWriter.data(validated) else { return 0 }
    let again = DatasetValidation.check(json, file: "again.json", files: files)
    guard let reread = again.validated(strict: false)?.dataset, reread == validated.dataset else {
        fatalError("the canonical JSON of a valid dataset does not read back to the same dataset")
    }
    return 0
}

exit(runFuzzer(fuzzJSONDataset))
