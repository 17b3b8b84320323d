import Foundation

/// What a workbook or Word document shows under File › Properties.
struct DocumentProperties: Equatable {
    var title: String
    var subject: String
    var author: String
    var keywords: String
    var comments: String
    /// Seconds since 1970 in UTC.
    var created: Int

    /// Title, subject, author and keywords from the dataset, created at its as-of date unless
    /// `SOURCE_DATE_EPOCH` says otherwise.
    static func of(_ dataset: Dataset, environment: [String: String] = ProcessInfo.processInfo.environment) -> DocumentProperties {
        let names = XLSXWriter.countries(of: dataset).map(\.name)
        let asOf = dataset.metadata.asOf
        let created = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
            ?? UTCTime.daysSinceEpoch(year: asOf.year, month: asOf.month ?? 1, day: asOf.day ?? 1) * 86_400
        return DocumentProperties(title: dataset.metadata.title, subject: "Relations between " + names.joined(separator: " and "),
                                  author: dataset.metadata.maintainers.joined(separator: "; "),
                                  keywords: (names + ["bilateral relations"]).joined(separator: ", "),
                                  comments: dataset.metadata.description ?? "",
                                  // libxlsxwriter takes 0 to mean "now", which would make the file differ each time.
                                  created: created == 0 ? 1 : created)
    }
}
