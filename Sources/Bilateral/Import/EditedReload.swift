import Foundation

/// The edited dataset loaded again from the records the edits touched alone: each run of touched
/// records is composed and read from the edited bytes, the records after it move by the lines it
/// gained or lost, and everything else is the dataset as it was loaded. The outcome is the loader's
/// for the whole edited document, at a fraction of the cost; where that cannot be told for certain
/// (anchors, a document with includes, an edit outside the lists of records, a record the loader
/// dropped) there is none, and the document is loaded whole.
enum EditedReload {
    /// The loader's outcome for the edited document, or nil when it must be loaded whole.
    ///
    /// - Parameters:
    ///   - current: the dataset as it was, loaded alone (its rules deferred: its warnings are the loader's).
    ///   - editor: the edits of its document, which is the only document edited.
    ///   - edited: the document's bytes after the edits.
    static func load(current: ValidatedDataset, editor: YAMLDocumentEditor, edited: Data) -> DatasetLoader.Result? {
        // Loaded alone, so its warnings are the loader's; and valid, so the loader dropped no record (it
        // drops one only with an error): its declared ids are the ids of its records.
        guard current.deferredRules != nil, let splices = try? editor.orderedSplices(), !splices.isEmpty else { return nil }
        let map = editor.map, file = editor.file
        var dataset = current.dataset
        // One document (no includes), no directives, no anchors or aliases.
        guard map.bytes.first != UInt8(ascii: "%"), map.root.entry(DatasetLoader.includeKey) == nil, dataset.metadata.origin.location.file == file,
              !map.hasAnchorsOrAliases, case .mapping(let entries) = map.root.kind else { return nil }

        // The lists of records and the regions of their items: an item's first line to the next item's.
        var runs: [Run] = []
        var assigned = [Bool](repeating: false, count: splices.count)
        for entry in entries {
            guard let kind = RecordKind(collection: entry.key), case .sequence(let items) = entry.value.kind, !items.isEmpty else { continue }
            guard !entry.value.isFlow, let regions = Self.regions(of: items, in: map) else {
                if splices.contains(where: { $0.start <= entry.value.end && $0.end >= entry.value.start }) { return nil }
                continue
            }
            var touched = [Bool](repeating: false, count: regions.count)
            for (index, splice) in splices.enumerated() {
                // The first region that ends at or after the splice's start, then those it reaches.
                var low = 0, high = regions.count
                while low < high {
                    let middle = (low + high) / 2
                    if regions[middle].upperBound < splice.start { low = middle + 1 } else { high = middle }
                }
                var region = low
                while region < regions.count && regions[region].lowerBound <= splice.end {
                    if Self.touches(splice, regions[region]) {
                        touched[region] = true
                        assigned[index] = true
                    }
                    region += 1
                }
            }
            var region = 0
            while region < regions.count {
                guard touched[region] else { region += 1; continue }
                var last = region
                while last + 1 < regions.count && touched[last + 1] { last += 1 }
                runs.append(Run(kind: kind, items: region...last, itemCount: items.count,
                                range: regions[region].lowerBound..<regions[last].upperBound))
                region = last + 1
            }
        }
        guard assigned.allSatisfy({ $0 }) else { return nil }
        runs.sort { $0.range.lowerBound < $1.range.lowerBound }

        // Where each run is in the edited bytes, and the lines it gained or lost.
        var byteShift = 0, lineShift = 0
        var placed: [(run: Run, bytes: Range<Int>, firstLine: Int, oldLines: ClosedRange<Int>, shiftAfter: Int)] = []
        for run in runs {
            let inside = splices.filter { Self.touches($0, run.range) }
            let gainedBytes = inside.reduce(0) { $0 + $1.text.utf8.count - ($1.end - $1.start) }
            let gainedLines = inside.reduce(0) { $0 + Self.lines(in: Array($1.text.utf8)) - Self.lines(in: Array(map.bytes[$1.start..<$1.end])) }
            let start = run.range.lowerBound + byteShift
            let firstLine = map.line(of: run.range.lowerBound), lastLine = map.line(of: run.range.upperBound - 1)
            byteShift += gainedBytes
            lineShift += gainedLines
            placed.append((run, start..<(run.range.upperBound + byteShift), firstLine + lineShift - gainedLines, firstLine...lastLine, lineShift))
        }
        let bytes = [UInt8](edited)
        guard let last = placed.last, last.bytes.upperBound <= bytes.count, bytes.count == map.bytes.count + byteShift else { return nil }

        // The records outside the runs move by the lines gained before them; then each run is read anew,
        // the last first so that the earlier runs' places in the lists still hold.
        func shift(_ line: Int) -> Int {
            // The last run that ends above the line, by bisection (the runs are in document order).
            var low = 0, high = placed.count
            while low < high {
                let middle = (low + high) / 2
                if placed[middle].oldLines.upperBound < line { low = middle + 1 } else { high = middle }
            }
            return line + (low > 0 ? placed[low - 1].shiftAfter : 0)
        }
        if placed.contains(where: { $0.shiftAfter != 0 }) { Self.move(&dataset, by: shift) }
        var findings = current.warnings.filter { finding in
            finding.location.file != file || !placed.contains { $0.oldLines.contains(finding.location.line) }
        }.map { finding in
            var moved = finding
            if moved.location.file == file { moved.location.line = shift(moved.location.line) }
            return moved
        }
        for entry in placed.reversed() {
            guard Self.count(of: entry.run.kind, in: dataset) == entry.run.itemCount,
                  let fragment = Self.compose(Array(bytes[entry.bytes]), file: file, firstLine: entry.firstLine),
                  Self.replace(entry.run.kind, entry.run.items, with: fragment, in: &dataset, file: file, findings: &findings)
            else { return nil }
        }
        return DatasetLoader.Result(dataset: dataset, findings: findings, declaredIDs: dataset.kindsByID)
    }

