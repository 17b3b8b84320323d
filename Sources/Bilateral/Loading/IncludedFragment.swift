import Foundation

extension DatasetLoader {
    /// The records a dataset gets from one record document it includes (and from those that document
    /// includes), read once for a portfolio and reused by every dataset of the same directory that
    /// includes it, when reading it met no finding.
    struct IncludedFragment {
        /// The document's bytes, so that a changed file is read again.
        var data: Data
        /// The records, and the record documents read for them, relative to the dataset's directory.
        var included: Included
        var declaredIDs: [String: RecordKind]
        /// The record documents read, as findings name them.
        var documents: [String]

        /// Whether the fragment gives what reading the document again would: none of its documents
        /// has been read already, and none of its ids has been declared.
        func fits(_ context: LoadContext, _ included: Included, path: String) -> Bool {
            self.included.read.subtracting([path]).isDisjoint(with: included.read)
                && declaredIDs.keys.allSatisfy { context.declaredIDs[$0] == nil }
        }

        /// Adds the records after those already read, as reading the document would.
        func apply(to context: LoadContext, _ into: inout Included) {
            context.declaredIDs.merge(declaredIDs) { first, _ in first }
            context.includedDocuments += documents
            into.sources += included.sources
            into.countries += included.countries
            into.people += included.people
            into.offices += included.offices
            into.organizations += included.organizations
            into.mechanisms += included.mechanisms
            into.read.formUnion(included.read)
            into.bytes.merge(included.bytes) { first, _ in first }
        }
    }

    /// The document included at `path` by a dataset, from the portfolio's cache or read now; nil when
    /// reading it on its own meets a finding, which the dataset then reports by reading it in place.
    func fragment(_ data: Data, path: String, at location: SourceLocation, context: LoadContext) -> IncludedFragment? {
        guard let documents else { return nil }
        let key = (files?.displayPath(path) ?? path) + "\u{0}" + path
        // The cached reading holds while every document the included one includes is as it was read.
        if let cached = documents.fragment(key, data),
           cached?.included.bytes.allSatisfy({ $0.key == path || (try? files?.read($0.key)) == $0.value }) ?? true {
            return cached
        }
        let fresh = LoadContext(file: context.file)
        var included = Included()
        included.read = [path]
        readRecordDocument(data, path: path, at: location, context: fresh, chain: [path], into: &included)
        let fragment = fresh.log.findings.isEmpty
            ? IncludedFragment(data: data, included: included, declaredIDs: fresh.declaredIDs, documents: fresh.includedDocuments) : nil
        documents.store(key, data, fragment)
        return fragment
    }
}
