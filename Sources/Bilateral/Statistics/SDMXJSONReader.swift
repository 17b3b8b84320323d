import Foundation

/// Reads SDMX-JSON data messages, versions 1.0 and 2.x, as the OECD, the IMF, the ECB and the ILO
/// serve them: the structure the message carries (its dimensions and attributes, each with the list of
/// its values) and data sets of series (`series`, keyed `0:1:0`) or of observations (`observations`).
///
/// The message tells dimensions from attributes, so nothing is guessed: a key's positions are the
/// dimensions' value indexes, an observation's array holds its value and then, for each observation
/// attribute, the index of its value (or the value itself, for an attribute whose values are not
/// listed). The time dimension is `TIME_PERIOD` (or the dimension whose role is `TIME_PERIOD`), at
/// whichever level the message puts it. The JSON is read as the dataset loader reads JSON, with every
/// value's line and column and nesting bounded.
public struct SDMXJSONReader: StatisticsFileReader {
    /// The file as the user named it, for errors.
    public let file: String
    /// A reader of the file called `file` in errors.
    public init(file: String) { self.file = file }

    /// Whether `data` is JSON that names SDMX-JSON's data schema or holds its `dataSets`.
    public static func recognizes(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).first == "{" else { return false }
        return head.contains("sdmx-json-data-schema") || String(decoding: data.prefix(1 << 20), as: UTF8.self).contains("\"dataSets\"")
    }

    /// Reads the message in `data`; throws `StatisticsFileProblems` listing what cannot be read.
    public func read(_ data: Data, keeping selection: SeriesSelection?) throws -> StatisticsMessage {
        let root = try composeJSON(data)
        var reading = Reading(reader: self, keeping: selection)
        do {
            try reading.read(root)
        } catch let error as StatisticsFileError {
            reading.problems.append(error)
        }
        reading.problems += reading.gathering.duplicates(self).prefix(max(0, Self.errorLimit - reading.problems.count))
        guard reading.problems.isEmpty else { throw StatisticsFileProblems(reading.problems) }
        return StatisticsMessage(format: .sdmxJSON, formatVersion: reading.version, dimensions: reading.gathering.dimensions,
                                 series: reading.gathering.series)
    }
}

extension SDMXJSONReader {
    /// A dimension or attribute of the message's structure: its id and its listed values' ids (or texts).
    struct Component {
        var id: String
        var values: [String?]
        var isTime: Bool
        var position: Node.Position
    }

    /// The dimensions and attributes of one structure, by the level they are given at.
    struct Structure {
        var dataflow: Dataflow?
        var dimensions: [String: [Component]] = [:]
        var attributes: [String: [Component]] = [:]
    }

    /// One pass over a message.
    struct Reading {
        let reader: SDMXJSONReader
        var problems: [StatisticsFileError] = []
        var gathering: SeriesGathering
        var version = "1.0"

        init(reader: SDMXJSONReader, keeping selection: SeriesSelection?) {
            self.reader = reader
            gathering = SeriesGathering(keeping: selection)
        }

        func problem(_ code: StatisticsFileError.Code, _ node: Node, _ message: String, hint: String) -> StatisticsFileError {
            reader.problem(code, Int(node.position.line), Int(node.position.column), message, hint: hint)
        }

        func notSDMX(_ node: Node, _ message: String) -> StatisticsFileError {
            problem(.notStatistics, node, "the JSON is not an SDMX-JSON data message: \(message)",
                    hint: "download the data as SDMX-JSON (a data message), SDMX-CSV or SDMX-ML")
        }

