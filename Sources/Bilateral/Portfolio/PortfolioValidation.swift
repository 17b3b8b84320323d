import Foundation

/// `bilateral validate DIR`: every dataset document of a portfolio, on all cores, each with the record
/// documents it includes; record documents that no dataset includes are read on their own (syntax,
/// fields, types and ids; their references are resolved only by the datasets that include them).
public enum PortfolioValidation {
    /// One dataset's result.
    public struct Entry: Sendable {
        public var path: String
        public var report: ValidationReport
    }

    /// The datasets' results in path order, and the report of the record documents nothing includes.
    public static func check(_ portfolio: PortfolioDirectory, root: String? = nil,
                             jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> (datasets: [Entry], unincluded: ValidationReport) {
        let results = ResultSlots<(Entry, [String])>(count: portfolio.datasets.count)
        let paths = portfolio.datasets
        let documents = ComposedDocuments()
        let workers = max(1, min(jobs, paths.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: paths.count, by: workers) {
                let path = paths[index]
                do {
                    let checked = try DatasetValidation.check(path: path, root: root, documents: documents)
                    results.set(index, (Entry(path: path, report: checked.report), checked.includedDocuments))
                } catch {
                    let finding = Finding(.missingFile, at: SourceLocation(file: path, line: 0, column: 0), "\(error)")
                    results.set(index, (Entry(path: path, report: ValidationReport(files: [path], findings: [finding])), []))
                }
            }
        }
        let entries = results.values
        let included = Set(entries.flatMap { $0.1 }.map(FilePaths.absolute))
        var unincluded = ValidationReport(files: [], findings: [])
        for path in portfolio.recordDocuments where !included.contains(FilePaths.absolute(path)) {
            unincluded = unincluded + checkRecordDocument(path, root: root)
        }
        return (entries.map(\.0), unincluded)
    }

    /// A record document read on its own.
    static func checkRecordDocument(_ path: String, root: String?) -> ValidationReport {
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

/// Results written by concurrent workers, each to its own slot.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value, in order.
    var values: [Value] { slots.compactMap { $0 } }
}
