import Foundation

/// The last statistics file this process read and hashed, kept so that the same bytes are not read
/// again in one run: an import reads the file, then validates the edited dataset, whose rule reads the
/// file the series is imported from. A reading is reused only for the very same bytes (compared whole)
/// and a selection that kept the series asked for; the SHA-256 is taken on a second core while the file is read.
final class StatisticsReadings: @unchecked Sendable {
    /// The readings of this process.
    static let shared = StatisticsReadings()

    private let lock = NSLock()
    private var last: (data: Data, selection: SeriesSelection?, message: StatisticsMessage, sha256: String)?

    /// The last reading, when `stream` holds the very same bytes and it kept every series `selection`
    /// picks; nil otherwise. The stream is compared a megabyte at a time, so no second copy of the file is held.
    func reading(matching stream: inout some ByteStream, keeping selection: SeriesSelection?) -> (message: StatisticsMessage, sha256: String)? {
        lock.lock()
        let known = last
        lock.unlock()
        guard let known, Self.kept(known.selection, selection) else { return nil }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { chunk.deallocate() }
        var offset = 0
        while true {
            guard let count = try? stream.read(into: chunk) else { return nil }
            if count == 0 { return offset == known.data.count ? (known.message, known.sha256) : nil }
            guard offset + count <= known.data.count,
                  known.data[known.data.startIndex + offset..<known.data.startIndex + offset + count].elementsEqual(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
            else { return nil }
            offset += count
        }
    }

    /// Whether a reading that kept the series `kept` picks holds every series `wanted` picks.
    private static func kept(_ kept: SeriesSelection?, _ wanted: SeriesSelection?) -> Bool {
        guard let kept else { return true }
        return wanted.map(kept.includes) ?? false
    }

    /// The message in `data` (named `file` in errors) with the observations of the series `selection`
    /// picks, and the SHA-256 of `data`.
    func read(_ data: Data, file: String, keeping selection: SeriesSelection?) throws -> (message: StatisticsMessage, sha256: String) {
        lock.lock()
        let known = last
        lock.unlock()
        if let known, Self.kept(known.selection, selection), known.data == data { return (known.message, known.sha256) }
        let hash = Pending<String> { SHA256.hex(data) }
        let message = try StatisticsFile.read(data, file: file, keeping: selection)
        let sha256 = hash.value
        lock.lock()
        last = (data, selection, message, sha256)
        lock.unlock()
        return (message, sha256)
    }
}
