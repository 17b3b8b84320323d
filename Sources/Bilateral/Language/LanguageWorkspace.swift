import Foundation

/// What an editor has open and where: its workspace folders, the text of each open buffer, and every
/// dataset of the folders as last checked with those buffers. Editing features (completion, hover,
/// navigation, renames, fixes) are functions over it; the language server only translates to and
/// from the protocol. A change to a dataset document checks that dataset again; a change to a record
/// document, an observations file or an archive checks every dataset that depends on it, on all cores.
/// Files are read only inside the workspace folders (or, for a dataset outside them, its root).
final class LanguageWorkspace {
    /// The workspace folders, as absolute paths with links resolved.
    private(set) var folders: [String] = []
    /// The open buffers, by absolute path.
    private var buffers: [String: (text: TextDocument, version: Int)] = [:]
    /// The dataset documents known: found in the folders, or opened.
    private var datasetPaths: Set<String> = []
    /// The record documents found in the folders, or opened.
    private var recordDocumentPaths: Set<String> = []
    /// Each dataset as last checked.
    private(set) var analyses: [String: DatasetAnalysis] = [:]
    /// The findings of record documents no dataset includes, read on their own.
    private var standalone: [String: [Finding]] = [:]
    /// The findings last handed out for each file, so that only changes are reported.
    private var reported: [String: [Finding]] = [:]
    /// Record documents composed once and shared by the datasets that include them.
    private let documents = ComposedDocuments()
    /// How many datasets are checked at once.
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Whether every known dataset has been checked once (needed before a record document's users are known).
    private var checkedAll = false

    /// A workspace of `folders` (paths of directories).
    init(folders: [String] = []) {
        for folder in folders { addFolder(folder) }
    }

    // MARK: Folders and buffers

    /// Adds a workspace folder and the dataset and record documents under it.
    func addFolder(_ folder: String) {
        let path = FilePaths.real(folder) ?? FilePaths.absolute(folder)
        guard !folders.contains(path) else { return }
        folders.append(path)
        if let found = try? PortfolioDirectory(scanning: path) {
            datasetPaths.formUnion(found.datasets.map(FilePaths.normalised))
            recordDocumentPaths.formUnion(found.recordDocuments.map(FilePaths.normalised))
        }
        checkedAll = false
    }

    /// Removes a workspace folder, and what was known under it.
    func removeFolder(_ folder: String) {
        let path = FilePaths.real(folder) ?? FilePaths.absolute(folder)
        folders.removeAll { $0 == path }
        let inside = { (file: String) in FilePaths.isInside(file, path) && self.buffers[file] == nil }
        datasetPaths = datasetPaths.filter { !inside($0) }
        recordDocumentPaths = recordDocumentPaths.filter { !inside($0) }
        analyses = analyses.filter { !inside($0.key) }
    }

    /// Takes an opened buffer's text.
    func open(_ path: String, text: Data, version: Int) {
        buffers[path] = (TextDocument(text), version)
        classify(path)
    }

    /// Applies an editor's changes to an open buffer: each replaces a range (the whole text when nil).
    func change(_ path: String, version: Int, changes: [(range: TextRange?, text: String)]) {
        var document = buffers[path]?.text ?? text(of: path) ?? TextDocument(Data())
        for change in changes { document.replace(change.range, with: change.text) }
        buffers[path] = (document, version)
        classify(path)
    }

    /// Forgets a closed buffer: the file is read from disk again.
    func close(_ path: String) {
        buffers[path] = nil
        classify(path)
    }

    /// The version of an open buffer.
    func version(of path: String) -> Int? { buffers[path]?.version }

    /// The text of a file: its open buffer, or the file on disk when it is inside the workspace.
    func text(of path: String) -> TextDocument? {
        if let buffer = buffers[path] { return buffer.text }
        guard let root = root(for: path) else { return nil }
        let files = DiskFiles(directory: FilePaths.parent(of: path), root: root)
        return (try? files.read((path as NSString).lastPathComponent)).map(TextDocument.init)
    }

    /// Whether a file is one bilateral checks: a dataset document, a record document, or a file a dataset depends on.
    func isChecked(_ path: String) -> Bool {
        datasetPaths.contains(path) || recordDocumentPaths.contains(path) || analyses.values.contains { $0.dependencies.contains(path) }
    }

    /// Whether the document at `path` is a dataset document.
    func isDataset(_ path: String) -> Bool { datasetPaths.contains(path) }

    /// The root a file must stay inside: the innermost workspace folder holding it, else its git work tree.
    func root(for path: String) -> String? {
        if let folder = folders.filter({ FilePaths.isInside(path, $0) }).max(by: { $0.count < $1.count }) { return folder }
        return buffers[path] != nil || datasetPaths.contains(path) ? DatasetRoot.enclosing(FilePaths.parent(of: path)) : nil
    }

    /// Notes whether a YAML or JSON document is a dataset or a record document, by what it holds now.
    private func classify(_ path: String) {
        guard ["yaml", "yml", "json"].contains((path as NSString).pathExtension), let text = text(of: path) else { return }
        datasetPaths.remove(path)
        recordDocumentPaths.remove(path)
        switch PortfolioDirectory.kind(of: text.data, path: path) {
        case .dataset?: datasetPaths.insert(path)
        case .records?: recordDocumentPaths.insert(path)
        case nil: if analyses[path] != nil { analyses[path] = nil }
        }
    }

    // MARK: Checking

    /// Checks again what a change to `path` affects, and returns the findings of each file whose
    /// findings changed since they were last returned (an empty list for a file that has none left).
    func check(afterChangeOf path: String) -> [String: [Finding]] {
        if !checkedAll { return checkEverything() }
        var affected = analyses.values.filter { $0.dependencies.contains(path) }.map(\.path)
        if datasetPaths.contains(path), !affected.contains(path) { affected.append(path) }
        let touched = recheck(affected.sorted())
        var files = touched
        if recordDocumentPaths.contains(path) { files.formUnion(checkStandalone([path])) }
        return changes(in: files.union([path]))
    }

    /// Checks every known dataset and lone record document, and returns every file's findings that changed.
    func checkEverything() -> [String: [Finding]] {
        checkedAll = true
        analyses = analyses.filter { datasetPaths.contains($0.key) }
        var files = recheck(datasetPaths.sorted())
        files.formUnion(checkStandalone(recordDocumentPaths.sorted()))
        files.formUnion(reported.keys)
        return changes(in: files)
    }

    /// Checks the datasets at `paths` on all cores; returns the files their findings were in, before and after.
    private func recheck(_ paths: [String]) -> Set<String> {
        let buffers = bufferData
        let inputs = paths.map { path -> (String, Data, OverlayFiles)? in
            guard let text = text(of: path), let files = files(beside: path, buffers: buffers) else { return nil }
            return (path, text.data, files)
        }
        let documents = self.documents
        let checked = parallelMap(inputs.count, jobs: jobs) { index -> DatasetAnalysis? in
            guard let (path, data, files) = inputs[index] else { return nil }
            return DatasetAnalysis(path: path, data: data, files: files, documents: documents)
        }
        var touched: Set<String> = []
        for (index, path) in paths.enumerated() {
            if let earlier = analyses[path] { touched.formUnion(earlier.findingsByFile.keys) }
            var analysis = checked[index]
            if analysis?.lastLoaded == nil { analysis?.lastLoaded = analyses[path]?.lastLoaded }
            analyses[path] = analysis
            if let analysis { touched.formUnion(analysis.findingsByFile.keys) }
        }
        return touched
    }

    /// Reads record documents that no dataset includes on their own; returns the files their findings were in.
    private func checkStandalone(_ paths: [String]) -> Set<String> {
        var touched: Set<String> = []
        let included = Set(analyses.values.flatMap(\.dependencies))
        let buffers = bufferData
        for path in paths {
            touched.formUnion(standalone[path]?.map { FilePaths.normalised($0.location.file) } ?? [])
            standalone[path] = nil
            guard !included.contains(path), let text = text(of: path), let files = files(beside: path, buffers: buffers) else { continue }
            let findings = DatasetLoader(files: files, documents: documents).loadRecordDocument(text.data, path: (path as NSString).lastPathComponent)
            standalone[path] = ValidationReport(files: [path], findings: findings).findings
        }
        touched.formUnion(paths.filter { standalone[$0]?.isEmpty == false })
        return touched
    }

    /// The findings now in each of `files`, for those that changed since last returned.
    private func changes(in files: Set<String>) -> [String: [Finding]] {
        var changed: [String: [Finding]] = [:]
        for file in files {
            let now = findings(in: file)
            if now != (reported[file] ?? []) { changed[file] = now }
            reported[file] = now.isEmpty ? nil : now
        }
        return changed
    }

    /// Every finding in a file, from every dataset that reads it, once each.
    func findings(in file: String) -> [Finding] {
        var all: [Finding] = standalone[file] ?? []
        for analysis in analyses.values { all += analysis.findingsByFile[file] ?? [] }
        var seen = Set<Finding>()
        return all.sorted().filter { seen.insert($0).inserted }
    }

    /// The datasets that read `file` (its dataset, or those that include it), last checked.
    func analyses(reading file: String) -> [DatasetAnalysis] {
        if !checkedAll { _ = checkEverything() }
        return analyses.values.filter { $0.dependencies.contains(file) }.sorted { $0.path < $1.path }
    }

    private var bufferData: [String: Data] { buffers.mapValues { $0.text.data } }

    /// The files beside the document at `path`, as the editor has them, confined to its root.
    private func files(beside path: String, buffers: [String: Data]) -> OverlayFiles? {
        guard let root = root(for: path) else { return nil }
        return OverlayFiles(disk: DiskFiles(directory: FilePaths.parent(of: path), root: root), buffers: buffers)
    }
}
