import Foundation

/// A dataset's files as an editor has them: the text of each open buffer in place of the file on disk
/// (saved or not), every other file read from disk, confined to the root as `DiskFiles` confines it.
struct OverlayFiles: DatasetFiles {
    /// The files on disk, relative to the dataset document's directory.
    let disk: DiskFiles
    /// The open buffers' text, by absolute normalised path.
    let buffers: [String: Data]

    func displayPath(_ relativePath: String) -> String { FilePaths.normalised(disk.displayPath(relativePath)) }

    func read(_ relativePath: String) throws -> Data {
        let path = displayPath(relativePath)
        if let data = buffers[path], !relativePath.hasPrefix("/"), FilePaths.isInside(path, disk.root) { return data }
        return try disk.read(relativePath)
    }

    func open(_ relativePath: String) throws -> ByteStream {
        let path = displayPath(relativePath)
        if let data = buffers[path], !relativePath.hasPrefix("/"), FilePaths.isInside(path, disk.root) { return DataByteStream(data) }
        return try disk.open(relativePath)
    }
}
