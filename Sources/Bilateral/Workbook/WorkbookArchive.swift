import Foundation
import ZIPFoundation

/// The ZIP container of a workbook from outside, read within bounds: entry names must be plain
/// relative paths, and no entry may inflate past a size or a ratio to its compressed size, so a
/// ZIP bomb stops after a bounded amount of work and memory.
struct WorkbookArchive {
    /// The most entries a workbook may have.
    static let maximumEntries = 10_000
    /// The most bytes one part may inflate to.
    static let maximumPartSize: UInt64 = 2 << 30
    /// The most a part may inflate per compressed byte, beyond the first megabyte.
    static let maximumRatio: UInt64 = 250

    private let archive: Archive
    /// Entries by path.
    private let entries: [String: Entry]

    /// Opens the workbook at `url`, or the bytes `data`.
    init(url: URL) throws(WorkbookError) {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw WorkbookError(.notAWorkbook, "it is not a ZIP archive, as an .xlsx workbook is")
        }
        try self.init(archive)
    }

    /// Opens a workbook held in memory. The bytes are spooled to an unnamed temporary file and read from
    /// there: ZIPFoundation's in-memory archive traps on some malformed archives (a read past the end),
    /// where its file reading reports an error.
    init(data: Data) throws(WorkbookError) {
        let spool: SpooledFile
        do { spool = try SpooledFile(data) } catch {
            throw WorkbookError(.notAWorkbook, "it cannot be held in a temporary file: \(error)")
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: spool.path), accessMode: .read) } catch {
            throw WorkbookError(.notAWorkbook, "it is not a ZIP archive, as an .xlsx workbook is")
        }
        try self.init(archive, spool: spool)
    }

    /// The temporary file an in-memory workbook is read from, closed when the archive is done.
    private let spool: SpooledFile?

    private init(_ archive: Archive, spool: SpooledFile? = nil) throws(WorkbookError) {
        self.archive = archive
        self.spool = spool
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < Self.maximumEntries else {
                throw WorkbookError(.unsafeArchive, "more than \(Self.maximumEntries) entries")
            }
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.contains("\\") || parts.contains("..") || path.utf8.count > 1024 {
                throw WorkbookError(.unsafeArchive, "the entry name '\(VisibleText.escaped(String(path.prefix(120))))', which leaves the archive")
            }
            entries[path] = entry
        }
        self.entries = entries
    }

    /// Whether the archive has a part at `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// An error `read`'s `body` threw, told apart from the archive's own: it reaches the caller as thrown
    /// (a stop the caller asked for is no damaged part).
    private struct FromBody: Error {
        let error: Error
    }

    /// Streams the part at `path` to `body` in chunks; false when there is no such part.
    @discardableResult
    func read(_ path: String, _ body: (Data) throws -> Void) throws -> Bool {
        guard let entry = entries[path] else { return false }
        let compressed = UInt64(max(entry.compressedSize, 1))
        let limit = min(Self.maximumPartSize, max(1 << 20, compressed * Self.maximumRatio))
        var total: UInt64 = 0
        // The checksum is zlib's: ZIPFoundation's own takes longer than inflating on Linux.
        var checksum = PartChecksum()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { chunk in
                total += UInt64(chunk.count)
                if total > limit {
                    throw WorkbookError(.unsafeArchive, "the part '\(path)' inflates past \(limit >> 20) MiB (\(total / compressed)× its compressed size), as a ZIP bomb does")
                }
                checksum.add(chunk)
                do { try body(chunk) } catch { throw FromBody(error: error) }
            }
            guard checksum.value == entry.checksum else {
                throw WorkbookError(.notAWorkbook, "the part '\(path)' is damaged: its checksum is not the one the archive records")
            }
        } catch let error as WorkbookError {
            throw error
        } catch let error as FromBody {
            guard let failure = error.error as? XMLTokenizer.Failure else { throw error.error }
            throw WorkbookError(.malformedXML, "the part '\(path)' is not well-formed XML: \(failure.message) (byte \(failure.offset))")
        } catch {
            throw WorkbookError(.notAWorkbook, "the part '\(path)' cannot be inflated: \(error)")
        }
        return true
    }

    /// Tokenizes the XML part at `path`, handing each token to `body` with the tokenizer (for
    /// attributes); false when there is no such part.
    @discardableResult
    func readXML(_ path: String, _ body: (XMLTokenizer.Token, borrowing XMLTokenizer) throws -> Void) throws -> Bool {
        var tokenizer = XMLTokenizer()
        let found = try read(path) { chunk in
            // Moved out of the captured variable for the chunk, so that each token lends the tokenizer to
            // `body` without copying it (a copy of a captured variable costs a retain of each of its arrays).
            var local = XMLTokenizer()
            swap(&local, &tokenizer)
            defer { swap(&local, &tokenizer) }
            local.feed(chunk)
            while let token = try local.next() { try body(token, local) }
        }
        guard found else { return false }
        tokenizer.finish()
        do {
            while let token = try tokenizer.next() { try body(token, tokenizer) }
        } catch let error as XMLTokenizer.Failure {
            throw WorkbookError(.malformedXML, "the part '\(path)' is not well-formed XML: \(error.message) (byte \(error.offset))")
        }
        return true
    }
}

/// Bytes written to an unnamed temporary file (or, where the file system has none, a named one removed
/// with it), open until the last reference goes.
private final class SpooledFile: Sendable {
    let path: String
    private let descriptor: Int32
    private let isNamed: Bool

    init(_ data: Data) throws {
        let file = try TemporaryPath.unnamedFile("bilateral-workbook")
        descriptor = file.descriptor
        path = file.path
        let output = OutputFile(path: file.path, descriptor: file.descriptor, closesDescriptor: false)
        try output.write(data)
        isNamed = file.named
        try output.flush()
    }

    deinit {
        close(descriptor)
        if isNamed { unlink(path) }
    }
}
