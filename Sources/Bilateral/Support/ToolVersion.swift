/// The version of bilateral, as `bilateral --version` prints it and reports name their tool.
public enum ToolVersion {
    /// The version of this build of bilateral.
    public static let current = "0.1.0"
}
