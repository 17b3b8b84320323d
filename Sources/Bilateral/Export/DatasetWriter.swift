/// Turns a validated dataset into the files of one format. A writer only writes: the exporter stages
/// its output beside the destination and moves it into place whole when `write` returns.
///
/// To add a format, write a type that conforms and add it to a `WriterRegistry`.
public protocol DatasetWriter: Sendable {
    /// The name given to `--format` ("csv").
    var format: String { get }
    /// One line for `bilateral formats`.
    var summary: String { get }
    /// One file (which may go to standard output) or a directory of files.
    var layout: OutputLayout { get }
    /// For a directory format, how it is written when the destination names a file (`FileForm`);
    /// nil (the default) when it always writes a directory.
    var fileForm: FileForm? { get }
    /// Writes `dataset` into `output`.
    func write(_ dataset: ValidatedDataset, to output: ExportOutput) throws
}

/// What a writer produces.
public enum OutputLayout: Hashable, Sendable {
    /// One file, usually named with this extension ("json").
    case file(extension: String)
    /// A directory of files.
    case directory
}

/// Choices that apply to every export; a writer reads those that concern it.
public struct ExportOptions: Sendable {
    /// Start text files with a UTF-8 byte-order mark, for spreadsheet programs that need one.
    public var byteOrderMark = false
    /// Write text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
    /// first) so that it shows as text.
    public var neutraliseFormulas = true

    /// The dataset document's path from the top of its git work tree, which a workbook records so that
    /// `bilateral import` finds the dataset again.
    public var datasetFile: String?
    /// The git commit the dataset's files are at, which a workbook records so that `bilateral import`
    /// can tell edits made in the workbook from changes made in git since.
    public var commit: String?

    /// The options; by default no byte-order mark and formulas neutralised.
    public init(byteOrderMark: Bool = false, neutraliseFormulas: Bool = true, datasetFile: String? = nil, commit: String? = nil) {
        self.byteOrderMark = byteOrderMark
        self.neutraliseFormulas = neutraliseFormulas
        self.datasetFile = datasetFile
        self.commit = commit
    }
}
