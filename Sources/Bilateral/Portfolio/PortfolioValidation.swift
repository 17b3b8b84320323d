import Foundation

/// `bilateral validate DIR`: every dataset document of a portfolio, on all cores, each with the record
/// documents it includes; record documents that no dataset includes are read on their own (syntax,
/// fields, types and ids; their references are resolved only by the datasets that include them), and a
/// shared record that no relationship uses is reported once, for the portfolio.
public enum PortfolioValidation {
    /// One dataset's result.
    public struct Entry: Sendable {
        /// The dataset's path.
        public var path: String
        /// What validating it found.
        public var report: ValidationReport
        /// The shared records the dataset includes and which of them it uses; nil when it could not be read.
        var sharedUse: SharedRecordUse?
        var includedDocuments: [String] = []
    }

    /// The datasets' results in path order, and the report on the portfolio's record documents: those
    /// nothing includes, and shared records no relationship uses.
    public static func check(_ portfolio: PortfolioDirectory, root: String? = nil,
                             jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> (datasets: [Entry], shared: ValidationReport) {
        let paths = portfolio.datasets
        let documents = ComposedDocuments()
        let checked = parallelMap(paths.count, jobs: jobs) { index -> Entry in
            let path = paths[index]
            do {
                let checked = try DatasetValidation.check(path: path, root: root, documents: documents)
                return Entry(path: path, report: checked.report, sharedUse: checked.dataset.map(SharedRecordUse.init),
                             includedDocuments: checked.includedDocuments)
            } catch {
                let finding = Finding(.missingFile, at: SourceLocation(file: path, line: 0, column: 0), "\(error)")
                return Entry(path: path, report: ValidationReport(files: [path], findings: [finding]))
            }
        }
        let entries = pointToDefinitions(checked)
        let included = Set(entries.flatMap(\.includedDocuments).map(FilePaths.absolute))
        var shared = ValidationReport(files: portfolio.recordDocuments, findings: [])
        for path in portfolio.recordDocuments where !included.contains(FilePaths.absolute(path)) {
            shared.findings += checkRecordDocument(path, root: root).findings
        }
        // Unused only when every relationship was read: one that was not may be the one using it.
        if entries.allSatisfy({ $0.sharedUse != nil }) { shared.findings += unusedSharedRecords(entries.compactMap(\.sharedUse)) }
        return (entries, shared)
    }

    /// Each unknown reference to an id that a record document of the portfolio defines, though not one
    /// the dataset includes, gets a hint naming that document.
    static func pointToDefinitions(_ entries: [Entry]) -> [Entry] {
        var definitions: [String: RecordIdentity] = [:]
        for record in entries.lazy.compactMap(\.sharedUse).flatMap(\.shared) where definitions[record.id] == nil {
            definitions[record.id] = record
        }
        guard !definitions.isEmpty else { return entries }
        return entries.map { entry in
            var entry = entry
            for index in entry.report.findings.indices {
                guard let id = entry.report.findings[index].missingID, let record = definitions[id] else { continue }
                entry.report.findings[index].hint = "\(record.label) is defined in \(record.origin.location.file), which this dataset does not include: add it to 'include'"
            }
            return entry
        }
    }

    /// `unused-shared-record` for each shared record that no relationship uses, once, in file order.
    static func unusedSharedRecords(_ uses: [SharedRecordUse]) -> [Finding] {
        var records: [SourceLocation: RecordIdentity] = [:]
        var used = Set<SourceLocation>()
        for use in uses {
            for record in use.shared {
                records[record.origin.location] = record
                if use.used.contains(record.id) { used.insert(record.origin.location) }
            }
        }
        return records.keys.filter { !used.contains($0) }.sorted().map { location in
            let record = records[location]!
            return Finding(.unusedSharedRecord, at: record.origin["id"], "\(record.label) is shared, but no relationship uses it",
                           hint: "refer to it from the relationships it concerns, or remove it from its record document")
        }
    }

    /// A record document read on its own: syntax, fields, types and ids.
    public static func checkRecordDocument(_ path: String, root: String?) -> ValidationReport {
        let directory = (path as NSString).deletingLastPathComponent
        let files = DiskFiles(directory: directory, root: root)
        let name = (path as NSString).lastPathComponent
        do {
            let data = try files.read(name)
            return ValidationReport(files: [path], findings: DatasetLoader(files: files).loadRecordDocument(data, path: name))
        } catch {
            return ValidationReport(files: [path], findings: [Finding(.missingFile, at: SourceLocation(file: path, line: 0, column: 0), "\(error)")])
        }
    }
}
