import Foundation

/// `bilateral import FILE --series ID`: one series of a statistics file (SDMX, UN Comtrade, World Bank)
/// made a series of the dataset, through the edit engine: its observations become the file's (values,
/// statuses, periods), its scale, unit and period kind the file's, and a source records where the
/// figures come from (producer, dataset, key, dates, licence, the file's SHA-256 and its path under the
/// root). The series declares the file once (`imported_from`, `import_key`), so that `validate` checks
/// the figures against it and `import --refresh` reads it again. The edited dataset is validated whole
/// and compared with the current one before anything is written.
public struct StatisticsImport {
    /// What to import, and what the file does not say.
    public struct Request: Sendable {
        /// The statistics file, as the user named it.
        public var file: String
        /// The id of the series to create or update.
        public var series: String
        /// The codes that select one series of the file.
        public var selection: SeriesSelection
        /// A new series' title; by default the file's own (SDMX's `TITLE` attribute, the World Bank's
        /// indicator name), else its dataflow and key.
        public var title: String?
        /// A new series' indicator; by default `trade` for UN Comtrade, else `other`.
        public var indicator: Series.Indicator?
        /// The currency or unit of the values, over what the file gives (or when it gives none).
        public var currency: String?, unit: String?
        /// The id of the source to create or update; by default the series' id followed by `-data`.
        public var source: String?
        /// Where under the dataset's directory to keep a file from outside the root (`statistics/NAME` by default).
        public var keepAs: String?
        /// When the file was downloaded.
        public var retrieved: PartialDate?
        /// When the producer released the figures, where known.
        public var released: PartialDate?
        /// The query URL the file was downloaded from, where known.
        public var url: String?
        /// The licence the producer publishes the figures under.
        public var licence: String?

        /// A request to import the series `selection` picks from `file` as the series `series`.
        public init(file: String, series: String, selection: SeriesSelection) {
            self.file = file
            self.series = series
            self.selection = selection
        }
    }

    let importer: DatasetImport

    /// An import into `current`, whose document is `currentFile`; the diff names the result `importName`.
    public init(current: ValidatedDataset, currentFile: String, importName: String) {
        importer = DatasetImport(current: current, currentFile: currentFile, importName: importName)
    }

    private var current: ValidatedDataset { importer.current }

    /// Plans the import of `data`, the bytes of the request's file.
    ///
    /// - Throws: `StatisticsFileProblems` when the file is of no known format;
    ///   `DatasetImport.InvalidDataset` when the dataset as it is cannot take an import.
    public func plan(_ request: Request, data: Data) throws -> DatasetImport.Outcome {
        var outcome = DatasetImport.Outcome()
        var edits = DocumentEdits(current: current, currentFile: importer.currentFile)
        var added: [String: Data] = [:]
        let kept = keptFile(request)
        if let copy = kept.copy {
            if let existing = FileManager.default.contents(atPath: copy), existing != data,
               !current.dataset.sources.contains(where: { $0.dataFile.map(current.files.displayPath) == copy }) {
                outcome.findings.append(ImportFinding(.fileInTheWay, at: copy, "a different file is already at \(copy), and no source names it",
                                                      hint: "keep the download elsewhere with --keep-as PATH, or move that file away"))
                return outcome
            }
            added[copy] = data
            outcome.notes.append("\(request.file) is outside the dataset's root: a copy is kept at \(copy)")
        }
        try add(request, data: data, dataFile: kept.relative, editingSource: true, edits: &edits, findings: &outcome.findings)
        guard !outcome.hasErrors else { return outcome }
        return try importer.applying(&edits, to: outcome, adding: added)
    }

