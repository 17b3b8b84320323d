/// Where a record and each of its values were written.
///
/// An origin never takes part in equality: two datasets with the same records are equal whether they
/// were loaded from YAML or JSON, or from different lines.
public struct Origin: Hashable, Sendable {
    /// Where the record begins.
    public var location: SourceLocation
    /// Where each field's value begins, keyed by field name; list items are keyed `field[index]`.
    public var fields: [String: SourceLocation]

    /// Where a record starts, and where each of its fields is.
    public init(location: SourceLocation = SourceLocation(file: "", line: 0, column: 0), fields: [String: SourceLocation] = [:]) {
        self.location = location
        self.fields = fields
    }

    /// The location of a field's value, or of the record when the field is absent.
    public subscript(field: String) -> SourceLocation {
        fields[field] ?? location
    }

    /// The location of one item of a list-valued field.
    public subscript(field: String, index: Int) -> SourceLocation {
        fields["\(field)[\(index)]"] ?? self[field]
    }

    /// Origins never make two records differ: records compare by their content.
    public static func == (a: Origin, b: Origin) -> Bool { true }
    /// Adds nothing, as origins never make two records differ.
    public func hash(into hasher: inout Hasher) {}
}
