/// The writers an export can use, by format name: a plain value, so a program can add its own.
///
/// ```swift
/// var registry = WriterRegistry.standard
/// registry.register(MarkdownWriter())
/// try Exporter(registry: registry).export(dataset, format: "markdown", to: .path("out.md"))
/// ```
public struct WriterRegistry: Sendable {
    public private(set) var writers: [any DatasetWriter]

    public init(_ writers: [any DatasetWriter] = []) {
        self.writers = []
        for writer in writers { register(writer) }
    }

    /// The writers built into the tool.
    public static let standard = WriterRegistry([CSVWriter(), JSONWriter(), XLSXWriter(), SQLiteWriter(), BriefWriter(), BriefDocxWriter(), BriefHTMLWriter()])

    /// Adds a writer, replacing any writer of the same format.
    public mutating func register(_ writer: any DatasetWriter) {
        writers.removeAll { $0.format == writer.format }
        writers.append(writer)
    }

    public func writer(for format: String) -> (any DatasetWriter)? { writers.first { $0.format == format } }

    public var formats: [String] { writers.map(\.format) }
}