    /// Plans reading every imported series' statistics file again (`import --refresh`), after newer
    /// files were put in their place: the revisions become edits, shown as the record-level diff.
    /// - Parameter retrieved: when the files were downloaded, for their sources' `accessed`.
    public func refresh(retrieved: PartialDate? = nil) throws -> DatasetImport.Outcome {
        var outcome = DatasetImport.Outcome()
        var edits = DocumentEdits(current: current, currentFile: importer.currentFile)
        let sources = Dictionary(current.dataset.sources.map { ($0.id, $0) }) { first, _ in first }
        var files: [String: Data] = [:]
        var editedSources: Set<String> = []
        let imported = current.dataset.series.filter { $0.importedFrom != nil }
        if imported.isEmpty { outcome.notes.append("no series of the dataset is imported from a statistics file") }
        for series in imported {
            guard let source = sources[series.importedFrom!], let path = source.dataFile else {
                outcome.findings.append(ImportFinding(code: FindingCode.missingField.rawValue, at: series.origin.location.description,
                                                      "series '\(series.id)' is imported from '\(series.importedFrom!)', which names no statistics file (data_file)",
                                                      hint: "import the series again: bilateral import FILE --series \(series.id)"))
                continue
            }
            let display = current.files.displayPath(path)
            let data: Data
            do { data = try files[path] ?? current.files.read(path) } catch {
                outcome.findings.append(ImportFinding(code: FindingCode.missingFile.rawValue, at: source.origin["data_file"].description,
                                                      "cannot read the statistics file '\(display)': \(error)",
                                                      hint: "put the file back, or import the series again from a new download"))
                continue
            }
            files[path] = data
            var request = Request(file: display, series: series.id, selection: SeriesSelection(codes: series.importKey))
            request.source = source.id
            request.retrieved = retrieved
            // Series sharing a source edit it once.
            let editingSource = editedSources.insert(source.id).inserted
            do { try add(request, data: data, dataFile: path, editingSource: editingSource, edits: &edits, findings: &outcome.findings) } catch let problems as StatisticsFileProblems {
                outcome.findings += problems.errors.map(Self.finding)
            }
        }
        guard !outcome.hasErrors else { return outcome }
        return try importer.applying(&edits, to: outcome)
    }

    /// The edits that import the request's series from `data`, kept at `dataFile` (relative to the
    /// dataset document); problems of the file or of the match become findings.
    private func add(_ request: Request, data: Data, dataFile: String, editingSource: Bool, edits: inout DocumentEdits,
                     findings: inout [ImportFinding]) throws {
        let (message, sha256) = try StatisticsReadings.shared.read(data, file: request.file, keeping: request.selection)
        let chosen: StatisticalSeries
        do { chosen = try request.selection.series(of: message) } catch {
            findings.append(ImportFinding(.seriesNotSelected, at: request.file, error.message, hint: error.hint))
            return
        }
        let imported: ImportedSeries
        do { imported = try ImportedSeries(chosen, of: message, file: request.file) } catch {
            findings += error.errors.map(Self.finding)
            return
        }
        let fileFindings = try current.observationFileFindings()
        guard fileFindings.errorCount == 0 else { throw DatasetImport.InvalidDataset(report: fileFindings) }
        let sourceID = request.source ?? (current.dataset.series.first { $0.id == request.series }?.importedFrom) ?? request.series + "-data"
        if editingSource {
            editSource(sourceID, request, message: message, chosen: chosen, dataFile: dataFile, sha256: sha256, edits: &edits)
        }
        guard editSeries(request, sourceID: sourceID, message: message, chosen: chosen, imported: imported, edits: &edits, findings: &findings)
        else { return }
        try editObservations(of: request.series, imported, observationsFile: current.dataset.series.first { $0.id == request.series }?.observationsFile,
                             edits: &edits, findings: &findings)
    }

    // MARK: The file under the root

    /// Where the dataset keeps the file: its path relative to the dataset document, and the path (as
    /// findings name it) to copy it to when it is outside the dataset's root.
    private func keptFile(_ request: Request) -> (relative: String, copy: String?) {
        let directory = (importer.currentFile as NSString).deletingLastPathComponent
        let root = (current.files as? DiskFiles)?.root ?? DatasetRoot.enclosing(directory.isEmpty ? "." : directory)
        let absoluteFile = FilePaths.real(request.file) ?? FilePaths.absolute(request.file)
        let absoluteDirectory = FilePaths.real(directory.isEmpty ? "." : directory) ?? FilePaths.absolute(directory)
        if request.keepAs == nil, FilePaths.isInside(absoluteFile, root) {
            return (Self.relativePath(absoluteFile, from: absoluteDirectory), nil)
        }
        let relative = request.keepAs ?? "statistics/" + (request.file as NSString).lastPathComponent
        return (relative, current.files.displayPath(relative))
    }

