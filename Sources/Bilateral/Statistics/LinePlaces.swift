import Foundation

/// The 1-based line and column (in characters) of byte offsets of a file, counted on from the last
/// offset asked for, or from the start for an earlier one.
final class LinePlaces {
    private let data: Data
    private var offset = 0, line = 1, column = 1

    init(_ data: Data) { self.data = data }

    func place(of wanted: Int) -> (line: Int, column: Int) {
        if wanted < offset { (offset, line, column) = (0, 1, 1) }
        let end = min(wanted, data.count)
        data.withUnsafeBytes { bytes in
            while offset < end {
                let byte = bytes[offset]
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
                offset += 1
            }
        }
        return (line, column)
    }
}
