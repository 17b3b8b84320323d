/// A ZIP archive of stored (uncompressed) entries, in the order added, every entry dated the same
/// moment: the same parts give the same bytes, on any machine and in any time zone.
struct StoredZIP {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    /// MS-DOS time and date of every entry.
    private let time: UInt16
    private let date: UInt16

    /// - Parameter modified: seconds since 1970 in UTC; dates before 1980 (the format's first) become 1980.
    init(modified: Int) {
        let (year, month, day, seconds) = UTCTime.fields(modified)
        if year < 1980 {
            date = 1 << 5 | 1
            time = 0
        } else {
            date = UInt16(min(year - 1980, 127) << 9 | month << 5 | day)
            time = UInt16((seconds / 3600) << 11 | (seconds / 60 % 60) << 5 | (seconds % 60) / 2)
        }
    }

    /// Adds the file `name` holding `data`.
    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.of(data)
        let offset = UInt32(bytes.count)
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        var local: [UInt8] = []
        local.le32(0x0403_4b50); local.le16(20); local.le16(flags); local.le16(0)
        local.le16(time); local.le16(date); local.le32(crc)
        local.le32(UInt32(data.count)); local.le32(UInt32(data.count))
        local.le16(UInt16(nameBytes.count)); local.le16(0)
        bytes += local + nameBytes + data
        central.le32(0x0201_4b50); central.le16(20); central.le16(20); central.le16(flags); central.le16(0)
        central.le16(time); central.le16(date); central.le32(crc)
        central.le32(UInt32(data.count)); central.le32(UInt32(data.count))
        central.le16(UInt16(nameBytes.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
        central.le32(0); central.le32(offset)
        central += nameBytes
        count += 1
    }

    /// The whole archive: the entries, their directory and its end record.
    func finished() -> [UInt8] {
        var end: [UInt8] = []
        end.le32(0x0605_4b50); end.le16(0); end.le16(0)
        end.le16(UInt16(count)); end.le16(UInt16(count))
        end.le32(UInt32(central.count)); end.le32(UInt32(bytes.count)); end.le16(0)
        return bytes + central + end
    }
}

/// The CRC-32 checksum of ZIP entries (IEEE polynomial, reflected).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func of(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

private extension Array where Element == UInt8 {
    mutating func le16(_ value: UInt16) { append(UInt8(value & 0xFF)); append(UInt8(value >> 8)) }
    mutating func le32(_ value: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) } }
}
