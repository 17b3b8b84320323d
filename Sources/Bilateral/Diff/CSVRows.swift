import Foundation

/// The records of a CSV file held in memory, found without parsing their fields: where each starts
/// and ends (line break excluded) and the line it starts on. Quoted fields may hold line breaks;
/// blank lines are skipped, as the tokenizer skips them.
///
/// This is what lets `bilateral diff` set aside the rows two versions share by comparing bytes, and
/// parse only the rows that differ.
struct CSVRows {
    let data: Data
    let starts: [Int]
    let ends: [Int]
    let lines: [Int]

    var count: Int { starts.count }

    /// The indices of the records after the header.
    var dataRows: [Int] { Array(1..<max(count, 1)) }

    init(_ data: Data) {
        self.data = data
        var starts: [Int] = [], ends: [Int] = [], lines: [Int] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return }
            let size = raw.count
            var position = 0, line = 1
            while position < size {
                let start = position, startLine = line
                var inQuotes = false
                var end = size
                while position < size {
                    let remaining = size - position
                    var newline = size
                    if let found = memchr(base + position, Int32(UInt8(ascii: "\n")), remaining) {
                        newline = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    }
                    if memchr(base + position, Int32(UInt8(ascii: "\"")), newline - position) != nil {
                        for offset in position..<newline where base[offset] == UInt8(ascii: "\"") { inQuotes.toggle() }
                    }
                    position = newline + 1
                    if newline < size { line += 1 }
                    if !inQuotes {
                        end = newline
                        break
                    }
                }
                if end > start, base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                guard end > start else { continue }
                starts.append(start)
                ends.append(min(end, size))
                lines.append(startLine)
            }
        }
        (self.starts, self.ends, self.lines) = (starts, ends, lines)
    }

    /// The record's bytes, without its line break.
    func bytes(_ index: Int) -> Data { data[data.startIndex + starts[index] ..< data.startIndex + ends[index]] }

    /// Pairs each record of `new` after the header with an identical one of `old` (byte for byte),
    /// and returns the indices left unpaired on each side, in file order.
    static func unpairedRows(_ old: CSVRows, _ new: CSVRows) -> (old: [Int], new: [Int]) {
        old.data.withUnsafeBytes { oldRaw in
            new.data.withUnsafeBytes { newRaw in
                let oldBase = oldRaw.bindMemory(to: UInt8.self).baseAddress, newBase = newRaw.bindMemory(to: UInt8.self).baseAddress
                guard let oldBase, let newBase, old.count > 1 else { return (old.dataRows, new.dataRows) }
                var capacity = 16
                while capacity < 2 * old.count { capacity <<= 1 }
                let mask = capacity - 1
                var slots = [Int32](repeating: -1, count: capacity)
                var hashes = [UInt64](repeating: 0, count: old.count)
                for row in 1..<old.count {
                    let hash = Self.hash(oldBase + old.starts[row], old.ends[row] - old.starts[row])
                    hashes[row] = hash
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot] >= 0 { slot = (slot + 1) & mask }
                    slots[slot] = Int32(row)
                }
                var paired = [Bool](repeating: false, count: old.count)
                var unpairedNew: [Int] = []
                for row in new.dataRows {
                    let start = newBase + new.starts[row], length = new.ends[row] - new.starts[row]
                    let hash = Self.hash(start, length)
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    var found = false
                    while slots[slot] >= 0 {
                        let candidate = Int(slots[slot])
                        if !paired[candidate], hashes[candidate] == hash, old.ends[candidate] - old.starts[candidate] == length,
                           memcmp(oldBase + old.starts[candidate], start, length) == 0 {
                            paired[candidate] = true
                            found = true
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                    if !found { unpairedNew.append(row) }
                }
                return ((1..<old.count).filter { !paired[$0] }, unpairedNew)
            }
        }
    }

    /// A fast 64-bit hash of `length` bytes, eight at a time.
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var offset = 0
        while offset + 8 <= length {
            let word = UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < length {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ hash >> 32
    }
}
