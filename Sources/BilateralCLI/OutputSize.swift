import Foundation

/// The size of what an export wrote, for the line that says so: `412 bytes`, `56 KB`, `1.4 MB`.
enum OutputSize {
    /// The size of the file at `path`, or of the files in the directory at `path`; nil when it cannot be read.
    static func of(_ path: String) -> String? {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: path) else { return nil }
        var bytes = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            bytes = 0
            for name in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
                bytes += ((try? manager.attributesOfItem(atPath: path + "/" + name))?[.size] as? NSNumber)?.int64Value ?? 0
            }
        }
        return words(bytes)
    }

    /// A byte count in decimal units, as file managers show them.
    static func words(_ bytes: Int64) -> String {
        switch bytes {
        case ..<1_000: "\(bytes) byte\(bytes == 1 ? "" : "s")"
        case ..<1_000_000: "\((bytes + 500) / 1_000) KB"
        case ..<1_000_000_000: String(format: "%.1f MB", Double(bytes) / 1e6)
        default: String(format: "%.1f GB", Double(bytes) / 1e9)
        }
    }
}
