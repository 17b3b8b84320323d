import Foundation

/// Record documents: files of shared records (sources, countries, people, offices, organizations,
/// mechanisms) that dataset documents bring in with `include: [path, …]`, so that a portfolio of
/// relationships keeps each shared record once. Paths are relative to the including document and stay
/// inside the dataset's root, like every file reference; a record document may include others. Included
/// records come before the document's own, as if written at its top, and every finding points at the
/// file, line and column where the record or reference is written.
extension DatasetLoader {
    /// The value of a record document's `format` key.
    public static let recordsFormatName = "bilateral-records/1"
    /// The key of a document's list of included record documents.
    static let includeKey = "include"
    /// The kinds of record a record document may hold.
    public static let sharedKinds: [RecordKind] = [.source, .country, .person, .office, .organization, .mechanism]
    /// The keys of a record document's top-level mapping.
    static let recordDocumentFields = ["format", includeKey] + sharedKinds.map(\.collection)

    /// The shared records of the documents an including document names, read in order.
    struct Included {
        var sources: [Source] = []
        var countries: [Country] = []
        var people: [Person] = []
        var offices: [Office] = []
        var organizations: [Organization] = []
        var mechanisms: [Mechanism] = []
        /// The record documents read, relative to the dataset document, so that each is read once.
        var read: Set<String> = []
        /// The bytes of each record document read, so that a cached read of the documents can tell
        /// whether one it includes has changed since (an editor's buffer).
        var bytes: [String: Data] = [:]

        /// Puts the records before the dataset's own.
        func prepend(to dataset: inout Dataset) {
            dataset.sources = sources + dataset.sources
            dataset.countries = countries + dataset.countries
            dataset.people = people + dataset.people
            dataset.offices = offices + dataset.offices
            dataset.organizations = organizations + dataset.organizations
            dataset.mechanisms = mechanisms + dataset.mechanisms
        }
    }

    /// Reads the record documents listed under `include` in `root`, and those they include.
    ///
    /// - Parameters:
    ///   - directory: the including document's directory, relative to the dataset document's.
    ///   - chain: the record documents being read, outermost first, to find a cycle.
    func readIncludes(of root: Node, context: LoadContext, directory: String, chain: [String], into included: inout Included) {
        guard case .mapping(let entries) = root.content, let list = entries.first(where: { $0.key == Self.includeKey })?.value else { return }
        guard case .sequence(let items) = list.content else {
            context.add(.wrongType, at: list.position, "expected a list of record documents for 'include', found \(list.typeName)",
                        hint: "write 'include: [shared/people.yaml]'")
            return
        }
        for item in items {
            guard let written = RecordReader.text(item, context: context, what: "an 'include' item") else { continue }
            let path = FilePaths.joinedRelative(directory, written)
            let location = context.location(item.position)
            if chain.contains(path) {
                context.log.add(.includeCycle, at: location, "'\(written)' includes itself: \((chain + [path]).joined(separator: " → "))",
                                hint: "a record document may include others, but never one that includes it")
                continue
            }
            guard included.read.insert(path).inserted else { continue }
            guard let files else {
                context.log.add(.missingFile, at: location, "cannot read the record document '\(written)': this dataset has no files beside it")
                continue
            }
            let data: Data
            do {
                data = try files.read(path)
                included.bytes[path] = data
            } catch let error as DatasetFileError {
                context.log.add(error.finding("the record document", at: location))
                continue
            } catch {
                context.log.add(.missingFile, at: location, "cannot read the record document '\(written)'")
                continue
            }
            // A dataset's own include (not one inside a record document, whose cycles depend on what includes it).
            if chain.isEmpty, let fragment = fragment(data, path: path, at: location, context: context),
               fragment.fits(context, included, path: path) {
                fragment.apply(to: context, &included)
                continue
            }
            readRecordDocument(data, path: path, at: location, context: context, chain: chain + [path], into: &included)
        }
    }

    /// The findings of a record document read on its own (not through a dataset): its syntax, fields,
    /// types, ids and the documents it includes. `path` is relative to the loader's files.
    public func loadRecordDocument(_ data: Data, path: String) -> [Finding] {
        let context = LoadContext(file: files?.displayPath(path) ?? path)
        var included = Included()
        included.read.insert(path)
        readRecordDocument(data, path: path, at: SourceLocation(file: context.file, line: 1, column: 1), context: context,
                           chain: [path], into: &included)
        return context.log.findings
    }

    /// Reads one record document's records into `included`, with its own file name in findings.
    func readRecordDocument(_ data: Data, path: String, at location: SourceLocation, context: LoadContext, chain: [String],
                                    into included: inout Included) {
        let file = files?.displayPath(path) ?? path
        context.includedDocuments.append(file)
        let child = LoadContext(file: file)
        child.declaredIDs = context.declaredIDs
        defer {
            context.log.append(contentsOf: child.log.findings)
            context.declaredIDs.merge(child.declaredIDs) { first, _ in first }
            context.includedDocuments += child.includedDocuments
        }
        let root = documents?.composed(file, data) ?? ComposedDocuments.compose(file, data)
        child.log.append(contentsOf: root.findings)
        guard let root = root.node else { return }
        if case .mapping(let entries) = root.content, entries.contains(where: { $0.key == "dataset" }) {
            context.log.add(.includeNotRecords, at: location, "'\(path)' is a dataset document, not a record document",
                            hint: "include only record documents (format: \(Self.recordsFormatName)), which hold shared records and no 'dataset'")
            return
        }
        guard var reader = RecordReader(root, what: "a record document", fields: Self.recordDocumentFields, context: child) else { return }
        if let format = reader.text("format"), format != Self.recordsFormatName {
            child.log.add(.invalidValue, at: reader.origin["format"], "format is '\(format)'; a record document's is '\(Self.recordsFormatName)'")
        }
        let directory = (path as NSString).deletingLastPathComponent
        readIncludes(of: root, context: child, directory: directory, chain: chain, into: &included)
        // An archived text is named relative to the record document; the dataset reads it from its own directory.
        included.sources += (records(root, child) as [Source]).map { source in
            var source = source
            source.archive = source.archive.map { FilePaths.joinedRelative(directory, $0) }
            return source
        }
        included.countries += records(root, child)
        included.people += records(root, child)
        included.offices += records(root, child)
        included.organizations += records(root, child)
        included.mechanisms += records(root, child)
    }
}
