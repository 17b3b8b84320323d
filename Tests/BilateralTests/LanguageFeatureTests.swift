import Foundation
import Testing
@testable import Bilateral

/// The editing features of the language server as library functions over a workspace: a copy of the
/// portfolio fixture (two datasets that include the same record documents), with buffers changed in memory.
struct LanguageFeatureTests {
    let folder: String
    let workspace: LanguageWorkspace
    var frde: String { folder + "/fr-de.yaml" }
    var people: String { folder + "/shared/people.yaml" }
    var countries: String { folder + "/shared/countries.yaml" }

    init() throws {
        let directory = try Export.temporaryDirectory().appending(path: "portfolio")
        try FileManager.default.copyItem(at: Repository.url("Fixtures/portfolio"), to: directory)
        folder = FilePaths.real(directory.path)!
        workspace = LanguageWorkspace(folders: [folder])
        workspace.jobs = 2
    }

    /// Opens `path` with its text on disk, or `text`.
    func open(_ path: String, _ text: String? = nil) throws {
        let data = try text.map { Data($0.utf8) } ?? Data(contentsOf: URL(fileURLWithPath: path))
        workspace.open(path, text: data, version: 1)
        _ = workspace.check(afterChangeOf: path)
    }

    func replaceAll(_ path: String, _ text: String) -> [String: [Finding]] {
        workspace.change(path, version: 2, changes: [(nil, text)])
        return workspace.check(afterChangeOf: path)
    }

    /// The position of the `occurrence`th `text` in the document, plus `offset` characters.
    func position(of text: String, in path: String, offset: Int = 0, occurrence: Int = 1) -> TextPosition {
        let document = workspace.text(of: path)!
        var from = document.bytes.startIndex, found = 0
        let needle = Array(text.utf8)
        while from + needle.count <= document.bytes.count {
            if Array(document.bytes[from..<from + needle.count]) == needle {
                found += 1
                if found == occurrence { return document.position(ofOffset: from + offset) }
            }
            from += 1
        }
        Issue.record("'\(text)' is not in \(path)")
        return TextPosition(line: 0, character: 0)
    }

    @Test func cursorContextReadsHalfTypedYAML() {
        func context(_ text: String) -> CursorContext {
            let document = TextDocument(Data(text.replacingOccurrences(of: "|", with: "").utf8))
            return CursorContext(document, offset: text.utf8.firstIndex(of: UInt8(ascii: "|")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }!)
        }
        #expect(context("people:\n  - na|").path == ["people", "-"])
        #expect(context("people:\n  - na|").place == .key)
        #expect(context("people:\n  - id: x\n    na|").path == ["people", "-"])
        #expect(context("events:\n  - id: v\n    visitors:\n      - mi|").field == "visitors")
        #expect(context("events:\n  - {id: v, visitors: [a, |").field == "visitors")
        #expect(context("events:\n  - {id: v, kind: |").field == "kind")
        #expect(context("events:\n  - {id: v, |").place == .key)
        #expect(context("events:\n  - id: v\n    sources:\n      - source: |").path == ["events", "-", "sources", "-", "source"])
        #expect(context("dataset:\n  countries: [fr, |").path == ["dataset", "countries", "-"])
        #expect(context("dataset:\n  ti|").path == ["dataset"])
        #expect(context("peo|").path == [])
        // A block list at the key's own indentation.
        #expect(context("events:\n- id: v\n  visitors:\n  - |").field == "visitors")
    }

    @Test func aChangeToASharedDocumentChecksEveryDatasetThatIncludesItWithItsUnsavedText() throws {
        try open(frde)
        try open(people)
        #expect(workspace.findings(in: frde).isEmpty)
        let text = try String(contentsOfFile: people, encoding: .utf8).replacingOccurrences(of: "id: minister-fr,", with: "id: minister-fx,")
        let changed = replaceAll(people, text)
        // Both relationships that name the person now find her missing; nothing was saved.
        let unknown = changed.values.joined().filter { $0.code == .unknownReference }
        #expect(Set(unknown.map { URL(fileURLWithPath: $0.location.file).lastPathComponent }) == ["fr-de.yaml", "people.yaml"])
        #expect(workspace.analyses(reading: people).map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["de-it.yaml", "fr-de.yaml", "fr-it.yaml"])
        // Putting the id back clears every file it had made findings in.
        let cleared = replaceAll(people, try String(contentsOfFile: people, encoding: .utf8))
        #expect(cleared[frde] == [])
    }

