import Foundation

/// A source of bytes read in chunks.
public protocol ByteStream {
    /// Fills `buffer` with up to `buffer.count` bytes and returns how many; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes read from a file descriptor.
public final class FileByteStream: ByteStream {
    private let descriptor: Int32

    /// A stream of an open descriptor, which the stream closes.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Reads the next bytes into `buffer`; returns how many, 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }
}

/// Bytes held in memory.
public struct DataByteStream: ByteStream {
    private let data: Data
    private var offset = 0

    /// A stream of `data`.
    public init(_ data: Data) { self.data = data }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, data.count - offset)
        guard count > 0 else { return 0 }
        data.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
