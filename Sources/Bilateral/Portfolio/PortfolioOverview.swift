import Foundation

/// `bilateral portfolio DIR`: a row per relationship of a portfolio, the relationships whose as-of date
/// is older than the staleness limit, and those that could not be summarised because they are invalid.
public struct PortfolioOverview: Sendable {
    /// A relationship that did not pass validation.
    public struct Invalid: Sendable {
        /// The dataset's path under the directory.
        public var path: String
        /// How many errors validation found.
        public var errors: Int
        /// How many warnings.
        public var warnings: Int
    }

    /// The directory as the user named it.
    public var directory: String
    /// The valid relationships in path order.
    public var relationships: [RelationshipSummary]
    /// The relationships that did not validate, with their counts.
    public var invalid: [Invalid]
    /// The date staleness is measured from.
    public var today: PartialDate
    /// How many months old an as-of date may be before the relationship is stale.
    public var staleAfterMonths: Int

    /// A dataset's path under the directory, as the report names it.
    public func name(_ path: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The valid relationships whose as-of date is older than the limit.
    public var stale: [RelationshipSummary] { relationships.filter { $0.isStale(today: today, months: staleAfterMonths) } }

    /// Validates and summarises every dataset of `portfolio`, `jobs` at a time.
    ///
    /// - Parameters:
    ///   - portfolio: the directory of relationships.
    ///   - root: the directory file references must stay inside; by default each dataset's.
    ///   - strict: whether a dataset with warnings counts as invalid.
    ///   - today: the date staleness is measured from.
    ///   - staleAfterMonths: how old an as-of date may be before the relationship is stale.
    ///   - jobs: how many datasets are validated at a time.
    public init(_ portfolio: PortfolioDirectory, root: String? = nil, strict: Bool = false, today: PartialDate, staleAfterMonths: Int,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        directory = portfolio.directory
        let paths = portfolio.datasets
        let documents = ComposedDocuments()
        let results = parallelMap(paths.count, jobs: jobs) { index -> Result<RelationshipSummary, Invalid> in
            let path = paths[index]
            do {
                let checked = try DatasetValidation.check(path: path, root: root, observationFiles: false, documents: documents)
                guard let dataset = checked.validated(strict: strict) else {
                    return .failure(Invalid(path: path, errors: checked.report.errorCount, warnings: checked.report.warningCount))
                }
                let summary = try RelationshipSummary(path: path, dataset: dataset)
                let files = try dataset.observationFileFindings()
                guard files.passes(strict: strict) else {
                    return .failure(Invalid(path: path, errors: files.errorCount, warnings: checked.report.warningCount + files.warningCount))
                }
                return .success(summary)
            } catch {
                return .failure(Invalid(path: path, errors: 1, warnings: 0))
            }
        }
        relationships = results.compactMap { try? $0.get() }
        invalid = results.compactMap { if case .failure(let invalid) = $0 { invalid } else { nil } }
        self.today = today
        self.staleAfterMonths = staleAfterMonths
    }
}

extension PortfolioOverview.Invalid: Error {}
