import ArgumentParser
import Bilateral
import Foundation

/// The options of `bilateral import` that a statistics file takes.
struct StatisticsImportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The id of the series to create or update from a statistics file.", valueName: "id"))
    var series: String?

    @Option(name: .customLong("select"), help: ArgumentHelp("A dimension's code that picks the series of the file (REF_AREA=PK); repeat for each dimension.",
                                                           valueName: "DIM=CODE"))
    var select: [String] = []

    @Option(help: "A new series' title. Default: the file's own (SDMX's TITLE attribute, the World Bank's indicator name), else its dataflow and series key.")
    var title: String?

    @Option(help: ArgumentHelp("A new series' indicator: \(Series.Indicator.allCases.map(\.rawValue).joined(separator: ", ")). Default: trade for UN Comtrade, else other.",
                               valueName: "kind"))
    var indicator: String?

    @Option(help: ArgumentHelp("The ISO 4217 currency of the values, over what the file says (or when it says nothing).", valueName: "code"))
    var currency: String?

    @Option(help: ArgumentHelp("What the values count when they are not money (an exchange rate: 'NZD per EUR'), over what the file says.", valueName: "unit"))
    var unit: String?

    @Option(help: ArgumentHelp("The id of the source that records the file. Default: the series' own, else the series id followed by -data.", valueName: "id"))
    var source: String?

    @Option(help: ArgumentHelp("Where to keep a copy of a file from outside the dataset's root, relative to the dataset document. Default: statistics/NAME.",
                               valueName: "path"))
    var keepAs: String?

    @Option(help: ArgumentHelp("When the file was downloaded (YYYY-MM-DD). Default: today, for a new file; the source's date, for --refresh.",
                               valueName: "date"))
    var retrieved: String?

    @Option(help: ArgumentHelp("When the producer released the figures (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var released: String?

    @Option(help: ArgumentHelp("The query URL the file was downloaded from.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The licence the producer publishes the figures under (CC BY 4.0).", valueName: "licence"))
    var licence: String?

    @Flag(help: "Read every imported series' statistics file again and take the revised figures; the argument is the dataset.")
    var refresh = false

    func validate() throws {
        for (name, text) in [("--retrieved", retrieved), ("--released", released)] {
            if let text, PartialDate(iso: text) == nil { throw ValidationError("\(name) '\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        }
        if let indicator, Series.Indicator(rawValue: indicator) == nil {
            throw ValidationError("--indicator '\(indicator)' is not one of: \(Series.Indicator.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Today's date, in UTC.
    static var today: PartialDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return PartialDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

extension BilateralCommand.ImportCommand {
    /// Imports one series of the statistics file `file` into the dataset `--into` names.
    func importStatistics(_ file: String) throws {
        guard let seriesID = statistics.series else {
            throw ValidationError("'\(VisibleText.escaped(file))' is a statistics file: give the id of the series to create or update with --series ID")
        }
        guard let into else { throw ValidationError("name the dataset to import the series into with --into DATASET") }
        let data: Data
        do {
            data = try Self.statisticsFile(file)
        } catch let problems as StatisticsFileProblems {
            throw InputError(description: problems.description)
        }
        let selection: SeriesSelection
        do { selection = try SeriesSelection(arguments: statistics.select) } catch { throw ValidationError(error.description) }
        var request = StatisticsImport.Request(file: file, series: seriesID, selection: selection)
        request.title = statistics.title
        request.indicator = statistics.indicator.flatMap(Series.Indicator.init(rawValue:))
        request.currency = statistics.currency
        request.unit = statistics.unit
        request.source = statistics.source
        request.keepAs = statistics.keepAs
        request.retrieved = statistics.retrieved.flatMap { PartialDate(iso: $0) } ?? StatisticsImportOptions.today
        request.released = statistics.released.flatMap { PartialDate(iso: $0) }
        request.url = statistics.url
        request.licence = statistics.licence
        try run(into) { importer in try importer.plan(request, data: data) }
    }

    /// Reads every imported series' statistics file of the dataset again.
    func refresh() throws {
        let datasetPath = into ?? input
        guard let datasetPath else { throw ValidationError("name the dataset to refresh: bilateral import --refresh DATASET") }
        let retrieved = statistics.retrieved.flatMap { PartialDate(iso: $0) }
        try run(datasetPath) { importer in try importer.refresh(retrieved: retrieved) }
    }

    /// Loads the dataset at `datasetPath`, plans the import with `plan`, and reports and writes it.
    private func run(_ datasetPath: String, _ plan: (StatisticsImport) throws -> DatasetImport.Outcome) throws {
        let checked = try DatasetInput.check(datasetPath, root: rootOption.root, observationFiles: false, rules: false, mapsDocument: true)
        guard let current = checked.validated(strict: false) else { return try refuse(checked.report, datasetPath) }
        let importer = StatisticsImport(current: current, currentFile: datasetPath, importName: input ?? datasetPath)
        let outcome: DatasetImport.Outcome
        do {
            outcome = try plan(importer)
        } catch let invalid as DatasetImport.InvalidDataset {
            return try refuse(invalid.report, datasetPath)
        } catch let problems as StatisticsFileProblems where problems.errors.allSatisfy({ $0.code == .notStatistics }) {
            throw InputError(description: problems.description)
        } catch let problems as StatisticsFileProblems {
            FileHandle.standardOutput.write(Data((problems.description + "\n").utf8))
            FileHandle.standardError.write(Data("bilateral: nothing imported: the statistics file cannot be read\n".utf8))
            throw ExitCode(1)
        } catch let error as DatasetFileError {
            throw InputError(description: error.description)
        }
        try finish(outcome)
    }

    /// The bytes of a statistics file, refused when it is missing or larger than `StatisticsFile.maximumSize`.
    private static func statisticsFile(_ path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(description: "cannot read '\(VisibleText.escaped(path))': no such file or directory")
        }
        return try StatisticsFile.contents(path: path, file: path)
    }
}
