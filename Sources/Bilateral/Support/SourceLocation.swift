/// A place in a file: the path as the user gave it, and a 1-based line and column.
///
/// Columns count Unicode scalars, as editors and code hosts do.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file, as findings name it.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in characters.
    public var column: Int

    /// The place `file:line:column`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Orders places by file, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