        mutating func read(_ root: Node) throws {
            guard case .mapping = root.content else { throw notSDMX(root, "it is not an object") }
            let data = root["data"] ?? root
            let structures: [Node]
            if let list = data["structures"], case .sequence(let items) = list.content {
                structures = items
                // The schema's address names the version (https://json.sdmx.org/2.1/…).
                version = root["$schema"]?.text.flatMap { schema in
                    schema.split(separator: "/").first { part in part.contains(".") && part.allSatisfy { $0.isNumber || $0 == "." } }.map(String.init)
                } ?? "2.0"
            } else if let single = data["structure"] ?? root["structure"] {
                structures = [single]
            } else {
                throw notSDMX(data, "it has no structure (neither data.structures nor data.structure)")
            }
            let read = try structures.map { try self.structure($0) }
            guard let dataSets = data["dataSets"] ?? root["dataSets"], case .sequence(let sets) = dataSets.content else {
                throw notSDMX(data, "it has no dataSets")
            }
            for set in sets {
                let index = set["structure"].flatMap { $0.text }.flatMap { Int($0) } ?? 0
                guard read.indices.contains(index) else { throw notSDMX(set, "a data set names structure \(index), which the message does not have") }
                try dataSet(set, read[index])
                if problems.count >= SDMXJSONReader.errorLimit { return }
            }
        }

        func structure(_ node: Node) throws -> Structure {
            var structure = Structure()
            if let links = node["links"], case .sequence(let items) = links.content {
                for link in items where link["rel"]?.text == "dataflow" {
                    if let urn = link["urn"]?.text, let equals = urn.lastIndex(of: "=") {
                        structure.dataflow = Dataflow(sdmx: String(urn[urn.index(after: equals)...]))
                    } else if let href = link["href"]?.text, case let parts = href.split(separator: "/"),
                              let at = parts.lastIndex(of: "dataflow"), parts.count - at >= 3 {
                        // SDMX-JSON 1.0 links to the dataflow by its REST address: …/dataflow/AGENCY/ID/VERSION.
                        structure.dataflow = Dataflow(sdmx: "\(parts[at + 1]):\(parts[at + 2])" + (parts.count - at >= 4 ? "(\(parts[at + 3]))" : ""))
                    }
                }
            }
            guard let dimensions = node["dimensions"] else { throw notSDMX(node, "its structure has no dimensions") }
            for level in ["dataSet", "series", "observation"] {
                structure.dimensions[level] = try components(dimensions[level])
                structure.attributes[level] = try components(node["attributes"]?[level])
            }
            let all = structure.dimensions.values.flatMap { $0 }
            guard all.contains(where: \.isTime) else {
                throw notSDMX(dimensions, "its structure has no TIME_PERIOD dimension, so its observations have no periods")
            }
            return structure
        }

        func components(_ node: Node?) throws -> [Component] {
            guard let node else { return [] }
            guard case .sequence(let items) = node.content else { throw notSDMX(node, "a list of components is not a list") }
            return try items.map { item in
                guard let id = item["id"]?.text else { throw notSDMX(item, "a component without an id") }
                var values: [String?] = []
                if let list = item["values"], case .sequence(let entries) = list.content {
                    values = entries.map { $0["id"]?.text ?? $0["value"]?.text ?? $0["name"]?.text }
                }
                // SDMX-JSON 2 lists roles; 1.0 gives one.
                var roles: [String] = item["roles"].flatMap { roles in
                    guard case .sequence(let names) = roles.content else { return nil }
                    return names.compactMap(\.text)
                } ?? []
                if let role = item["role"]?.text { roles.append(role) }
                return Component(id: id, values: values, isTime: id == "TIME_PERIOD" || roles.contains("TIME_PERIOD"), position: item.position)
            }
        }

        /// The codes a key (`0:1:0`) names, one per dimension of `dimensions`.
        func codes(_ key: String, _ dimensions: [Component], at node: Node) throws -> [(Component, String)] {
            let parts = key.isEmpty ? [] : key.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == dimensions.count else {
                throw problem(.notStatistics, node, "the key '\(key)' has \(parts.count) positions where the structure has \(dimensions.count) dimensions",
                              hint: "download the data as SDMX-JSON again")
            }
            return try zip(dimensions, parts).map { dimension, part in
                guard let index = Int(part), dimension.values.indices.contains(index), let code = dimension.values[index] else {
                    throw problem(.notStatistics, node, "the key '\(key)' names value \(part) of \(dimension.id), which lists \(dimension.values.count)",
                                  hint: "download the data as SDMX-JSON again")
                }
                return (dimension, code)
            }
        }

