/// The series of a statistics file that an import takes: the one whose key has the codes the user
/// names (`--select REF_AREA=PK --select COUNTERPART_AREA=JP`). It matches exactly one series or is
/// refused, saying which keys the file holds.
public struct SeriesSelection: Sendable, Equatable {
    /// The code wanted for each named dimension.
    public var codes: [String: String]

    /// A selection of `codes` by dimension.
    public init(codes: [String: String]) { self.codes = codes }

    /// Reads `DIM=CODE` arguments; throws `Refusal` for one without `=` or naming a dimension twice.
    public init(arguments: [String]) throws(Refusal) {
        var codes: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw Refusal(message: "'\(argument)' is no selection", hint: "write a selection as DIMENSION=CODE, such as REF_AREA=PK")
            }
            let dimension = String(argument[..<equals]), code = String(argument[argument.index(after: equals)...])
            guard codes.updateValue(code, forKey: dimension) == nil else {
                throw Refusal(message: "the dimension \(dimension) is selected twice", hint: "select one code for each dimension")
            }
        }
        self.codes = codes
    }

    /// A selection that cannot be made, and what to do.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// What to do.
        public var hint: String

        /// `message (hint: …)`.
        public var description: String { VisibleText.escaped("\(message) (hint: \(hint))") }
    }

    /// At most this many keys are listed when a selection matches none or several series.
    static let listedKeys = 20

    /// Whether a series of `key` (codes by dimension) is one the selection picks.
    public func matches(_ key: [String: String]) -> Bool { codes.allSatisfy { key[$0.key] == $0.value } }

    /// Whether every series `narrower` picks is one this selection picks too (its codes are among `narrower`'s).
    public func includes(_ narrower: SeriesSelection) -> Bool { codes.allSatisfy { narrower.codes[$0.key] == $0.value } }

    /// The one series of `message` the selection matches.
    public func series(of message: StatisticsMessage) throws(Refusal) -> StatisticalSeries {
        let dimensions = message.dimensions
        if let unknown = codes.keys.sorted().first(where: { !dimensions.contains($0) }) {
            let nearest = Suggestion.closest(to: unknown, in: dimensions).map { "; did you mean \($0)?" } ?? ""
            throw Refusal(message: "the file has no dimension \(unknown)\(nearest)",
                          hint: "its dimensions are \(dimensions.joined(separator: ", "))")
        }
        let matching = message.series.filter { matches($0.key) }
        if matching.count == 1 { return matching[0] }
        let described = codes.isEmpty ? "the file" : "the selection " + codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let candidates = matching.isEmpty ? message.series : matching
        var keys = candidates.prefix(Self.listedKeys).map { $0.keyText(dimensions) }
        if candidates.count > Self.listedKeys { keys.append("and \(candidates.count - Self.listedKeys) more") }
        let listed = "\(dimensions.joined(separator: ".")): \(keys.joined(separator: ", "))"
        if matching.isEmpty {
            throw Refusal(message: "\(described) matches none of the \(message.series.count) series in the file",
                          hint: "select codes of one of its series (\(listed))")
        }
        throw Refusal(message: "\(described) matches \(matching.count) series",
                      hint: "select codes of more dimensions to name one of them (\(listed))")
    }
}
