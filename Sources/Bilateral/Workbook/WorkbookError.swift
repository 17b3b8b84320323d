/// Why a workbook cannot be read at all, with a stable code.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
    /// The kinds of unreadable workbook.
    public enum Code: String, Sendable {
        case notAWorkbook = "not-a-workbook"
        case unsafeArchive = "unsafe-archive"
        case malformedXML = "malformed-xml"
        case tooLarge = "workbook-too-large"
    }

    /// What kind of problem.
    public var code: Code
    /// What is wrong, naming the part; never the part's content beyond a short escaped name.
    public var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// "error[unsafe-archive]: …"
    public var description: String { "error[\(code.rawValue)]: \(message)" }
}
