/// The writers an export can use, by format name: a plain value, so a program can add its own.
///
/// ```swift
/// var registry = WriterRegistry.standard
/// registry.register(MarkdownWriter())
/// try Exporter(registry: registry).export(dataset, format: "markdown", to: .path("out.md"))
/// ```
public struct WriterRegistry: Sendable {
    /// The writers, in the order registered.
    public private(set) var writers: [any DatasetWriter]

    /// A registry of `writers`; a later writer replaces an earlier one of the same format.
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

    /// The writer of `format`, if registered.
    public func writer(for format: String) -> (any DatasetWriter)? { writers.first { $0.format == format } }

    /// The registered format names, in order.
    public var formats: [String] { writers.map(\.format) }
}