    /// The items of a run's bytes composed as a list, placed at the lines they have in the edited document;
    /// nil when composing finds anything to report (the whole document is then loaded, and says it).
    private static func compose(_ bytes: [UInt8], file: String, firstLine: Int) -> [Node]? {
        var log = FindingLog()
        let root = bytes.withUnsafeBufferPointer { YAMLComposer(file: file).compose($0, log: &log) }
        guard log.findings.isEmpty, let root else { return nil }
        switch root.content {
        case .sequence(let items): return items.map { Self.moved($0, by: Int32(firstLine - 1)) }
        case .mapping(let entries) where entries.isEmpty: return []
        default: return nil
        }
    }

    private static func moved(_ node: Node, by lines: Int32) -> Node {
        var node = node
        node.position.line += lines
        switch node.content {
        case .scalar: break
        case .sequence(let items): node.content = .sequence(items.map { moved($0, by: lines) })
        case .mapping(let entries):
            node.content = .mapping(entries.map { Node.Entry(key: $0.key, keyPosition: .init(line: $0.keyPosition.line + lines, column: $0.keyPosition.column),
                                                             value: moved($0.value, by: lines)) })
        }
        return node
    }

    /// Touched items of one list, one after another, and the bytes of their regions.
    private struct Run {
        var kind: RecordKind
        var items: ClosedRange<Int>
        var itemCount: Int
        var range: Range<Int>
    }

    private static func touches(_ splice: YAMLDocumentEditor.Splice, _ range: Range<Int>) -> Bool {
        splice.start == splice.end ? range.lowerBound <= splice.start && splice.start <= range.upperBound
            : splice.start < range.upperBound && splice.end > range.lowerBound
    }

    private static func lines(in bytes: [UInt8]) -> Int { bytes.count { $0 == 0x0A } }

    /// Each item's region: from the start of its first line to the start of the next item's, the last's
    /// to the end of its last line; nil when an item does not start its line after `- `.
    private static func regions(of items: [YAMLDocumentMap.MappedNode], in map: YAMLDocumentMap) -> [Range<Int>]? {
        var starts: [Int] = []
        for item in items {
            let lineStart = map.lineStarts[map.line(of: item.start) - 1]
            let prefix = map.bytes[lineStart..<item.start]
            guard prefix.filter({ $0 != 0x20 }) == [UInt8(ascii: "-")] else { return nil }
            starts.append(lineStart)
        }
        let lastLine = map.line(of: max(items[items.count - 1].end - 1, items[items.count - 1].start))
        let end = lastLine < map.lineStarts.count ? map.lineStarts[lastLine] : map.bytes.count
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : end) }
    }

    // MARK: The dataset's lists, kind by kind

    /// Moves every place of the dataset's records (and metadata) to the line `line` gives it.
    private static func move(_ dataset: inout Dataset, by line: (Int) -> Int) {
        func move(_ origin: inout Origin) {
            origin.location.line = line(origin.location.line)
            for key in Array(origin.fields.keys) { origin.fields[key]!.line = line(origin.fields[key]!.line) }
        }
        func moveAll<R: DeclaredFields>(_ records: inout [R]) {
            for index in records.indices { move(&records[index].origin) }
        }
        move(&dataset.metadata.origin)
        moveAll(&dataset.sources); moveAll(&dataset.countries); moveAll(&dataset.people); moveAll(&dataset.offices)
        moveAll(&dataset.organizations); moveAll(&dataset.mechanisms); moveAll(&dataset.events); moveAll(&dataset.agreements)
        moveAll(&dataset.statements); moveAll(&dataset.series); moveAll(&dataset.observations); moveAll(&dataset.acknowledgements)
    }

    private static func count(of kind: RecordKind, in dataset: Dataset) -> Int {
        switch kind {
        case .source: dataset.sources.count
        case .country: dataset.countries.count
        case .person: dataset.people.count
        case .office: dataset.offices.count
        case .organization: dataset.organizations.count
        case .mechanism: dataset.mechanisms.count
        case .event: dataset.events.count
        case .agreement: dataset.agreements.count
        case .statement: dataset.statements.count
        case .series: dataset.series.count
        case .observation: dataset.observations.count
        }
    }

    /// Reads `nodes` as records of `kind` in place of the items `items`; false when one cannot be read.
    private static func replace(_ kind: RecordKind, _ items: ClosedRange<Int>, with nodes: [Node], in dataset: inout Dataset, file: String,
                                findings: inout [Finding]) -> Bool {
        func read<R: Record & ReadableRecord>(_ records: inout [R]) -> Bool {
            let context = LoadContext(file: file)
            let read = nodes.compactMap { R.read($0, what: R.kind.withArticle, context: context) }
            guard read.count == nodes.count else { return false }
            records.replaceSubrange(items, with: read)
            findings += context.log.findings
            return true
        }
        switch kind {
        case .source: return read(&dataset.sources)
        case .country: return read(&dataset.countries)
        case .person: return read(&dataset.people)
        case .office: return read(&dataset.offices)
        case .organization: return read(&dataset.organizations)
        case .mechanism: return read(&dataset.mechanisms)
        case .event: return read(&dataset.events)
        case .agreement: return read(&dataset.agreements)
        case .statement: return read(&dataset.statements)
        case .series: return read(&dataset.series)
        case .observation: return read(&dataset.observations)
        }
    }
}
