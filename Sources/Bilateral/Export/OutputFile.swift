import Glibc

/// A file being written through a large buffer. Errors carry the file's path and the system's message.
public final class OutputFile {
    /// The path shown in messages.
    public let path: String
    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var isOpen = true
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 20

    init(path: String, descriptor: Int32, closesDescriptor: Bool = true) {
        self.path = path
        self.descriptor = descriptor
        self.closesDescriptor = closesDescriptor
        buffer.reserveCapacity(Self.capacity)
    }

    /// The bytes of `text`, as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends `bytes`.
    public func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends to the buffer directly, for writers that encode bytes themselves; call `flushIfFull` after.
    public func withBuffer<T>(_ body: (inout [UInt8]) throws -> T) rethrows -> T { try body(&buffer) }

    /// Hands the buffer to the file when it is full; for writers that fill the buffer themselves.
    public func flushIfFull() throws {
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError.io(path: path, message: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and closes the file unless it is standard output.
    func close() throws {
        guard isOpen else { return }
        try flush()
        isOpen = false
        if closesDescriptor, Glibc.close(descriptor) != 0 {
            throw ExportError.io(path: path, message: String(cString: strerror(errno)))
        }
    }

    /// Closes without writing what is buffered, after a failure.
    func discard() {
        buffer.removeAll()
        guard isOpen else { return }
        isOpen = false
        if closesDescriptor { _ = Glibc.close(descriptor) }
    }
}
