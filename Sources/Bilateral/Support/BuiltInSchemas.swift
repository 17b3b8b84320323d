/// The JSON Schemas in `Schemas/`, built into the library.
public enum BuiltInSchemas {
    /// The dataset format (`Schemas/bilateral.schema.json`).
    public static var dataset: String { EmbeddedFiles.text("Schemas/bilateral.schema.json") ?? "" }
    /// The `validate --format json` report (`Schemas/validate-report.schema.json`).
    public static var validateReport: String { EmbeddedFiles.text("Schemas/validate-report.schema.json") ?? "" }
}
