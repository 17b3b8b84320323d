import Foundation

/// Reads the Language Server Protocol's messages from a stream of bytes: headers (`Content-Length: N`,
/// each ending in CRLF), a blank line, then a body of N bytes. Bounded: headers longer than 8 KiB or a
/// body longer than `maximumLength` are skipped (the body as it arrives, never held), and reported so
/// that the server answers with the protocol's error.
struct MessageReader {
    /// What the next read found.
    enum Outcome: Equatable {
        /// A message's body.
        case message(Data)
        /// Headers that could not be read (no or a bad `Content-Length`); they were skipped.
        case malformed(String)
        /// A body of this many bytes, longer than the limit; it was skipped.
        case tooLarge(Int)
        /// The stream ended.
        case end
    }

    /// The largest body read: 32 MiB, several times the largest dataset document an editor holds.
    static let maximumLength = 32 << 20
    private static let maximumHeaderLength = 8 << 10

    /// Reads more bytes into the buffer given; returns how many, 0 at the end.
    private let read: (UnsafeMutableRawBufferPointer) -> Int
    /// Whether the source has bytes that a read would return at once.
    private let isReadable: () -> Bool
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false

    /// A reader of the bytes `read` gives; `isReadable` says whether a read would return at once.
    init(isReadable: @escaping () -> Bool = { true }, read: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
        self.read = read
        self.isReadable = isReadable
    }

    /// A reader of a file descriptor (the server's standard input).
    init(descriptor: Int32) {
        self.init(isReadable: {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            return poll(&request, 1, 0) > 0
        }) { pointer in
            while true {
                let count = Glibc.read(descriptor, pointer.baseAddress, pointer.count)
                if count >= 0 { return count }
                if errno != EINTR { return 0 }
            }
        }
    }

    /// The next message, or why there is none.
    mutating func next() -> Outcome {
        guard let headerEnd = fill(headers: true, until: { $0.headerEnd }) else {
            if buffered > Self.maximumHeaderLength { return skipHeaders() }
            return .end
        }
        let header = String(decoding: buffer[position..<headerEnd], as: UTF8.self)
        position = headerEnd + 4
        var length: Int?
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { return .malformed("a header line without a colon") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else { return .malformed("Content-Length is not a length") }
                length = number
            }
        }
        guard let length else { return .malformed("no Content-Length header") }
        guard length <= Self.maximumLength else {
            skip(length)
            return .tooLarge(length)
        }
        guard fill(headers: false, until: { $0.buffered >= length ? 0 : nil }) != nil else { return .end }
        let body = Data(buffer[position..<position + length])
        position += length
        compact()
        return .message(body)
    }

    private var buffered: Int { buffer.count - position }

    /// Whether more of the client's input is here already (buffered, or waiting to be read), so that
    /// the next message would not block.
    var hasInputReady: Bool { !ended && (buffered > 0 || isReadable()) }

    /// Where the blank line after the headers starts, if it has arrived.
    private var headerEnd: Int? {
        var index = position
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    /// Reads until `found` answers, or the stream ends, or (reading `headers`) they pass their limit.
    private mutating func fill(headers: Bool, until found: (MessageReader) -> Int?) -> Int? {
        while true {
            if let value = found(self) { return value }
            if ended || (headers && buffered > Self.maximumHeaderLength) { return nil }
            readMore()
        }
    }

    private mutating func readMore() {
        compact()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let count = chunk.withUnsafeMutableBytes { read($0) }
        if count <= 0 { ended = true } else { buffer += chunk[0..<count] }
    }

    private mutating func compact() {
        if position > 0 && (position == buffer.count || position > 1 << 20) {
            buffer.removeFirst(position)
            position = 0
        }
    }

    /// Drops `count` bytes, as they arrive.
    private mutating func skip(_ count: Int) {
        var left = count
        while left > 0 {
            let dropped = min(left, buffered)
            position += dropped
            left -= dropped
            compact()
            if left > 0 {
                if ended { return }
                readMore()
            }
        }
    }

    /// Drops over-long headers up to the next blank line (or all that has arrived).
    private mutating func skipHeaders() -> Outcome {
        position = buffer.count
        compact()
        return .malformed("headers longer than \(Self.maximumHeaderLength) bytes")
    }
}

/// Writes messages with their `Content-Length` header to a file descriptor (the server's standard output).
struct MessageWriter {
    let descriptor: Int32

    /// Writes one message; false when the other end is gone.
    func write(_ body: Data) -> Bool {
        var message = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        message.append(body)
        return message.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
