/// How a brief writes the marks that point to its numbered sources.
enum MarkStyle {
    /// `[1][3]`, for plain text and Markdown.
    case brackets
    /// Superscript links to the numbered sources, each with an id the source links back to:
    /// `<sup class="marks"><a id="cite-1-2" href="#source-1">[1]</a></sup>`.
    case htmlLinks
}

/// Numbers the sources in the order the brief first cites them and writes the marks that point to
/// them: `[1]`, `[1][3]`.
final class SourceMarks {
    private let sources: [String: Source]
    private let style: MarkStyle
    private var numbers: [String: Int] = [:]
    /// How many marks point to each source number so far, for the ids of HTML marks.
    private var uses: [Int: Int] = [:]
    /// The cited sources, in number order.
    private(set) var cited: [Source] = []

    init(_ sources: [Source], style: MarkStyle = .brackets) {
        self.sources = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.style = style
    }

    /// The marks of the sources `citations` name, each source once, in the order cited.
    func marks(_ citations: [Citation]) -> String {
        var seen: Set<String> = []
        var text = ""
        for citation in citations where seen.insert(citation.source).inserted {
            guard let number = number(citation.source) else { continue }
            switch style {
            case .brackets:
                text += "[\(number)]"
            case .htmlLinks:
                uses[number, default: 0] += 1
                text += "<a id=\"cite-\(number)-\(uses[number]!)\" href=\"#source-\(number)\">[\(number)]</a>"
            }
        }
        guard style == .htmlLinks, !text.isEmpty else { return text }
        return "<sup class=\"marks\">\(text)</sup>"
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
