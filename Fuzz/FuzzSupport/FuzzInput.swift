import Bilateral
import Foundation

/// The fuzz input as `Data`.
public func input(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Data { Data(bytes: bytes, count: count) }

/// A small valid dataset, with `extra` YAML appended at its top level, that fuzz targets wrap their
/// input in (a series reading `rows.csv`, an include of `records.yaml`), the input itself held in
/// `MemoryFiles`.
public func dataset(_ extra: String) -> Data {
    Data(("""
        format: bilateral/1
        dataset: {title: T, countries: [pk, jp], version: 1.0.0, as_of: 2024-06-01, licence: CC-BY-4.0}
        sources:
          - {id: s, title: S, tier: official}
        countries:
          - {id: pk, alpha2: PK, alpha3: PAK, name: Pakistan}
          - {id: jp, alpha2: JP, alpha3: JPN, name: Japan}

        """ + extra).utf8)
}

/// The start of a client's session with the language server: `initialize`, `initialized`, and the
/// opening of `dataset("")` as `file:///fuzz/d.yaml`, framed as a client frames them.
public func languageServerSession() -> Data {
    let text = String(decoding: dataset(""), as: UTF8.self)
    let quoted = String(decoding: try! JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed]), as: UTF8.self)
    let messages = [
        #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"rootUri":"file:///fuzz"}}"#,
        #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz/d.yaml","languageId":"yaml","version":1,"text":\#(quoted)}}}"#,
    ]
    return Data(messages.map { "Content-Length: \($0.utf8.count)\r\n\r\n\($0)" }.joined().utf8)
}
