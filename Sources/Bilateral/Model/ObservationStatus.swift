/// What the producer says of an observation's value beside the value itself, as the SDMX code list
/// `CL_OBS_STATUS` and Eurostat's flags say it; a value without a status is a normal one.
public enum ObservationStatus: String, Sendable, Hashable, CaseIterable {
    /// Provisional: the producer may revise it.
    case provisional
    /// Estimated by the producer.
    case estimated
    /// A forecast.
    case forecast
    /// Imputed from other figures.
    case imputed
    /// The first value after a break in the series: not comparable with the values before it.
    case breakInSeries = "break-in-series"
    /// Defined otherwise than the rest of the series.
    case definitionDiffers = "definition-differs"
    /// Of low reliability.
    case lowReliability = "low-reliability"
    /// Not significant (too small to tell from zero).
    case notSignificant = "not-significant"
    /// Not yet validated by the producer.
    case unvalidated
    /// From an experimental statistic.
    case experimental
    /// Confidential: published with restrictions.
    case confidential

    /// The words a brief puts after the value: "(provisional)", "(break in series)".
    public var words: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
