import Foundation

/// Reads SDMX-ML 2.1 data messages, in both of their forms: structure-specific (`StructureSpecificData`:
/// a `Series` element whose attributes are the codes of its dimensions and attributes, `Obs` elements
/// with `TIME_PERIOD`, `OBS_VALUE` and observation attributes) and generic (`GenericData`: `SeriesKey`,
/// `Attributes` and `Obs` elements of `Value`s).
///
/// The XML is a stranger's: it is read by `XMLTokenizer`, which refuses any document type declaration,
/// so no entity is ever expanded and no external file named. A message of observations not grouped in
/// series (`dimensionAtObservation="AllDimensions"`) is refused: without the data structure its
/// dimensions cannot be told from its attributes.
public struct SDMXMLReader: StatisticsFileReader {
    /// The file as the user named it, for errors.
    public let file: String
    /// The namespace of SDMX-ML 2.1 messages.
    static let messageNamespace = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"

    /// A reader of the file called `file` in errors.
    public init(file: String) { self.file = file }

    /// Whether `data` is XML whose first element is an SDMX-ML data message.
    public static func recognizes(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        return (head.contains("StructureSpecificData") || head.contains("GenericData")) && head.contains("sdmx.org/resources/sdmxml/schemas")
    }

    /// Reads the message in `data`; throws `StatisticsFileProblems` listing what cannot be read.
    public func read(_ data: Data, keeping selection: SeriesSelection?) throws -> StatisticsMessage {
        var reading = Reading(reader: self, data: data, keeping: selection)
        do {
            try reading.run()
        } catch let failure as XMLTokenizer.Failure {
            reading.problems.append(reading.problem(.malformedFile, at: failure.offset, "the XML is malformed: \(failure.message)",
                                                    hint: "download the data again; bilateral reads SDMX-ML as agencies serve it"))
        } catch let problem as StatisticsFileError {
            reading.problems.append(problem)
        }
        reading.problems += reading.gathering.duplicates(self).prefix(max(0, Self.errorLimit - reading.problems.count))
        guard reading.problems.isEmpty else { throw StatisticsFileProblems(reading.problems) }
        return StatisticsMessage(format: .sdmxML, formatVersion: "2.1", dimensions: reading.gathering.dimensions, series: reading.gathering.series)
    }
}

extension SDMXMLReader {
    /// How many bytes of the file the tokenizer is given at a time.
    static let chunkSize = 1 << 20

    /// One pass over a message's elements.
    struct Reading {
        let reader: SDMXMLReader
        let data: Data
        var tokenizer = XMLTokenizer()
        var problems: [StatisticsFileError] = []
        var gathering: SeriesGathering
        var isGeneric = false
        var dataflow: Dataflow?
        /// The element names from the root to the current one.
        var path: [String] = []
        /// The series being read, and in a generic message the `Value`s of the part being read.
        var key: [(String, String)] = []
        var seriesAttributes: [String: String] = [:]
        var observation: (period: String?, value: String?, attributes: [String: String], offset: Int)?
        var genericPart = ""
        /// The index of the series being read, once its key is complete.
        var currentSeries: Int?
        /// The root element has been read and is an SDMX-ML data message.
        var rootChecked = false
        /// Attributes given once for the whole data set (`UNIT_MULT`, `DECIMALS`), which hold for each of its series.
        var dataSetAttributes: [String: String] = [:]

        init(reader: SDMXMLReader, data: Data, keeping selection: SeriesSelection?) {
            gathering = SeriesGathering(keeping: selection)
            self.reader = reader
            self.data = data
            places = LinePlaces(data)
        }

        /// Lines and columns of byte offsets, counted on from the last offset asked for (the reading asks in
        /// the file's order, so the file is walked once).
        let places: LinePlaces

        func problem(_ code: StatisticsFileError.Code, at offset: Int, _ message: String, hint: String) -> StatisticsFileError {
            let place = places.place(of: offset)
            return reader.problem(code, place.line, place.column, message, hint: hint)
        }

        mutating func run() throws {
            // The file goes through the tokenizer a megabyte at a time, so its buffer stays small.
            var fed = 0
            repeat {
                let next = min(fed + SDMXMLReader.chunkSize, data.count)
                tokenizer.feed(data[data.startIndex + fed..<data.startIndex + next])
                fed = next
                if fed == data.count { tokenizer.finish() }
                while let token = try tokenizer.next() {
                    switch token {
                    case .start(let name, let selfClosing):
                        if path.isEmpty, rootChecked {
                            throw problem(.malformedFile, at: tokenizer.tokenOffset, "a second root element '\(name)'", hint: "download the data as SDMX-ML again")
                        }
                        try start(name)
                        if selfClosing { try end(name) } else { path.append(name) }
                    case .end(let name):
                        guard path.last == name else {
                            throw problem(.malformedFile, at: tokenizer.tokenOffset,
                                          path.last.map { "the end tag of '\(name)' closes '\($0)'" } ?? "the end tag of '\(name)' closes no element",
                                          hint: "download the data as SDMX-ML again")
                        }
                        try end(name)
                        path.removeLast()
                    case .text:
                        break
                    }
                    if problems.count >= SDMXMLReader.errorLimit { return }
                }
            } while fed < data.count
            guard rootChecked else {
                throw problem(.notStatistics, at: 0, "the file holds no XML element", hint: "download the data as SDMX-ML again")
            }
            if let open = path.last {
                throw problem(.malformedFile, at: data.count, "the file ends inside the element '\(open)'", hint: "download the data again: the file is cut short")
            }
        }

