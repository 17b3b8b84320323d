import Foundation

/// A source's archived text: the one its document carries (`archived_text`), else the content of the
/// file its `archive` names, read through the dataset's confined files.
enum ArchivedText {
    /// Why an archived text could not be had.
    enum Failure: Error {
        /// The file could not be read (missing, outside the root…).
        case unreadable(DatasetFileError)
        /// Any other error reading the file.
        case other(any Error)
        /// The file is not UTF-8.
        case notUTF8
    }

    /// The source's archived text; nil when it has none.
    static func of(_ source: Source, files: DatasetFiles) -> Result<String, Failure>? {
        if let text = source.archivedText { return .success(text) }
        guard let path = source.archive else { return nil }
        do {
            guard let text = String(data: try files.read(path), encoding: .utf8) else { return .failure(.notUTF8) }
            return .success(text)
        } catch let error as DatasetFileError {
            return .failure(.unreadable(error))
        } catch {
            return .failure(.other(error))
        }
    }
}
