import Foundation

/// Loads a dataset document (YAML or JSON, the same structure either way) into a `Dataset`,
/// reporting every problem it meets with its file, line and column.
public struct DatasetLoader {
    /// The keys of the document's top-level mapping.
    static let topLevelFields = ["format", includeKey, "dataset"] + RecordKind.allCases.map(\.collection) + [acknowledgementsKey]
    /// The key of the list of acknowledged warnings.
    static let acknowledgementsKey = "acknowledgements"
    /// The value of the optional `format` key.
    public static let formatName = "bilateral/1"

    /// Where the record documents a dataset includes are read from; nil when there are none to read.
    public let files: DatasetFiles?

    /// Record documents already composed, shared by the datasets of one portfolio run.
    let documents: ComposedDocuments?

    /// Whether loading also maps the document for the edit engine (`Result.documentMap`), from the same parse.
    var mapsDocument = false

    /// - Parameters:
    ///   - files: the files beside the dataset document, which its `include` paths name.
    ///   - documents: a cache of composed record documents to share between loaders.
    public init(files: DatasetFiles? = nil, documents: ComposedDocuments? = nil) {
        self.files = files
        self.documents = documents
    }

    /// The outcome of loading: the dataset when it could be built, and the findings met on the way.
    public struct Result: Sendable {
        /// The dataset, when the document could be read as one.
        public var dataset: Dataset?
        /// What reading found wrong.
        public var findings: [Finding]
        /// The id of every record that had one, even records dropped as unreadable.
        public var declaredIDs: [String: RecordKind]
        /// The record documents read through `include`, as findings name them.
        public var includedDocuments: [String] = []
        /// The document's map, when asked for (`mapsDocument`) and it could be made.
        var documentMap: YAMLDocumentMap?
    }

    /// Loads the document at `path`.
    ///
    /// - Throws: an I/O error when the file cannot be read (which is not a finding about the data).
    public func load(path: String) throws -> Result {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return load(data, file: path)
    }

    /// Loads a document's bytes; `file` names it in findings.
    public func load(_ data: Data, file: String) -> Result {
        let context = LoadContext(file: file)
        var map = mapsDocument ? YAMLDocumentMap.Builder([UInt8](data)) : nil
        let root = YAMLComposer.compose(data, file: file, log: &context.log, map: &map)
        guard let root else { return Result(dataset: nil, findings: context.log.findings, declaredIDs: [:]) }
        let dataset = read(root, context: context)
        return Result(dataset: dataset, findings: context.log.findings, declaredIDs: context.declaredIDs,
                      includedDocuments: context.includedDocuments, documentMap: map?.map)
    }

    private func read(_ root: Node, context: LoadContext) -> Dataset? {
        guard var reader = RecordReader(root, what: "the dataset document", fields: Self.topLevelFields, context: context) else {
            return nil
        }
        if let format = reader.text("format"), format != Self.formatName {
            context.log.add(.invalidValue, at: reader.origin["format"], "format is '\(format)'; this tool reads '\(Self.formatName)'")
        }
        var metadata: Metadata?
        if let node = root["dataset"] {
            metadata = Metadata.read(node, what: "the dataset metadata", context: context)
        } else {
            context.add(.missingField, at: root.position, "the document has no 'dataset' metadata",
                        hint: "add 'dataset:' with title, countries, version, as_of and licence")
        }
        var dataset = Dataset(
            metadata: metadata ?? Self.emptyMetadata(at: Origin(location: context.location(root.position))),
            sources: records(root, context), countries: records(root, context), people: records(root, context),
            offices: records(root, context), organizations: records(root, context), mechanisms: records(root, context),
            events: records(root, context), agreements: records(root, context), statements: records(root, context),
            series: records(root, context), observations: records(root, context))
        if let list = root[Self.acknowledgementsKey] {
            if case .sequence(let items) = list.content {
                dataset.acknowledgements = items.compactMap { Acknowledgement.read($0, what: "an acknowledgement", context: context) }
            } else {
                context.add(.wrongType, at: list.position, "expected a list of acknowledgements, found \(list.typeName)")
            }
        }
        var included = Included()
        readIncludes(of: root, context: context, directory: "", chain: [], into: &included)
        included.prepend(to: &dataset)
        dataset.metadata.origin.fields.merge(reader.origin.fields) { current, _ in current }
        return metadata == nil ? nil : dataset
    }

    /// The records of one kind, from the list under the kind's key.
    func records<R: Record & ReadableRecord>(_ root: Node, _ context: LoadContext) -> [R] {
        guard let list = root[R.kind.collection] else { return [] }
        guard case .sequence(let items) = list.content else {
            context.add(.wrongType, at: list.position, "expected a list of \(R.kind.collection), found \(list.typeName)")
            return []
        }
        for item in items {
            guard case .mapping(let entries) = item.content,
                  let id = entries.first(where: { $0.key == "id" }), case .scalar(let text, _) = id.value.content else { continue }
            if context.declaredIDs[text] == nil { context.declaredIDs[text] = R.kind }
        }
        return items.compactMap { R.read($0, what: R.kind.withArticle, context: context) }
    }
}

extension DatasetLoader {
    /// The metadata of a document that has none, placed where the document starts.
    static func emptyMetadata(at origin: Origin) -> Metadata {
        var metadata = Metadata()
        metadata.origin = origin
        return metadata
    }
}
