/// The stable code of every kind of finding. Codes never change meaning; new ones may be added.
///
/// Each code has a fixture `Fixtures/invalid/<code>.yaml` (or `.json`) with its expected report beside it.
public enum FindingCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Reading the document.
    case syntaxError = "syntax-error"
    case invalidUTF8 = "invalid-utf8"
    case controlCharacter = "control-character"
    case duplicateKey = "duplicate-key"
    case nestingTooDeep = "nesting-too-deep"
    case aliasLimit = "alias-limit"
    case unknownField = "unknown-field"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case ambiguousScalar = "ambiguous-scalar"
    case invalidNumber = "invalid-number"
    case invalidValue = "invalid-value"
    case invalidID = "invalid-id"
    case invalidDate = "invalid-date"
    case missingFile = "missing-file"
    case pathOutsideRoot = "path-outside-root"
    case malformedCSV = "malformed-csv"
    case includeCycle = "include-cycle"
    case includeNotRecords = "include-not-records"
    // Checking the records.
    case duplicateID = "duplicate-id"
    case replacedIDInUse = "replaced-id-in-use"
    case unknownReference = "unknown-reference"
    case wrongReferenceKind = "wrong-reference-kind"
    case missingSource = "missing-source"
    case endBeforeStart = "end-before-start"
    case datePrecision = "date-precision"
    case unknownCountryCode = "unknown-country-code"
    case unknownCurrencyCode = "unknown-currency-code"
    case invalidURL = "invalid-url"
    case excessDecimals = "excess-decimals"
    case currencyOutOfUse = "currency-out-of-use"
    case componentsMismatch = "components-mismatch"
    case quoteNotFound = "quote-not-found"
    case statisticsMismatch = "statistics-mismatch"
    case dataFileChanged = "data-file-changed"
    case participantWithoutOffice = "participant-without-office"
    case duplicateEvent = "duplicate-event"
    case unusedSource = "unused-source"
    case tooLongForCell = "too-long-for-cell"
    case unusedAcknowledgement = "unused-acknowledgement"
    case unusedSharedRecord = "unused-shared-record"

    /// Whether findings of this code are errors or warnings.
    public var severity: Severity {
        switch self {
        case .participantWithoutOffice, .duplicateEvent, .unusedSource, .tooLongForCell, .unusedAcknowledgement, .unusedSharedRecord: .warning
        default: .error
        }
    }

    /// One line saying what the code means, for `--help`, the JSON report and the README.
    public var summary: String {
        switch self {
        case .syntaxError: "The document is not well-formed YAML or JSON."
        case .invalidUTF8: "The file is not valid UTF-8."
        case .controlCharacter: "A NUL or other control character appears in the file or in a text value."
        case .duplicateKey: "A mapping has the same key twice."
        case .nestingTooDeep: "Collections are nested deeper than the loader allows."
        case .aliasLimit: "YAML aliases expand to more nodes than the loader allows (an alias bomb)."
        case .unknownField: "A field that the record kind does not have."
        case .missingField: "A required field is absent."
        case .wrongType: "A value has the wrong type (text, number, list or mapping)."
        case .ambiguousScalar: "An unquoted YAML value reads as a boolean, number, date or null where text is expected."
        case .invalidNumber: "A number is NaN, infinite or out of range."
        case .invalidValue: "A value is not one of the allowed words."
        case .invalidID: "An id is not lower-case letters, digits and single hyphens."
        case .invalidDate: "A date is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or does not exist."
        case .missingFile: "A file that the dataset refers to cannot be read."
        case .pathOutsideRoot: "A file reference is absolute, leaves the dataset's root, or is a symbolic link out of it."
        case .includeCycle: "A record document includes itself, directly or through others."
        case .includeNotRecords: "An include names a dataset document, not a record document of shared records."
        case .malformedCSV: "An observations CSV file is malformed (quoting, field count, header)."
        case .duplicateID: "Two records have the same id."
        case .replacedIDInUse: "A record replaces an id that a record still has, or that another record replaces too."
        case .unknownReference: "A reference names an id that no record has."
        case .wrongReferenceKind: "A reference names a record of the wrong kind."
        case .missingSource: "A fact-bearing record cites no source."
        case .endBeforeStart: "A period ends before it starts."
        case .datePrecision: "A period does not match its period kind (a month, a year, a fiscal year)."
        case .unknownCountryCode: "A country code is not an ISO 3166-1 code, or its two codes disagree."
        case .unknownCurrencyCode: "A currency code is not an ISO 4217 code."
        case .invalidURL: "A URL is not an absolute http or https URL."
        case .currencyOutOfUse: "An observation is in a historic currency (ISO 4217 list 3) for a period outside the years it was in use."
        case .excessDecimals: "An amount in a currency's base unit has more decimal places than the currency has."
        case .componentsMismatch: "A total does not equal the sum of its stated components."
        case .quoteNotFound: "An evidence quote does not appear in the archived text of its source."
        case .statisticsMismatch: "An imported series' observations differ from the statistics file they were imported from (a value, a status or a period)."
        case .dataFileChanged: "A statistics file is no longer the file its source records (its SHA-256 differs), or cannot be read as one."
        case .participantWithoutOffice: "A participant held no recorded office on the event's date."
        case .duplicateEvent: "Two events record the same occasion: the same kind, date, people, mechanism and title."
        case .unusedSource: "A source that no record cites."
        case .unusedAcknowledgement: "An acknowledgement matches no warning: the warning was fixed, or the record id or code is wrong."
        case .unusedSharedRecord: "A record of a record document that no relationship of the portfolio uses (validate DIR)."
        case .tooLongForCell: "A text is longer than a spreadsheet cell holds (32,767 characters), so the XLSX export would refuse it."
        }
    }
}