        mutating func start(_ name: String) throws {
            let offset = tokenizer.tokenOffset
            if path.isEmpty {
                guard name == "StructureSpecificData" || name == "GenericData",
                      tokenizer.attributeValues().contains(SDMXMLReader.messageNamespace) else {
                    throw problem(.notStatistics, at: offset, "the XML is not an SDMX-ML 2.1 data message (its root is '\(name)')",
                                  hint: "download the data as SDMX-ML 2.1 (structure-specific or generic), SDMX-CSV or SDMX-JSON")
                }
                isGeneric = name == "GenericData"
                rootChecked = true
                return
            }
            let parent = path.last ?? ""
            switch name {
            case "Structure" where parent == "Header":
                if tokenizer.attribute("dimensionAtObservation") == "AllDimensions" {
                    throw problem(.notStatistics, at: offset, "the message holds observations not grouped in series (dimensionAtObservation=\"AllDimensions\")",
                                  hint: "download the data as time series (dimensionAtObservation=TIME_PERIOD)")
                }
            case "Ref" where path.contains("Header"):
                if let agency = tokenizer.attribute("agencyID"), let id = tokenizer.attribute("id") {
                    dataflow = Dataflow(agency: agency, id: id, version: tokenizer.attribute("version"))
                }
            case "DataSet" where !isGeneric:
                for (component, value) in tokenizer.unprefixedAttributes() where !Self.dataSetProperties.contains(component) {
                    dataSetAttributes[component] = value
                }
            case "Series":
                key = []
                seriesAttributes = dataSetAttributes
                currentSeries = nil
                if !isGeneric {
                    for (component, value) in tokenizer.unprefixedAttributes() {
                        key.append((component, value))
                    }
                    currentSeries = gathering.series(key: key, dataflow: dataflow)
                }
            case "SeriesKey", "Attributes", "ObsKey":
                genericPart = name
                if name == "ObsKey" {
                    throw problem(.notStatistics, at: offset, "the message holds observations not grouped in series (ObsKey)",
                                  hint: "download the data as time series (dimensionAtObservation=TIME_PERIOD)")
                }
            case "Obs":
                guard path.contains("Series") else {
                    throw problem(.notStatistics, at: offset, "an observation outside any series",
                                  hint: "download the data as time series (dimensionAtObservation=TIME_PERIOD)")
                }
                observation = (nil, nil, [:], offset)
                // The observations of a series the selection leaves out are not read.
                if let currentSeries, !gathering.keeps(currentSeries) { return }
                if !isGeneric {
                    for (component, value) in tokenizer.unprefixedAttributes() {
                        switch component {
                        case "TIME_PERIOD": observation?.period = value
                        case "OBS_VALUE": observation?.value = value
                        default: observation?.attributes[component] = value
                        }
                    }
                }
            case "ObsDimension" where isGeneric:
                observation?.period = tokenizer.attribute("value")
            case "ObsValue" where isGeneric:
                observation?.value = tokenizer.attribute("value")
            case "Value" where isGeneric:
                guard let id = tokenizer.attribute("id"), let value = tokenizer.attribute("value") else {
                    throw problem(.notStatistics, at: offset, "a generic Value without its id or value", hint: "download the data as SDMX-ML again")
                }
                if observation != nil {
                    observation?.attributes[id] = value
                } else if genericPart == "SeriesKey" {
                    key.append((id, value))
                } else if path.contains("Series") {
                    seriesAttributes[id] = value
                } else if genericPart == "Attributes", path.last == "Attributes", path.dropLast().last == "DataSet" {
                    dataSetAttributes[id] = value
                }
            default:
                break
            }
        }

        /// An observation's period and value read, at the place of its element.
        func observation(_ element: (period: String?, value: String?, attributes: [String: String], offset: Int)) throws -> StatisticalObservation {
            let place = places.place(of: element.offset)
            guard let periodText = element.period else {
                throw problem(.invalidPeriod, at: element.offset, "an observation without a time period",
                              hint: "every observation of a time series has its TIME_PERIOD")
            }
            let period = try reader.period(periodText, place.line, place.column)
            var value: String?
            if let text = element.value, !text.isEmpty, text != "NaN", text != "#N/A" {
                value = try reader.decimal(text, place.line, place.column, missing: "left out, NaN or #N/A")
            }
            return StatisticalObservation(period: period, value: value, attributes: element.attributes, line: place.line, column: place.column)
        }

        /// The XML attributes SDMX-ML gives a data set itself, which are none of its data's attributes.
        static let dataSetProperties: Set<String> = ["action", "reportingBeginDate", "reportingEndDate", "validFromDate", "validToDate",
                                                     "publicationYear", "publicationPeriod", "setID", "structureRef", "dataScope"]

        mutating func end(_ name: String) throws {
            switch name {
            case "SeriesKey", "Attributes":
                if name == "SeriesKey", path.dropLast().last == "Series" { currentSeries = gathering.series(key: key, dataflow: dataflow) }
                genericPart = ""
            case "Series":
                // A series that lists no observation is kept, as the file has it.
                gathering.setAttributes(seriesAttributes, of: currentSeries ?? gathering.series(key: key, dataflow: dataflow))
                currentSeries = nil
            case "Obs":
                guard let observation else { return }
                self.observation = nil
                let index = currentSeries ?? gathering.series(key: key, dataflow: dataflow)
                guard gathering.keeps(index) else { return }
                do {
                    let read = try self.observation(observation)
                    gathering.add(read, to: index)
                } catch let error as StatisticsFileError {
                    problems.append(error)
                }
            default:
                break
            }
        }
    }
}
