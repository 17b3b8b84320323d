import Foundation

/// An error whose `localizedDescription` is its description: the message `bilateral` prints for it.
/// Every error the library throws is one.
public protocol DescribedError: LocalizedError, CustomStringConvertible {}

extension DescribedError {
    /// The message `bilateral` prints for the error.
    public var errorDescription: String? { description }
}

extension ExportError: DescribedError {}
extension BriefError: DescribedError {}
extension PluginError: DescribedError {}
extension DatasetFileError: DescribedError {}
extension DiffError: DescribedError {}
