/// Numbers the sources in the order the brief first cites them and writes the marks that point to
/// them: `[1]`, `[1][3]`.
final class SourceMarks {
    private let sources: [String: Source]
    private var numbers: [String: Int] = [:]
    /// The cited sources, in number order.
    private(set) var cited: [Source] = []

    init(_ sources: [Source]) {
        self.sources = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The marks of the sources `citations` name, each source once, in the order cited.
    func marks(_ citations: [Citation]) -> String {
        var seen: Set<String> = []
        var text = ""
        for citation in citations where seen.insert(citation.source).inserted {
            guard let number = number(citation.source) else { continue }
            text += "[\(number)]"
        }
        return text
    }

    /// The source with id `id`, if the dataset has one.
    func source(_ id: String) -> Source? { sources[id] }

    /// The number of source `id`, given it when first cited; nil for an unknown source.
    func number(_ id: String) -> Int? {
        if let number = numbers[id] { return number }
        guard let source = sources[id] else { return nil }
        cited.append(source)
        numbers[id] = cited.count
        return cited.count
    }
}