    @Test func aChangeToOneDatasetChecksThatDatasetOnly() throws {
        try open(frde)
        let before = workspace.analyses
        let changed = replaceAll(frde, try String(contentsOfFile: frde, encoding: .utf8).replacingOccurrences(of: "kind: visit", with: "kind: vist"))
        #expect(changed.keys.sorted() == [frde])
        #expect(changed[frde]?.map(\.code) == [.invalidValue])
        #expect(changed[frde]?.first?.fix == .replace("visit"))
        for (path, analysis) in workspace.analyses where path != frde {
            #expect(analysis.findingsByFile == before[path]?.findingsByFile)
        }
    }

    @Test func halfTypedYAMLGivesASyntaxFindingAndNoStaleOnes() throws {
        try open(frde)
        let broken = try String(contentsOfFile: frde, encoding: .utf8).replacingOccurrences(of: "visitors: [minister-fr]", with: "visitors: [minister-fr")
        let changed = replaceAll(frde, broken)
        #expect(changed[frde]?.map(\.code) == [.syntaxError])
        #expect(replaceAll(frde, try String(contentsOfFile: frde, encoding: .utf8))[frde] == [])
        // Every prefix of a document is checked without a crash.
        let text = try String(contentsOfFile: frde, encoding: .utf8)
        for end in stride(from: 0, to: text.utf8.count, by: 37) {
            _ = replaceAll(frde, String(decoding: Array(text.utf8)[..<end], as: UTF8.self))
            _ = workspace.completion(at: TextPosition(line: 9, character: 3), in: frde)
            _ = workspace.hover(at: TextPosition(line: 9, character: 3), in: frde)
        }
    }

    @Test func completionOffersFieldsIdsOfTheRightKindChoicesAndCodes() throws {
        try open(frde)
        let fields = workspace.completion(at: position(of: "  - id: fr-de-overview", in: frde, offset: 4), in: frde)!.items
        #expect(fields.map(\.label).contains("topic"))
        #expect(fields.first { $0.label == "topic" }?.documentation?.isEmpty == false)
        let visitors = workspace.completion(at: position(of: "visitors: [", in: frde, offset: 11), in: frde)!.items
        #expect(visitors.map(\.label) == ["minister-fr"])
        let sources = workspace.completion(at: position(of: "sources: [", in: frde, offset: 10), in: frde)!.items
        #expect(sources.map(\.label) == ["portfolio-placeholder"])
        let kinds = workspace.completion(at: position(of: "kind: visit", in: frde, offset: 6), in: frde)!
        #expect(kinds.items.map(\.label).contains("meeting"))
        #expect(kinds.range == TextRange(position(of: "kind: visit", in: frde, offset: 6), position(of: "kind: visit", in: frde, offset: 11)))
        let currencies = workspace.completion(at: position(of: "currency: EUR", in: frde, offset: 10), in: frde)!.items
        #expect(currencies.first { $0.label == "EUR" }?.detail == "Euro")
        #expect(currencies.first { $0.label == "DEM" }?.detail == "Deutsche Mark (until 2002)")
        let countries = workspace.completion(at: position(of: "countries: [fr", in: frde, offset: 12), in: frde)!.items
        #expect(countries.map(\.label) == ["de", "fr", "it"])
        let top = workspace.completion(at: TextPosition(line: 1, character: 0), in: frde)!.items
        #expect(top.map(\.label).contains("observations"))
    }

