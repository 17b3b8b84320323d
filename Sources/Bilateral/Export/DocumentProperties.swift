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
            ?? daysSinceEpoch(year: asOf.year, month: asOf.month ?? 1, day: asOf.day ?? 1) * 86_400
        return DocumentProperties(title: dataset.metadata.title, subject: "Relations between " + names.joined(separator: " and "),
                                  author: dataset.metadata.maintainers.joined(separator: "; "),
                                  keywords: (names + ["bilateral relations"]).joined(separator: ", "),
                                  comments: dataset.metadata.description ?? "",
                                  // libxlsxwriter takes 0 to mean "now", which would make the file differ each time.
                                  created: created == 0 ? 1 : created)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
