import Foundation
import PropertyBased
import Testing
@testable import Bilateral

/// The edit engine changes one value, entry or record and leaves every other byte as written; where it
/// cannot, it refuses with a located error.
@Suite struct EditEngineTests {
    private func editor(_ text: String) throws -> YAMLDocumentEditor { try YAMLDocumentEditor(file: "d.yaml", data: Data(text.utf8)) }

    private func result(_ editor: YAMLDocumentEditor) throws -> String { String(decoding: try editor.result(), as: UTF8.self) }

    private let events = """
        # Events.
        events:
          - id: a   # first
            kind: visit
            title: 'Old title'
            start: 2019-04

          - {id: b, kind: meeting, title: B, start: 2020}
        """ + "\n"

    @Test func settingAValueChangesOnlyItsBytesAndKeepsItsQuoting() throws {
        var edit = try editor(events)
        let record = try edit.record(at: SourceLocation(file: "d.yaml", line: 3, column: 5))
        try edit.set("title", of: record, to: .text("It's new: yes"), order: Event.fields.map(\.name))
        try edit.set("start", of: record, to: .bare("2019-05"), order: Event.fields.map(\.name))
        #expect(try result(edit) == events.replacingOccurrences(of: "'Old title'", with: "'It''s new: yes'")
            .replacingOccurrences(of: "start: 2019-04", with: "start: 2019-05"))
    }

    @Test func aNewFieldGoesAfterThoseDeclaredBeforeItInTheRecordsIndentation() throws {
        var edit = try editor(events)
        let record = try edit.record(at: SourceLocation(file: "d.yaml", line: 3, column: 5))
        try edit.set("end", of: record, to: .bare("2019-04-30"), order: Event.fields.map(\.name))
        #expect(try result(edit) == events.replacingOccurrences(of: "    start: 2019-04\n", with: "    start: 2019-04\n    end: 2019-04-30\n"))
        var flow = try editor(events)
        let b = try flow.record(at: SourceLocation(file: "d.yaml", line: 8, column: 5))
        try flow.set("place", of: b, to: .text("Tokyo, Japan"), order: Event.fields.map(\.name))
        #expect(try result(flow) == events.replacingOccurrences(of: "start: 2020}", with: "start: 2020, place: \"Tokyo, Japan\"}"))
    }

    @Test func aColonInAFlowRecordIsQuotedForLibyamlReadsItAsAnIndicatorThere() throws {
        var flow = try editor(events)
        let b = try flow.record(at: SourceLocation(file: "d.yaml", line: 8, column: 5))
        try flow.set("title", of: b, to: .text("Talks:?"), order: Event.fields.map(\.name))
        #expect(try result(flow) == events.replacingOccurrences(of: "title: B,", with: "title: \"Talks:?\","))
        var block = try editor(events)
        let a = try block.record(at: SourceLocation(file: "d.yaml", line: 3, column: 5))
        try block.set("title", of: a, to: .text("Talks:?"), order: Event.fields.map(\.name))
        #expect(try result(block).contains("    title: 'Talks:?'\n"), "a block record keeps its quoting style")
    }

    @Test func clearingAFieldRemovesItsLine() throws {
        var edit = try editor(events)
        let record = try edit.record(at: SourceLocation(file: "d.yaml", line: 3, column: 5))
        try edit.set("start", of: record, to: nil, order: [])
        #expect(try result(edit) == events.replacingOccurrences(of: "    start: 2019-04\n", with: ""))
    }

    @Test func recordsAreAddedAsTheirListWritesThemAndRemovedWithTheirLines() throws {
        var edit = try editor(events)
        try edit.append([.init("id", .text("c")), .init("kind", .text("visit")), .init("title", .text("C")), .init("start", .bare("2021"))],
                        to: "events")
        #expect(try result(edit) == events + "  - {id: c, kind: visit, title: C, start: 2021}\n")
        var removal = try editor(events)
        try removal.remove(try removal.record(at: SourceLocation(file: "d.yaml", line: 3, column: 5)))
        #expect(try result(removal) == "# Events.\nevents:\n  - {id: b, kind: meeting, title: B, start: 2020}\n")
        var created = try editor("format: bilateral/1\n")
        try created.append([.init("id", .text("p")), .init("name", .text("P"))], to: "people")
        #expect(try result(created) == "format: bilateral/1\npeople:\n  - id: p\n    name: P\n")
        // A second record goes into the list the first one created, not into a second list of that name.
        try created.append([.init("id", .text("q")), .init("name", .text("Q"))], to: "people")
        #expect(try result(created) == "format: bilateral/1\npeople:\n  - id: p\n    name: P\n  - id: q\n    name: Q\n")
    }

    @Test func lineEndingsAndAMissingFinalNewlineStay() throws {
        let text = "events:\r\n  - id: a\r\n    title: A\r\n    start: 2019"
        var edit = try editor(text)
        let record = try edit.record(at: SourceLocation(file: "d.yaml", line: 2, column: 5))
        try edit.set("title", of: record, to: .text("B"), order: Event.fields.map(\.name))
        try edit.set("end", of: record, to: .bare("2020"), order: Event.fields.map(\.name))
        #expect(try result(edit) == "events:\r\n  - id: a\r\n    title: B\r\n    start: 2019\r\n    end: 2020\r\n")
    }

    @Test func idsAreReplacedInTheQuotingTheyAreWrittenIn() throws {
        let text = "events:\n  - id: a\n    visitors: ['x', \"x\", x]\n    hosts:\n      - x   # the host\n"
        var edit = try editor(text)
        let at = [(3, 16), (3, 21), (3, 26), (5, 9)].map { SourceLocation(file: "d.yaml", line: $0.0, column: $0.1) }
        try edit.replaceScalars(at: at, with: "y-2")
        #expect(try result(edit) == "events:\n  - id: a\n    visitors: ['y-2', \"y-2\", y-2]\n    hosts:\n      - y-2   # the host\n")
        var list = try editor(text)
        #expect(throws: EditError.self, "a place that holds a list, not an id, is refused") {
            try list.replaceScalars(at: [SourceLocation(file: "d.yaml", line: 3, column: 15)], with: "y")
        }
    }

    @Test func editsItCannotMakeSafelyAreRefusedWhereTheyWouldLand() throws {
        let aliased = "people:\n  - id: a\n    name: &n Ann\n  - id: b\n    name: *n\n"
        let edit = try editor(aliased)
        for (line, what) in [(2, "anchor"), (4, "alias")] {
            let record = try? edit.record(at: SourceLocation(file: "d.yaml", line: line, column: 5))
            #expect(record == nil, "a record holding an \(what) is refused")
        }
        do {
            _ = try edit.record(at: SourceLocation(file: "d.yaml", line: 4, column: 5))
            Issue.record("an alias was edited")
        } catch {
            #expect(error.location == SourceLocation(file: "d.yaml", line: 5, column: 11))
            #expect(error.message.contains("alias"))
        }
        var duplicated = try editor("people:\n  - id: a\n    name: A\n    name: B\n")
        let record = try duplicated.record(at: SourceLocation(file: "d.yaml", line: 2, column: 5))
        #expect(throws: EditError.self) { try duplicated.set("name", of: record, to: .text("C"), order: []) }
        var folded = try editor("people:\n  - id: a\n    name: A plain\n      scalar on two lines\n")
        let person = try folded.record(at: SourceLocation(file: "d.yaml", line: 2, column: 5))
        #expect(throws: EditError.self) { try folded.set("name", of: person, to: .text("C"), order: []) }
    }

    @Test func aFoldedBlockKeepsItsStyleAndIndentation() throws {
        let text = "events:\n  - id: a\n    note: >-\n      Old words.\n    title: T\n"
        var edit = try editor(text)
        let record = try edit.record(at: SourceLocation(file: "d.yaml", line: 2, column: 5))
        try edit.set("note", of: record, to: .text("New words: many."), order: [])
        #expect(try result(edit) == "events:\n  - id: a\n    note: >-\n      New words: many.\n    title: T\n")
    }

    @Test func csvEditsReplaceOneFieldAppendInTheFilesLineEndingAndRemoveARow() throws {
        let text = "period,value,note\r\n2019,1.5,\"a, b\"\r\n2020,2,\r\n"
        var edit = try CSVDocumentEditor(file: "o.csv", data: Data(text.utf8))
        try edit.set("value", ofRowAt: 2, to: "1.75")
        try edit.set("note", ofRowAt: 3, to: "say \"hi\"")
        try edit.append(["period": "2021", "value": "3"])
        #expect(String(decoding: try edit.result(), as: UTF8.self)
            == "period,value,note\r\n2019,1.75,\"a, b\"\r\n2020,2,\"say \"\"hi\"\"\"\r\n2021,3,\r\n")
        var removal = try CSVDocumentEditor(file: "o.csv", data: Data(text.utf8))
        try removal.removeRow(at: 2)
        #expect(String(decoding: try removal.result(), as: UTF8.self) == "period,value,note\r\n2020,2,\r\n")
        #expect(throws: EditError.self) { try removal.set("unit", ofRowAt: 3, to: "x") }
    }

    /// Each fixture that loads: its name, bytes, files and dataset.
    private static func loaded(_ fixtures: [String]) throws -> [(String, Data, DiskFiles, Dataset)] {
        try fixtures.compactMap { fixture in
            let url = Repository.url(fixture)
            let data = try Data(contentsOf: url)
            let files = DiskFiles(directory: url.deletingLastPathComponent().path, displayDirectory: (fixture as NSString).deletingLastPathComponent)
            return DatasetLoader(files: files).load(data, file: fixture).dataset.map { (fixture, data, files, $0) }
        }
    }

    /// The map the loader makes from its own parse (for an import) is the map the edit engine makes
    /// from a parse of its own, on every fixture, valid or not; where the loader could not map the
    /// document, neither could the edit engine, or the document did not load.
    @Test func theLoadersMapIsTheEditEnginesOwn() throws {
        let fixtures = try Repository.files(in: "Fixtures/valid").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
            + Repository.files(in: "Fixtures/invalid").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
            + ["Fixtures/pakistan-japan.yaml", "Fixtures/import/relations.yaml"]
        var mapped = 0
        for fixture in fixtures {
            let url = Repository.url(fixture)
            let data = try Data(contentsOf: url)
            var loader = DatasetLoader(files: DiskFiles(directory: url.deletingLastPathComponent().path))
            loader.mapsDocument = true
            let loaded = loader.load(data, file: fixture)
            let own = try? YAMLDocumentMap(data)
            if let map = loaded.documentMap {
                mapped += 1
                #expect(map == own, "\(fixture)")
            } else {
                #expect(own == nil || loaded.dataset == nil, "\(fixture)")
            }
            #expect(DatasetLoader(files: loader.files).load(data, file: fixture).documentMap == nil)
        }
        #expect(mapped > fixtures.count / 2)
    }

    /// When the edited dataset can be reloaded from the records the edits touched alone, that gives what
    /// loading the whole edited document gives: the records, every place they are written, the findings
    /// and the declared ids. Returns whether it could.
    @discardableResult
    static func expectReloadAgrees(_ fixture: String, _ data: Data, _ files: DiskFiles, _ editor: YAMLDocumentEditor, _ edited: Data) throws -> Bool {
        let current = try #require(DatasetValidation.check(data, file: fixture, files: files, rules: false).validated(strict: false))
        guard let reloaded = EditedReload.load(current: current, editor: editor, edited: edited) else { return false }
        let whole = DatasetLoader(files: files).load(edited, file: fixture)
        let dataset = try #require(whole.dataset)
        #expect(reloaded.dataset == dataset)
        #expect(reloaded.dataset?.identities.map(\.origin.location) == dataset.identities.map(\.origin.location))
        #expect(reloaded.dataset?.identities.map(\.origin.fields) == dataset.identities.map(\.origin.fields))
        #expect(reloaded.dataset?.observations.map(\.origin.fields) == dataset.observations.map(\.origin.fields))
        #expect(reloaded.dataset?.metadata.origin.fields == dataset.metadata.origin.fields)
        #expect(reloaded.findings.sorted() == whole.findings.sorted())
        #expect(reloaded.declaredIDs == whole.declaredIDs)
        return true
    }

    /// For generated texts set into a text field of a record of every valid fixture: the edited document
    /// loads with that record's field equal to the text and every other record as it was, and every byte
    /// before and after the edited span is unchanged.
    @Test func generatedEditsChangeTheirValueAndNothingElse() async throws {
        let fixtures = try Repository.files(in: "Fixtures/valid").filter { $0.hasSuffix(".yaml") }
            + ["Fixtures/pakistan-japan.yaml", "Fixtures/import/relations.yaml"]
        let characters = Array("aZ09 -:#'\",[]{}&*!|>%@`?\\é日本پاکستان\n")
        let texts = Gen<Character?>.element(of: characters).map { $0! }.string(of: 1...24)
        let reloads = Counter()
        for (fixture, data, files, dataset) in try Self.loaded(fixtures) {
            let targets = dataset.events.filter { $0.origin.location.file == fixture }
            guard !targets.isEmpty else { continue }
            await propertyCheck(count: 40, input: texts, Gen<Int>.int(in: 0...(targets.count - 1))) { text, index in
                let event = targets[index]
                var edit = try YAMLDocumentEditor(file: fixture, data: data)
                let record = try edit.record(at: event.origin.location)
                try edit.set("title", of: record, to: .text(text), order: Event.fields.map(\.name))
                let edited = try edit.result()
                let splice = try #require(edit.splices.first)
                #expect(edited.prefix(splice.start) == data.prefix(splice.start))
                #expect(edited.suffix(data.count - splice.end) == data.suffix(data.count - splice.end))
                let reloaded = try #require(DatasetLoader(files: files).load(edited, file: fixture).dataset, "the edited \(fixture) loads")
                if try Self.expectReloadAgrees(fixture, data, files, edit, edited) { reloads.add() }
                #expect(reloaded.events.first { $0.id == event.id }?.title == text)
                var expected = dataset.events
                expected[expected.firstIndex { $0.id == event.id }!].title = text
                #expect(reloaded.events == expected)
                #expect(reloaded.people == dataset.people && reloaded.sources == dataset.sources && reloaded.series == dataset.series)
            }
        }
        #expect(reloads.value > 0, "some edits are read again from their records alone")
    }

    /// Edits of several records at once, some adding lines and some removing a record: reading the
    /// touched records again agrees with loading the whole edited document.
    @Test func severalEditsAreReadAgainAsTheWholeDocumentWouldBe() throws {
        let fixtures = try Repository.files(in: "Fixtures/valid").filter { $0.hasSuffix(".yaml") } + ["Fixtures/pakistan-japan.yaml"]
        var reloads = 0
        for (fixture, data, files, dataset) in try Self.loaded(fixtures) {
            let events = dataset.events.filter { $0.origin.location.file == fixture }
            let people = dataset.people.filter { $0.origin.location.file == fixture }
            guard events.count >= 3 else { continue }
            var edit = try YAMLDocumentEditor(file: fixture, data: data)
            let order = Event.fields.map(\.name)
            try edit.set("title", of: try edit.record(at: events[0].origin.location), to: .text("First\nof two lines"), order: order)
            try edit.set("note", of: try edit.record(at: events[events.count / 2].origin.location), to: .text("A note: added"), order: order)
            try edit.set("title", of: try edit.record(at: events[events.count - 1].origin.location), to: .text("Last"), order: order)
            if let person = people.last { try edit.set("name", of: try edit.record(at: person.origin.location), to: .text("Someone 'else'"), order: Person.fields.map(\.name)) }
            if try Self.expectReloadAgrees(fixture, data, files, edit, try edit.result()) { reloads += 1 }
        }
        #expect(reloads > 0)
    }

    @Test func generatedRenamesReachEveryReferenceAndNothingElse() async throws {
        let fixtures = try Repository.files(in: "Fixtures/valid").filter { $0.hasSuffix(".yaml") } + ["Fixtures/pakistan-japan.yaml"]
        let ids = Gen<Character?>.element(of: Array("abcxyz0189")).map { $0! }.string(of: 1...12).map { "r-" + $0 }
        let reloads = Counter()
        for (fixture, data, files, dataset) in try Self.loaded(fixtures) {
            let kinds = dataset.kindsByID
            // People and sources named only in this document (not in a record document it includes).
            let targets = (dataset.people.map { ($0.id, RecordKind.person, $0.origin) } + dataset.sources.map { ($0.id, RecordKind.source, $0.origin) })
                .filter { $0.2.location.file == fixture && ReferenceSites.locations(of: $0.0, kind: $0.1, in: dataset).allSatisfy { $0.file == fixture } }
            guard !targets.isEmpty else { continue }
            await propertyCheck(count: 20, input: ids.filter { kinds[$0] == nil }, Gen<Int>.int(in: 0...(targets.count - 1))) { newID, index in
                let (old, kind, origin) = targets[index]
                let sites = ReferenceSites.locations(of: old, kind: kind, in: dataset)
                var edit = try YAMLDocumentEditor(file: fixture, data: data)
                let record = try edit.record(at: origin.location)
                let order = kind == .person ? Person.fields.map(\.name) : Source.fields.map(\.name)
                try edit.set("id", of: record, to: .text(newID), order: order)
                try edit.set("replaces", of: record, to: .text(old), order: order)
                try edit.replaceScalars(at: sites, with: newID)
                let edited = try edit.result()
                // Outside the spliced spans every byte is the original's.
                var kept = Data(), at = 0
                for splice in edit.splices.sorted(by: { $0.start < $1.start }) { kept += data[at..<splice.start]; at = splice.end }
                kept += data[at...]
                var left = Data(), from = 0, offset = 0
                for splice in edit.splices.sorted(by: { $0.start < $1.start }) {
                    let start = splice.start + offset
                    left += edited[from..<start]
                    offset += splice.text.utf8.count - (splice.end - splice.start)
                    from = splice.end + offset
                }
                left += edited[from...]
                #expect(left == kept)
                let reloaded = try #require(DatasetLoader(files: files).load(edited, file: fixture).dataset, "the edited \(fixture) loads")
                if try Self.expectReloadAgrees(fixture, data, files, edit, edited) { reloads.add() }
                #expect(ReferenceSites.locations(of: old, kind: kind, in: reloaded).isEmpty)
                #expect(ReferenceSites.locations(of: newID, kind: kind, in: reloaded).count == sites.count)
                #expect(reloaded.kindsByID[newID] == kind && reloaded.kindsByID[old] == nil)
                #expect(reloaded.identities.first { $0.id == newID }?.replaces == old)
                #expect(reloaded.identities.count == dataset.identities.count && reloaded.observations.count == dataset.observations.count)
            }
        }
        #expect(reloads.value > 0, "some edits are read again from their records alone")
    }

    /// Counts, from the checks of a property test.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