    /// `path` named from `directory`, both absolute: `../data/file.csv`.
    static func relativePath(_ path: String, from directory: String) -> String {
        let target = path.split(separator: "/"), base = directory.split(separator: "/")
        var shared = 0
        while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
        return (Array(repeating: "..", count: base.count - shared) + target[shared...].map(String.init)).joined(separator: "/")
    }

    // MARK: Records

    /// Creates the source, or updates what the file tells of it: where the file is, its checksum, the
    /// statistical dataset, and the dates and licence the request gives.
    private func editSource(_ id: String, _ request: Request, message: StatisticsMessage, chosen: StatisticalSeries, dataFile: String,
                            sha256: String, edits: inout DocumentEdits) {
        let producer = chosen.dataflow?.agency ?? message.format.rawValue
        let dataset = chosen.dataflow?.description ?? Self.indicatorName(message, chosen)
        var fields: [(name: String, value: EditValue?)] = [
            ("data_file", .text(dataFile)), ("sha256", .text(sha256)),
        ]
        if let dataset { fields.append(("dataset", .text(dataset))) }
        if let retrieved = request.retrieved { fields.append(("accessed", .bare(retrieved.description))) }
        if let released = request.released { fields.append(("published", .bare(released.description))) }
        if let url = request.url { fields.append(("url", .text(url))) }
        if let licence = request.licence { fields.append(("licence", .text(licence))) }
        let order = Source.fields.map(\.name)
        if let source = current.dataset.sources.first(where: { $0.id == id }) {
            if source.publisher == nil { fields.append(("publisher", .text(producer))) }
            let now: [String: String?] = [
                "data_file": source.dataFile, "sha256": source.sha256, "dataset": source.statisticalDataset, "accessed": source.accessed?.description,
                "published": source.published?.description, "url": source.url, "licence": source.licence,
            ]
            edits.set(fields.filter { field in now[field.name].map { $0 != Self.text(field.value) } ?? true },
                      ofRecordAt: source.origin.location, kind: .source, order: order)
            return
        }
        let key = chosen.keyText(message.dimensions)
        let named = chosen.dataflow?.description ?? ([producer] + (dataset.map { [$0] } ?? [])).joined(separator: " ")
        fields += [("title", .text("[\(named), series \(key)]")), ("publisher", .text(producer)),
                   ("tier", .bare(Source.Tier.official.rawValue))]
        let entries = order.compactMap { name in fields.first { $0.name == name }.flatMap { $0.value.map { EditValue.EditEntry(name, $0) } } }
        edits.append([EditValue.EditEntry("id", .bare(id))] + entries, kind: .source)
    }

    /// The indicator a Comtrade or World Bank series measures, as its key gives it.
    private static func indicatorName(_ message: StatisticsMessage, _ series: StatisticalSeries) -> String? {
        switch message.format {
        case .worldBank: series.key["INDICATOR"]
        case .comtrade: ["typeCode", "clCode", "cmdCode", "flowCode"].compactMap { series.key[$0] }.joined(separator: " ")
        default: nil
        }
    }

