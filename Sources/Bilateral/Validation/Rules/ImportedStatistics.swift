import Foundation

extension Rules {
    /// `statistics-mismatch` and `data-file-changed`: a series imported from a statistics file
    /// (`imported_from`, `import_key`) still has the file's observations, value for value and status
    /// for status, and the file is still the one its source records (by SHA-256).
    static func importedStatistics(_ context: RuleContext, _ log: inout FindingLog) {
        let imported = context.dataset.series.filter { $0.importedFrom != nil }
        guard !imported.isEmpty else { return }
        let sources = Dictionary(context.dataset.sources.map { ($0.id, $0) }) { first, _ in first }
        var messages: [String: StatisticsMessage?] = [:]
        // A file that one series is imported from is read for that series' observations alone.
        let seriesPerFile = Dictionary(grouping: imported.compactMap { sources[$0.importedFrom!]?.dataFile }, by: { $0 }).mapValues(\.count)
        for series in imported {
            guard let source = sources[series.importedFrom!] else { continue }  // unknown-reference reports it
            guard let path = source.dataFile else {
                log.add(.missingField, at: source.origin.location, "source '\(source.id)' has no 'data_file', and series '\(series.id)' is imported from it",
                        hint: "add the path of the statistics file, or import the series again with bilateral import FILE --series \(series.id)")
                continue
            }
            let display = context.files.displayPath(path)
            if messages[path] == nil {
                let selection = seriesPerFile[path] == 1 ? SeriesSelection(codes: series.importKey) : nil
                // Kept even when nil, so that a file that cannot be read is reported once.
                messages.updateValue(readStatistics(source, path: path, keeping: selection, context, &log), forKey: path)
            }
            guard let message = messages[path] ?? nil else { continue }
            let values: ImportedSeries
            do {
                values = try ImportedSeries(try SeriesSelection(codes: series.importKey).series(of: message), of: message, file: display)
            } catch let refusal as SeriesSelection.Refusal {
                log.add(.statisticsMismatch, at: series.origin["import_key"], "series '\(series.id)': in '\(display)', \(refusal.message)", hint: refusal.hint)
                continue
            } catch let problems as StatisticsFileProblems {
                let first = problems.errors[0]
                log.add(.dataFileChanged, at: source.origin["data_file"], "'\(display)' cannot be read as series '\(series.id)': \(first.message)", hint: first.hint)
                continue
            } catch {
                continue
            }
            compare(series, with: values, file: display, context, &log)
        }
    }

    /// The statistics file of `source`, read and checked against its recorded SHA-256; nil (reported) when
    /// it cannot be read.
    private static func readStatistics(_ source: Source, path: String, keeping selection: SeriesSelection?, _ context: RuleContext,
                                       _ log: inout FindingLog) -> StatisticsMessage? {
        let display = context.files.displayPath(path)
        if var stream = try? context.files.open(path), let known = StatisticsReadings.shared.reading(matching: &stream, keeping: selection) {
            return check(known, of: source, display: display, &log)
        }
        let data: Data
        do {
            data = try context.files.read(path)
        } catch let error as DatasetFileError {
            log.add(error.finding("statistics file", at: source.origin["data_file"]))
            return nil
        } catch {
            log.add(.missingFile, at: source.origin["data_file"], "cannot read statistics file '\(display)'", hint: "the path is relative to the dataset file")
            return nil
        }
        let read: (message: StatisticsMessage, sha256: String)
        do {
            read = try StatisticsReadings.shared.read(data, file: display, keeping: selection)
        } catch let problems as StatisticsFileProblems {
            let first = problems.errors[0]
            log.add(.dataFileChanged, at: source.origin["data_file"], "'\(display)' cannot be read as a statistics file: \(first.message)", hint: first.hint)
            return nil
        } catch {
            log.add(.dataFileChanged, at: source.origin["data_file"], "'\(display)' cannot be read as a statistics file")
            return nil
        }
        return check(read, of: source, display: display, &log)
    }

    /// `data-file-changed`: the file read is the one the source records (by SHA-256). Returns its message.
    private static func check(_ read: (message: StatisticsMessage, sha256: String), of source: Source, display: String,
                              _ log: inout FindingLog) -> StatisticsMessage {
        if let recorded = source.sha256, read.sha256 != recorded {
            log.add(.dataFileChanged, at: source.origin["sha256"], "'\(display)' is not the file source '\(source.id)' records: its SHA-256 differs",
                    hint: "run 'bilateral import --refresh' to take the new file's figures, or restore the file from git")
        }
        return read.message
    }

    /// Each observation of `series` against the file's value for its period, and each period of the file
    /// against the series.
    private static func compare(_ series: Series, with imported: ImportedSeries, file: String, _ context: RuleContext, _ log: inout FindingLog) {
        var byPeriod: [Period: ImportedSeries.Value] = [:]
        for value in imported.values { byPeriod[value.period] = value }
        var observations = context.dataset.observations.filter { $0.series == series.id }
        if series.observationsFile != nil {
            var scratch = FindingLog()
            var checker = ObservationFileChecker(series: series, files: context.files, limit: 0)
            try? checker.check(&scratch) { observations.append($0) }
        }
        let hint = "imported figures are the producer's: run 'bilateral import --refresh' to take the file's, or correct the file's figures where they came from"
        var seen: Set<Period> = []
        for observation in observations {
            seen.insert(observation.period)
            guard let value = byPeriod[observation.period] else {
                log.add(.statisticsMismatch, at: observation.origin["period"],
                        "series '\(series.id)' has a value for \(observation.period), for which '\(file)' has none", hint: hint)
                continue
            }
            if observation.value.value != value.number.value {
                log.add(.statisticsMismatch, at: observation.origin["value"],
                        "the value for \(observation.period) is \(observation.value); '\(file)' has \(value.text) (line \(value.line))", hint: hint)
            } else if observation.valueStatus != value.status {
                log.add(.statisticsMismatch, at: observation.origin.fields["value_status"] ?? observation.origin["value"],
                        "the value_status for \(observation.period) is \(observation.valueStatus?.rawValue ?? "none"); '\(file)' gives \(value.status?.rawValue ?? "none") (line \(value.line))",
                        hint: hint)
            }
        }
        for value in imported.values where !seen.contains(value.period) {
            log.add(.statisticsMismatch, at: series.origin["imported_from"],
                    "'\(file)' has a value for \(value.period) (line \(value.line)), which series '\(series.id)' lacks", hint: hint)
        }
    }
}
