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