    /// Creates the series, or updates what the file decides of it (scale, period kind, where it comes
    /// from); an existing series keeps its title and indicator. False when the file contradicts it.
    private func editSeries(_ request: Request, sourceID: String, message: StatisticsMessage, chosen: StatisticalSeries,
                            imported: ImportedSeries, edits: inout DocumentEdits, findings: inout [ImportFinding]) -> Bool {
        // What the user says overrides what the file says (an exchange rate's CURRENCY is the currency
        // quoted, not the unit its values are stated in).
        let currency = request.currency ?? (request.unit == nil ? imported.currency : nil)
        let unit = currency == nil ? request.unit ?? imported.unit : nil
        let key = EditValue.map(chosen.key.sorted { $0.key < $1.key }.map { .init($0.key, .text($0.value)) })
        let order = Series.fields.map(\.name)
        let reporter = country(imported.referenceArea), partner = country(imported.counterpartArea)
        if let series = current.dataset.series.first(where: { $0.id == request.series }) {
            if let currency, let own = series.currency, own != currency {
                findings.append(ImportFinding(.unitMismatch, at: request.file, "the file's values are in \(currency); series '\(series.id)' is in \(own)",
                                              hint: "import the file into a series of its own, or select the figures in \(own)", landsAt: series.origin["currency"]))
                return false
            }
            if let unit, let own = series.unit, own != unit {
                findings.append(ImportFinding(.unitMismatch, at: request.file, "the file counts \(unit); series '\(series.id)' counts \(own)",
                                              hint: "import the file into a series of its own, or select the figures in \(own)", landsAt: series.origin["unit"]))
                return false
            }
            var fields: [(name: String, value: EditValue?)] = []
            if series.scale != imported.scale { fields.append(("scale", .bare(imported.scale.rawValue))) }
            if series.importedFrom != sourceID { fields.append(("imported_from", .bare(sourceID))) }
            if series.importKey != chosen.key { fields.append(("import_key", key)) }
            if series.periodKind != imported.periodKind,
               series.periodKind?.fiscalYearStart(series.fiscalYearStart) == nil || imported.periodKind != .calendarYear {
                fields.append(("period_kind", .bare(imported.periodKind.rawValue)))
            }
            if let start = imported.fiscalYearStart, series.fiscalYearStart != start { fields.append(("fiscal_year_start", .bare(String(start)))) }
            if series.currency == nil, series.unit == nil {
                if let currency { fields.append(("currency", .text(currency))) }
                if let unit { fields.append(("unit", .text(unit))) }
            }
            if series.reporter == nil, let reporter { fields.append(("reporter", .bare(reporter))) }
            if series.partner == nil, let partner { fields.append(("partner", .bare(partner))) }
            if !series.citations.contains(where: { $0.source == sourceID }) {
                fields.append(("sources", .list(series.citations.map(Self.citationValue) + [.bare(sourceID)])))
            }
            edits.set(fields, ofRecordAt: series.origin.location, kind: .series, order: order)
            return true
        }
        guard currency != nil || unit != nil else {
            findings.append(ImportFinding(.unitMismatch, at: request.file, "the file gives no currency or unit for the series (no \(ImportedSeries.unitNames.joined(separator: ", ")))",
                                          hint: "give it: --currency USD for money, --unit persons for counts"))
            return false
        }
        let dataflow = chosen.dataflow.map { "\($0.agency) \($0.id)" } ?? Self.indicatorName(message, chosen) ?? message.format.rawValue
        let indicator = request.indicator ?? (message.format == .comtrade ? .trade : .other)
        var fields: [EditValue.EditEntry] = [
            .init("id", .bare(request.series)),
            .init("title", .text(request.title ?? chosen.attributes["TITLE"].flatMap { $0.isEmpty ? nil : $0 }
                                    ?? "\(dataflow) \(chosen.keyText(message.dimensions))")),
            .init("indicator", .bare(indicator.rawValue)),
        ]
        if message.format == .comtrade, let flow = chosen.key["flowCode"].flatMap({ Self.comtradeFlows[$0] }) {
            fields.append(.init("flow", .bare(flow.rawValue)))
        }
        if let reporter { fields.append(.init("reporter", .bare(reporter))) }
        if let partner { fields.append(.init("partner", .bare(partner))) }
        if let currency { fields.append(.init("currency", .text(currency))) }
        if let unit { fields.append(.init("unit", .text(unit))) }
        if imported.scale != .one { fields.append(.init("scale", .bare(imported.scale.rawValue))) }
        fields.append(.init("period_kind", .bare(imported.periodKind.rawValue)))
        if let start = imported.fiscalYearStart { fields.append(.init("fiscal_year_start", .bare(String(start)))) }
        fields += [.init("imported_from", .bare(sourceID)),
                   .init("import_key", key), .init("sources", .list([.bare(sourceID)]))]
        edits.append(fields, kind: .series)
        return true
    }

