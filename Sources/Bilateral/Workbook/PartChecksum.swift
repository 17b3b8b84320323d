import CZlibChecksum
import Foundation

/// The CRC-32 of a workbook part as it is inflated, computed by the system zlib, to compare with the
/// checksum the archive records for the part: a damaged part is refused, never read as data.
struct PartChecksum {
    /// The checksum of the bytes added so far.
    private(set) var value: UInt32 = 0

    /// Adds the next bytes of the part.
    mutating func add(_ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            guard var next = raw.bindMemory(to: Bytef.self).baseAddress else { return }
            var remaining = raw.count
            while remaining > 0 {
                // zlib takes at most UInt32.max bytes a call.
                let count = min(remaining, Int(UInt32.max))
                value = UInt32(truncatingIfNeeded: crc32(UInt(value), next, UInt32(count)))
                next += count
                remaining -= count
            }
        }
    }
}
