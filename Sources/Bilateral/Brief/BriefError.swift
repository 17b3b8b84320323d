/// Why a brief could not be made.
public enum BriefError: Error, CustomStringConvertible, Equatable {
    case unknownTemplate(String, available: [String])
    case unreadableTemplate(String, String)
    case templateSyntax(String, line: Int, column: Int, message: String)
    case unknownSection(String)
    case asOfAfterDataset(PartialDate, dataset: PartialDate)
    case badReferenceDocument(String, String)
    case badMarking(String)
    case unlistedSource(Int, template: String)

    /// The message, as `bilateral` prints it.
    public var description: String {
        switch self {
        case .unknownTemplate(let name, let available):
            "unknown template '\(name)'; the built-in templates are: \(available.joined(separator: ", ")) (or give a path to a .mustache file)"
        case .unreadableTemplate(let path, let reason):
            "cannot read template '\(path)': \(reason)"
        case .templateSyntax(let path, let line, let column, let message):
            "\(path):\(line):\(column): error: template syntax: \(message) [template-syntax]"
        case .asOfAfterDataset(let asOf, let dataset):
            "--as-of \(asOf) is after the dataset's own as-of date, \(dataset): it cannot say what was known then"
        case .badReferenceDocument(let path, let reason):
            "cannot use '\(path)' as the reference document: \(reason)"
        case .unlistedSource(let number, let template):
            "template '\(template)' marks source [\(number)] but lists no source numbered \(number): a Word brief is made from a Markdown template that lists the sources as numbered items ('\(number). …')"
        case .badMarking(let reason):
            "--marking \(reason)"
        case .unknownSection(let name):
            "unknown section '\(name)'; the sections are: \(BriefSection.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
