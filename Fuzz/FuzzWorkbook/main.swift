import Bilateral
import Foundation
import FuzzSupport

/// A workbook from outside, imported: the ZIP container (bounds, entry names), the XML tokenizer
/// (entities, DOCTYPE, chunks), the sheet reader, the cells' conversion back to text, the three-way
/// comparison and the edit engine. An input that is a ZIP is the whole workbook; any other input is the
/// XML of the Events sheet of a workbook the scene exported, so that mutations reach past the ZIP layer.
func fuzzWorkbook(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = input(bytes, count)
    let scene = WorkbookScene.shared
    let workbook = data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? data : scene.workbook(eventsSheet: data)
    _ = try? scene.importing(workbook)
    return 0
}

exit(runFuzzer(fuzzWorkbook))
