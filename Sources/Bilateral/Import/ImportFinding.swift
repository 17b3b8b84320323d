/// Something wrong with an edited workbook or CSV export, at the cell it is in (`edited.xlsx:Events!E12`),
/// with a stable code and, where the edit would change the dataset, the place in the YAML it lands on.
public struct ImportFinding: Hashable, Sendable, CustomStringConvertible {
    /// The stable codes of import findings. Validation findings of the edited dataset keep their own codes.
    public enum Code: String, Sendable, CaseIterable {
        case formulaCell = "formula-cell"
        case errorCell = "error-cell"
        case mergedCells = "merged-cells"
        case missingColumn = "missing-column"
        case unknownColumn = "unknown-column"
        case missingSheet = "missing-sheet"
        case unknownSheet = "unknown-sheet"
        case duplicateRow = "duplicate-row"
        case digitsLost = "digits-lost"
        case wrongCellType = "wrong-cell-type"
        case leadingApostrophe = "leading-apostrophe"
        case surroundingBlanks = "surrounding-blanks"
        case citationsDisagree = "citations-disagree"
        case conflict = "edit-conflict"
        case unknownBase = "unknown-base"
        case unsafeEdit = "unsafe-edit"
        case notImported = "not-imported"
        case seriesNotSelected = "series-not-selected"
        case unitMismatch = "unit-mismatch"
        case fileInTheWay = "file-in-the-way"
    }

    /// The code: an import code's raw value, or a validation finding's.
    public var code: String
    /// Where: `file.xlsx:Sheet!E12`, `events.csv:12:5`, or a YAML location.
    public var place: String
    /// What is wrong.
    public var message: String
    /// What to do.
    public var hint: String?
    /// Where in the dataset the edit would land.
    public var landsAt: SourceLocation?
    /// False for a warning, which does not stop the import.
    public var isError = true

    init(_ code: Code, at place: String, _ message: String, hint: String? = nil, landsAt: SourceLocation? = nil) {
        self.init(code: code.rawValue, at: place, message, hint: hint, landsAt: landsAt)
    }

    init(code: String, at place: String, _ message: String, hint: String? = nil, landsAt: SourceLocation? = nil, isError: Bool = true) {
        self.code = code
        self.place = place
        self.message = message
        self.hint = hint
        self.landsAt = landsAt
        self.isError = isError
    }

    /// `place: error[code]: message`, then the YAML place and the hint on lines of their own.
    public var description: String {
        var text = "\(VisibleText.escaped(place)): \(isError ? "error" : "warning")[\(code)]: \(VisibleText.escaped(message))"
        if let landsAt { text += "\n  lands on: \(VisibleText.escaped(landsAt.description))" }
        if let hint { text += "\n  hint: \(VisibleText.escaped(hint))" }
        return text
    }
}
