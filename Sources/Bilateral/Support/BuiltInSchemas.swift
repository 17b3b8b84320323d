/// The JSON Schemas in `Schemas/`, built into the library.
public enum BuiltInSchemas {
    /// The dataset format (`Schemas/bilateral.schema.json`), generated from the field declarations.
    public static var dataset: String { DatasetSchema.text }
    /// The record document format (`Schemas/bilateral-records.schema.json`), generated likewise.
    public static var records: String { DatasetSchema.recordsText }
    /// The `validate --format json` report (`Schemas/validate-report.schema.json`).
    public static var validateReport: String { EmbeddedFiles.text("Schemas/validate-report.schema.json") ?? "" }
}
