/// An edit the engine refuses to make, because it could not make it without rewriting what it
/// does not own (a value reached through an alias, a key written twice, a multi-line plain scalar),
/// located in the document it would have changed.
public struct EditError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the value it would have changed is written.
    public var location: SourceLocation
    /// Why it cannot be made.
    public var message: String
    /// What to do instead.
    public var hint: String?

    /// An edit refused at `location`.
    public init(at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// "file:line:column: error[unsafe-edit]: message".
    public var description: String {
        "\(location.file):\(location.line):\(location.column): error[unsafe-edit]: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
