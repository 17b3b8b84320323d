import Bilateral
import Foundation

/// The files a fuzzed dataset refers to, held in memory: a fuzz target puts its input behind a name
/// (an observations file, a record document) and the loader reads it as it would a file on disk.
public struct MemoryFiles: DatasetFiles {
    /// The files, by path relative to the dataset document.
    public let files: [String: Data]

    /// Files named by path.
    public init(_ files: [String: Data]) { self.files = files }

    /// The path as findings name it.
    public func displayPath(_ relativePath: String) -> String { relativePath }

    /// The file's bytes, or the error a missing file on disk gives.
    public func read(_ relativePath: String) throws -> Data {
        guard let data = files[relativePath] else {
            throw DatasetFileError.unreadable(path: relativePath, reason: "No such file or directory")
        }
        return data
    }

    /// The file as a stream.
    public func open(_ relativePath: String) throws -> ByteStream { DataByteStream(try read(relativePath)) }
}

/// The fuzz input as `Data`.
public func input(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Data { Data(bytes: bytes, count: count) }

/// A small valid dataset, with `extra` YAML appended at its top level, that fuzz targets wrap their
/// input in: a series reading `rows.csv`, an include of `records.yaml`.
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
