@testable import Bilateral
import Foundation
import FuzzSupport

/// The Markdown-to-Word reader of the Word brief: blocks, inlines, source marks and footnotes, then the
/// document's parts; any text must give a document, never a crash.
func fuzzBriefMarkdown(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let properties = DocumentProperties(title: "T", subject: "S", author: "A", keywords: "K", comments: "C", created: 0)
    let document = WordDocument(blocks: BriefMarkdown.blocks(text), styles: .builtIn, marking: nil, properties: properties)
    _ = try? document.bytes(template: "fuzz")
    return 0
}

exit(runFuzzer(fuzzBriefMarkdown))
