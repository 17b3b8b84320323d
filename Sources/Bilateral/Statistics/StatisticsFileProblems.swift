/// What `SDMXCSVReader` (and the other statistics readers) found wrong in a file, all at once.
public struct StatisticsFileProblems: Error, Sendable, CustomStringConvertible {
    /// The errors, in the order they were found (a repeated period after the rows are read).
    public var errors: [StatisticsFileError]

    /// The problems `errors`.
    public init(_ errors: [StatisticsFileError]) { self.errors = errors }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