        /// The attributes an array of value indexes gives (`[0, null]`), by attribute.
        func attributes(_ node: Node?, _ components: [Component], skipping skipped: Int = 0) -> [String: String] {
            guard let node, case .sequence(let entries) = node.content else { return [:] }
            var attributes: [String: String] = [:]
            for (component, entry) in zip(components, entries.dropFirst(skipped)) {
                guard !entry.isNull, let text = entry.text else { continue }
                if component.values.isEmpty {
                    attributes[component.id] = text
                } else if let index = Int(text), component.values.indices.contains(index), let value = component.values[index] {
                    attributes[component.id] = value
                }
            }
            return attributes
        }

        mutating func dataSet(_ set: Node, _ structure: Structure) throws {
            if let action = set["action"]?.text, action.lowercased() == "delete" {
                throw problem(.unsupportedAction, set["action"] ?? set, "the data set deletes data (action Delete)",
                              hint: "import a download of the data as they are, not a message of changes")
            }
            // Dimensions given once for the data set hold their one value for every series.
            let fixed = (structure.dimensions["dataSet"] ?? []).compactMap { dimension in dimension.values.first.flatMap { $0 }.map { (dimension, $0) } }
            let dataSetAttributes = attributes(set["attributes"], structure.attributes["dataSet"] ?? [])
            if let series = set["series"], case .mapping(let entries) = series.content {
                for entry in entries {
                    let seriesCodes = try codes(entry.key, structure.dimensions["series"] ?? [], at: entry.value)
                    let seriesAttributes = dataSetAttributes.merging(attributes(entry.value["attributes"], structure.attributes["series"] ?? [])) { _, own in own }
                    guard let observations = entry.value["observations"], case .mapping(let rows) = observations.content else { continue }
                    for row in rows {
                        try observation(row, key: fixed + seriesCodes, structure: structure, seriesAttributes: seriesAttributes)
                        if problems.count >= SDMXJSONReader.errorLimit { return }
                    }
                }
            }
            if let observations = set["observations"], case .mapping(let rows) = observations.content {
                for row in rows {
                    try observation(row, key: fixed, structure: structure, seriesAttributes: dataSetAttributes)
                    if problems.count >= SDMXJSONReader.errorLimit { return }
                }
            }
        }

        mutating func observation(_ row: Node.Entry, key: [(Component, String)], structure: Structure, seriesAttributes: [String: String]) throws {
            let all = key + (try codes(row.key, structure.dimensions["observation"] ?? [], at: row.value))
            guard let time = all.first(where: { $0.0.isTime }) else { return }
            guard case .sequence(let values) = row.value.content, let first = values.first else {
                problems.append(problem(.notStatistics, row.value, "an observation that is not a list of its value and attributes",
                                        hint: "download the data as SDMX-JSON again"))
                return
            }
            let period: StatisticalPeriod
            var value: String?
            do {
                period = try reader.period(time.1, Int(row.value.position.line), Int(row.value.position.column))
                if !first.isNull, let text = first.text, text != "NaN", !text.isEmpty {
                    value = try reader.decimal(text, Int(first.position.line), Int(first.position.column), missing: "null")
                }
            } catch let error as StatisticsFileError {
                return problems.append(error)
            }
            if first.text == nil {
                problems.append(problem(.invalidNumber, first, "the value is \(first.typeName), not a number", hint: "download the data as SDMX-JSON again"))
                return
            }
            let seriesKey = all.filter { !$0.0.isTime }.map { (dimension: $0.0.id, code: $0.1) }
            let index = gathering.series(key: seriesKey, dataflow: structure.dataflow)
            if gathering.series[index].observations.isEmpty { gathering.setAttributes(seriesAttributes, of: index) }
            let own = attributes(row.value, structure.attributes["observation"] ?? [], skipping: 1)
            gathering.add(StatisticalObservation(period: period, value: value, attributes: own,
                                                 line: Int(first.position.line), column: Int(first.position.column)), to: index)
        }
    }
}
