/// The quotes of a citations table (an export's Citations sheet, or the dataset's own), by citing
/// table, record and source: what the sources cell of each record's row carries, as
/// `TableRows.citations(_:quotes:)` writes it.
struct CitationQuotes {
    private var quotes: [String: [String: [String: String]]] = [:]

    /// Takes a row of the citations table: the citing record, its table, the source and the quote.
    /// A row without a record (an observation without an id) cannot be told apart, and is left out.
    mutating func add(_ texts: [String]) {
        guard texts.count >= 4, !texts[0].isEmpty else { return }
        quotes[texts[1], default: [:]][texts[0], default: [:]][texts[2]] = texts[3]
    }

    /// The quotes of the records of `table`, by record and source.
    func of(table: String) -> [String: [String: String]] { quotes[table] ?? [:] }
}
