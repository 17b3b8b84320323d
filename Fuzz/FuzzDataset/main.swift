import Bilateral
import Foundation
import FuzzSupport

/// A dataset document in YAML: the composer (libyaml's events, nesting and alias limits), the loader
/// and every validation rule, then the text report of what was found.
func fuzzDataset(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let checked = DatasetValidation.check(input(bytes, count), file: "fuzz.yaml", files: MemoryFiles([:]))
    _ = ReportFormat.text.render(checked.report, strict: true)
    return 0
}

exit(runFuzzer(fuzzDataset))