    @Test func completionOfPartOfOffersObservationsOfTheSameSeries() throws {
        let text = try String(contentsOfFile: frde, encoding: .utf8).replacingOccurrences(of: """
              - {series: fr-de-exports, period: 2022, value: 100}
            """, with: """
              - {id: total-2022, series: fr-de-exports, period: 2022, value: 100}
              - {id: other, series: other-series, period: 2022, value: 1}
            """)
        try open(frde, text)
        // Typing a component after the total: the document does not parse until the brace is closed.
        _ = replaceAll(frde, text + "  - {series: fr-de-exports, period: 2022, value: 1, part_of: ")
        let items = workspace.completion(at: position(of: "part_of: ", in: frde, offset: 9), in: frde)!.items
        #expect(items.map(\.label) == ["total-2022"])
    }

    @Test func anObservationsIdIsRenamedWithItsComponentsPartOfAndNoReplaces() throws {
        let text = try String(contentsOfFile: frde, encoding: .utf8).replacingOccurrences(of: """
              - {series: fr-de-exports, period: 2022, value: 100}
            """, with: """
              - {id: total-2022, series: fr-de-exports, period: 2022, value: 100}
              - {series: fr-de-exports, period: 2022, value: 100, part_of: total-2022}
            """)
        try open(frde, text)
        #expect(workspace.definition(at: position(of: "part_of: total", in: frde, offset: 10), in: frde)?.range.start
                == position(of: "id: total-2022", in: frde, offset: 4))
        let edits = try workspace.rename(at: position(of: "id: total-2022", in: frde, offset: 5), in: frde, to: "exports-2022")
        var document = workspace.text(of: frde)!
        for edit in edits[frde]!.reversed() { document.replace(edit.range, with: edit.newText) }
        let renamed = String(decoding: document.bytes, as: UTF8.self)
        #expect(renamed.contains("{id: exports-2022, series:") && renamed.contains("part_of: exports-2022}") && !renamed.contains("replaces"))
    }

    @Test func hoverShowsTheRecordAFieldsDescriptionAndACurrency() throws {
        try open(frde)
        let person = try #require(workspace.hover(at: position(of: "visitors: [minister-fr", in: frde, offset: 13), in: frde))
        #expect(person.text.contains("France's foreign minister"))
        #expect(person.text.contains("Foreign Minister of France (2020)"))
        let source = try #require(workspace.hover(at: position(of: "portfolio-placeholder", in: frde, offset: 2), in: frde))
        #expect(source.text.contains("A placeholder source for the portfolio tests"))
        #expect(workspace.hover(at: position(of: "currency: EUR", in: frde, offset: 11), in: frde)?.text.contains("Euro") == true)
        #expect(workspace.hover(at: position(of: "    indicator", in: frde, offset: 6), in: frde)?.text.contains("indicator") == true)
    }

    @Test func definitionAndReferencesCrossIncludedDocuments() throws {
        try open(frde)
        let definition = try #require(workspace.definition(at: position(of: "visitors: [minister-fr", in: frde, offset: 12), in: frde))
        #expect(definition.path == people)
        #expect(workspace.text(of: people)!.position(ofOffset: 0).line == 0)
        #expect(definition.range == TextRange(position(of: "minister-fr,", in: people), position(of: "minister-fr,", in: people, offset: 11)))
        let references = workspace.references(at: definition.range.start, in: people, includingDefinition: false)
        // The office that names the person, and the visit and the meeting she attends.
        #expect(Set(references.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["fr-de.yaml", "people.yaml"])
        #expect(references.count == 3)
        #expect(workspace.references(at: definition.range.start, in: people, includingDefinition: true).count == 4)
    }

    @Test func renameChangesTheIdAndEveryReferenceAndRefusesATakenOrInvalidName() throws {
        try open(people)
        let at = position(of: "minister-fr,", in: people, offset: 3)
        let edits = try workspace.rename(at: at, in: people, to: "foreign-minister-fr")
        #expect(Set(edits.keys.map { URL(fileURLWithPath: $0).lastPathComponent }) == ["fr-de.yaml", "people.yaml"])
        // Applied, every dataset still validates, and the person says what she replaces.
        for (path, fileEdits) in edits {
            var document = workspace.text(of: path)!
            for edit in fileEdits.reversed() { document.replace(edit.range, with: edit.newText) }
            workspace.change(path, version: 3, changes: [(nil, String(decoding: document.bytes, as: UTF8.self))])
        }
        _ = workspace.checkEverything()
        #expect(workspace.analyses.values.allSatisfy { $0.findingsByFile.isEmpty })
        #expect(String(decoding: workspace.text(of: people)!.bytes, as: UTF8.self).contains("{id: foreign-minister-fr, replaces: minister-fr,"))
        #expect(throws: EditRefusal.self) { try workspace.rename(at: at, in: people, to: "fr") }
        #expect(throws: EditRefusal.self) { try workspace.rename(at: at, in: people, to: "Not An Id") }
    }

    @Test func renameFindsReferencesInRecordsTheLoaderDropped() throws {
        // The visit's kind has a typo, so the loader drops the visit; its visitor is still renamed.
        try open(frde, try String(contentsOfFile: frde, encoding: .utf8).replacingOccurrences(of: "kind: visit", with: "kind: vist"))
        let edits = try workspace.rename(at: position(of: "participants: [minister-fr", in: frde, offset: 16), in: frde, to: "minister-of-france")
        var document = workspace.text(of: frde)!
        for edit in edits[frde]!.reversed() { document.replace(edit.range, with: edit.newText) }
        let renamed = String(decoding: document.bytes, as: UTF8.self)
        #expect(renamed.contains("visitors: [minister-of-france]") && renamed.contains("participants: [minister-of-france]"))
        // A dataset that includes the person's document but cannot be read as a dataset (its metadata has no title)
        // is not renamed in from what it last held.
        _ = replaceAll(frde, renamed.replacingOccurrences(of: "  title: France–Germany relations\n", with: ""))
        #expect(throws: EditRefusal.self) { try workspace.rename(at: position(of: "minister-fr,", in: people, offset: 2), in: people, to: "someone") }
    }

    @Test func symbolsOutlineTheRecordsByKind() throws {
        try open(frde)
        let symbols = workspace.symbols(in: frde)
        #expect(symbols.map(\.name) == ["format", "include", "dataset", "statements", "events", "series", "observations"])
        #expect(symbols.first { $0.name == "events" }?.children.map(\.name) == ["fr-de-visit", "fr-de-meeting"])
        #expect(symbols.first { $0.name == "observations" }?.children.map(\.name) == ["fr-de-exports 2022", "fr-de-exports 2023"])
    }

    @Test func codeActionsMakeTheFixesHintsName() throws {
        var text = try String(contentsOfFile: frde, encoding: .utf8)
        text = text.replacingOccurrences(of: "visitors: [minister-fr]", with: "visitors: [minister-fx]")
            .replacingOccurrences(of: "    topic: overview\n", with: "    topik: overview\n")
            .replacingOccurrences(of: "version: 0.1.0", with: "version: 0.1.0\n  maintainers: [no]")
        try open(frde, text)
        let findings = workspace.findings(in: frde)
        #expect(Set(findings.map(\.code)) == [.unknownReference, .unknownField, .missingField, .ambiguousScalar])
        var document = workspace.text(of: frde)!
        let whole = TextRange(TextPosition(line: 0, character: 0), TextPosition(line: document.lineCount, character: 0))
        let actions = workspace.codeActions(in: frde, range: whole)
        #expect(Set(actions.map(\.title)) == ["Change to 'minister-fr'", "Change to 'topic'", "Quote 'no'", "Add the required field 'topic'"])
        for action in actions where !action.title.hasPrefix("Add") {
            for edit in action.edits[frde]!.reversed() { document.replace(edit.range, with: edit.newText) }
        }
        let fixed = String(decoding: document.bytes, as: UTF8.self)
        #expect(fixed.contains("visitors: [minister-fr]") && fixed.contains("    topic: overview\n") && fixed.contains("maintainers: [\"no\"]"))
        #expect(replaceAll(frde, fixed)[frde] == [])
    }
}
