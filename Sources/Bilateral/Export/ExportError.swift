/// Why an export failed. The destination is left as it was.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    case unknownFormat(String, known: [String])
    case io(path: String, message: String)
    /// The destination cannot take this format's output.
    case badDestination(path: String, reason: String)
    /// A writer's own refusal, naming the record and field at fault.
    case unwritable(String)
    /// An observation file turned out invalid while the export read it; nothing was written.
    case invalidObservations(ValidationReport)

    /// The message, as `bilateral` prints it.
    public var description: String {
        switch self {
        case .unknownFormat(let format, let known):
            "unknown format '\(format)'" + (Suggestion.closest(to: format, in: known).map { "; did you mean '\($0)'?" } ?? ".")
                + " The formats are: \(known.joined(separator: ", "))."
        case .io(let path, let message): "cannot write '\(path)': \(message)"
        case .badDestination(let path, let reason): "cannot export to '\(path)': \(reason)"
        case .unwritable(let message): message
        case .invalidObservations(let report):
            "the observation files have \(report.errorCount) \(report.errorCount == 1 ? "error" : "errors"); nothing exported"
        }
    }
}