    /// Comtrade's flow codes that name a direction of the model.
    private static let comtradeFlows: [String: Series.Flow] = ["X": .export, "M": .import]

    /// A citation as the document writes it.
    private static func citationValue(_ citation: Citation) -> EditValue {
        citation.quote.map { .map([.init("source", .bare(citation.source)), .init("quote", .text($0))]) } ?? .bare(citation.source)
    }

    /// The dataset's country whose ISO 3166-1 alpha-2, alpha-3 or numeric code `code` is.
    private func country(_ code: String?) -> String? {
        guard let code else { return nil }
        let alpha2 = code.count == 3 && code.allSatisfy(\.isNumber) ? ISOCodes.alpha2ByNumeric[code] : nil
        return current.dataset.countries.first { $0.alpha2 == code || $0.alpha3 == code || $0.alpha2 == alpha2 }?.id
    }

    // MARK: Observations

    /// Makes the series' observations the file's: changed values and statuses set, new periods added,
    /// periods the file no longer holds removed.
    private func editObservations(of seriesID: String, _ imported: ImportedSeries, observationsFile: String?,
                                  edits: inout DocumentEdits, findings: inout [ImportFinding]) throws {
        var existing: [Period: Observation] = [:]
        var order: [Observation] = []
        var refused = false
        try current.forEachObservation { observation in
            guard observation.series == seriesID else { return }
            if existing.updateValue(observation, forKey: observation.period) != nil || !observation.dimensions.isEmpty {
                findings.append(ImportFinding(.notImported, at: observation.origin.location.description,
                                              "series '\(seriesID)' has several observations for \(observation.period) or observations with dimensions, which one series of a statistics file cannot set",
                                              hint: "import the file into a series of its own", landsAt: observation.origin.location))
                refused = true
            }
            order.append(observation)
        }
        guard !refused else { return }
        let fileRows = observationsFile.map(current.files.displayPath)
        let observationOrder = Observation.fields.map(\.name)
        var seen: Set<Period> = []
        for value in imported.values {
            seen.insert(value.period)
            if let observation = existing[value.period] {
                var changes: [(name: String, value: EditValue?)] = []
                if observation.value.value != value.number.value || observation.value.fractionDigits != value.number.fractionDigits {
                    changes.append(("value", .bare(value.text)))
                }
                if observation.valueStatus != value.status { changes.append(("value_status", value.status.map { .bare($0.rawValue) })) }
                guard !changes.isEmpty else { continue }
                if CSVDocumentEditor.edits(observation.origin.location.file) {
                    edits.setCells(changes.map { ($0.name, Self.csvText($0.value)) }, ofRowAt: observation.origin.location)
                } else {
                    edits.set(changes, ofRecordAt: observation.origin.location, kind: .observation, order: observationOrder)
                }
            } else if let fileRows {
                var row = ["period": value.period.description, "value": value.text]
                if let status = value.status { row["value_status"] = status.rawValue }
                edits.appendRow(row, toFile: fileRows)
            } else {
                var fields: [EditValue.EditEntry] = [.init("series", .bare(seriesID)), .init("period", .bare(value.period.description))]
                fields.append(.init("value", .bare(value.text)))
                if let status = value.status { fields.append(.init("value_status", .bare(status.rawValue))) }
                edits.append(fields, kind: .observation)
            }
        }
        for observation in order where !seen.contains(observation.period) {
            edits.remove(.observation, at: observation.origin.location)
        }
    }

    /// A value as an observations file's cell writes it.
    private static func csvText(_ value: EditValue?) -> String { text(value) ?? "" }

    /// The text of a scalar value; nil for none, a list or a map.
    private static func text(_ value: EditValue?) -> String? {
        switch value {
        case .text(let text)?, .bare(let text)?: text
        default: nil
        }
    }

    /// A statistics file's error as an import finding.
    static func finding(_ error: StatisticsFileError) -> ImportFinding {
        ImportFinding(code: error.code.rawValue, at: error.line > 0 ? "\(error.file):\(error.line):\(error.column)" : error.file,
                      error.message, hint: error.hint)
    }
}
