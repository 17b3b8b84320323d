import Foundation
import Testing
@testable import Bilateral

/// The dataset of record holds every fact of the two source texts and of the further-facts notes,
/// with the right values, dates and sources, and every record is cited.
///
/// The lists below are the facts themselves, written out from the sources by hand: a record that
/// drifts from its source, or goes missing, fails here by name.
struct DatasetOfRecordTests {
    static let path = "Fixtures/pakistan-japan.yaml"
    static let dataset: Dataset = {
        let data = try! Data(contentsOf: Repository.url(path))
        return DatasetLoader().load(data, file: path).dataset!
    }()

    static let brief = "mofa-pk-brief", weekly = "mag-weekly-2024-06"

    static func record<R: IdentifiedRecord>(_ records: [R], _ id: String) throws -> R {
        try #require(records.first { $0.id == id }, "no record '\(id)'")
    }

    static func observation(_ id: String) throws -> Observation {
        try #require(dataset.observations.first { $0.id == id }, "no observation '\(id)'")
    }

    static func sources(_ record: some CitingRecord) -> Set<String> { Set(record.citations.map(\.source)) }

    // MARK: Validity and citations

    @Test func validatesWithNoFindingsEvenWarnings() throws {
        let report = try Repository.validate(Self.path)
        #expect(report.findings.map(\.message) == [])
    }

    @Test func everyRecordIsCitedAndEveryCitedSourceExists() {
        let d = Self.dataset
        let sourceIDs = Set(d.sources.map(\.id))
        let seriesSources = Dictionary(uniqueKeysWithValues: d.series.map { ($0.id, Self.sources($0)) })
        var cited = Set<String>()
        for record in d.citingRecords {
            var own = Self.sources(record)
            if own.isEmpty, let observation = record as? Observation { own = seriesSources[observation.series] ?? [] }
            #expect(!own.isEmpty, "\(record.label) cites no source")
            #expect(own.isSubset(of: sourceIDs), "\(record.label) cites \(own.subtracting(sourceIDs).sorted()), which do not exist")
            cited.formUnion(own)
        }
        #expect(sourceIDs.subtracting(cited).sorted() == [], "sources cited by no record")
    }

    /// Records taken from the two archived texts quote them; the validator checks each quote.
    @Test func citationsOfTheArchivedTextsCarryAQuote() throws {
        let archived = Set(Self.dataset.sources.filter { $0.archive != nil }.map(\.id))
        #expect(archived == [Self.brief, Self.weekly])
        for record in Self.dataset.citingRecords {
            for citation in record.citations where archived.contains(citation.source) {
                #expect(citation.quote != nil, "\(record.label) cites \(citation.source) without a quote")
            }
        }
        for id in archived {
            let archive = try #require(Self.dataset.sources.first { $0.id == id }?.archive)
            #expect(FileManager.default.fileExists(atPath: Repository.url("Fixtures/\(archive)").path))
        }
    }

    // MARK: The two texts

    struct EventFact: Sendable, CustomTestStringConvertible {
        var id: String, kind: Event.Kind, dates: String, place: String?
        var people: [String], sources: Set<String>
        var testDescription: String { id }
    }

    @Test(arguments: [
        EventFact(id: "establishment-1952", kind: .establishment, dates: "1952-04-28", place: nil, people: [],
                  sources: [brief, weekly]),
        EventFact(id: "visit-2019-10-alvi-tokyo", kind: .visit, dates: "2019-10-20/2019-10-24", place: "Tokyo",
                  people: ["arif-alvi"], sources: [brief]),
        // One visit, cited to both: the brief says April 2019, Dawn gives the days.
        EventFact(id: "visit-2019-04-qureshi-japan", kind: .visit, dates: "2019-04-22/2019-04-23", place: "Tokyo",
                  people: ["shah-mahmood-qureshi"], sources: [brief, "dawn-qureshi-visit-2019"]),
        EventFact(id: "opening-1952-embassy-of-pakistan-tokyo", kind: .opening, dates: "1952", place: "Tokyo",
                  people: ["mian-ziauddin"], sources: ["emb-pk-brief-history"]),
        EventFact(id: "opening-1954-11-jetro-karachi", kind: .opening, dates: "1954-11", place: "Karachi", people: [],
                  sources: ["jetro-karachi"]),
        EventFact(id: "visit-2002-03-musharraf-japan", kind: .visit, dates: "2002-03-12/2002-03-15", place: nil,
                  people: ["musharraf"], sources: ["mofa-jp-pv0203-summary"]),
        EventFact(id: "meeting-2002-03-14-musharraf-koizumi", kind: .meeting, dates: "2002-03-14", place: nil,
                  people: ["musharraf", "koizumi"], sources: ["mofa-jp-pv0203-summary"]),
        EventFact(id: "visit-2005-04-koizumi-islamabad", kind: .visit, dates: "2005-04-30/2005-05-01", place: "Islamabad",
                  people: ["koizumi"], sources: ["mofa-jp-pmv0504-summary"]),
        EventFact(id: "visit-2011-02-zardari-japan", kind: .visit, dates: "2011-02-21/2011-02-23", place: nil,
                  people: ["zardari"], sources: ["mofa-jp-2011-0222-04"]),
        EventFact(id: "meeting-2012-05-24-khar-noda", kind: .meeting, dates: "2012-05-24", place: "Tokyo",
                  people: ["hina-rabbani-khar", "noda"], sources: ["mofa-jp-meeting-120524"]),
        EventFact(id: "visit-2018-01-kono-islamabad", kind: .visit, dates: "2018-01-03/2018-01-04", place: "Islamabad",
                  people: ["taro-kono"], sources: ["mofa-jp-page3e-000806"]),
        EventFact(id: "hlepd-2021-03-19-round-7", kind: .dialogueRound, dates: "2021-03-19", place: nil, people: [],
                  sources: ["daily-pakistan-2021-03-20"]),
        EventFact(id: "meeting-2022-09-22-kishida-shehbaz-sharif", kind: .meeting, dates: "2022-09-22", place: "New York",
                  people: ["kishida", "shehbaz-sharif"], sources: ["mofa-jp-summit-2022-09-22"]),
        EventFact(id: "visit-2023-07-bilawal-tokyo", kind: .visit, dates: "2023-07-01/2023-07-04", place: "Tokyo",
                  people: ["bilawal-bhutto-zardari"], sources: ["news-pakistan-today-2023-07"]),
        EventFact(id: "meeting-2023-07-03-bilawal-hayashi", kind: .meeting, dates: "2023-07-03", place: "Tokyo",
                  people: ["bilawal-bhutto-zardari", "hayashi"], sources: ["news-pakistan-today-2023-07"]),
    ])
    func event(_ fact: EventFact) throws {
        let event = try Self.record(Self.dataset.events, fact.id)
        #expect(event.kind == fact.kind)
        #expect(Period(start: event.start, end: event.end).description == fact.dates)
        #expect(event.place == fact.place)
        #expect(event.people == fact.people)
        #expect(Self.sources(event) == fact.sources)
    }

    @Test func visitsNameTheirPurposeInvitationAndNotes() throws {
        let alvi = try Self.record(Self.dataset.events, "visit-2019-10-alvi-tokyo")
        #expect(alvi.purpose == "To attend the Enthronement Ceremony of the Emperor of Japan Naruhito")
        #expect(alvi.note?.contains("highly successful and very productive") == true)
        let qureshi = try Self.record(Self.dataset.events, "visit-2019-04-qureshi-japan")
        #expect(qureshi.invitedBy == ["taro-kono"])
        #expect(qureshi.note == "A visit planned for 24–27 February 2019 was postponed.")
        #expect(Self.dataset.events.filter { $0.visitors.contains("shah-mahmood-qureshi") }.count == 1)
        let kono = try Self.record(Self.dataset.events, "visit-2018-01-kono-islamabad")
        #expect(kono.note?.contains("first visit by a Japanese foreign minister in about nine years") == true)
        let hlepd = try Self.record(Self.dataset.events, "hlepd-2021-03-19-round-7")
        #expect(hlepd.mechanism == "hlepd" && hlepd.round == 7 && hlepd.note == "Held virtually.")
        let embassy = try Self.record(Self.dataset.events, "opening-1952-embassy-of-pakistan-tokyo")
        #expect(embassy.note == "Mian Ziauddin was the first Pakistani ambassador to Japan.")
    }

    @Test(arguments: [
        ("arif-alvi", "President of Pakistan"), ("shah-mahmood-qureshi", "Foreign Minister of Pakistan"),
        ("taro-kono", "Foreign Minister of Japan"), ("naruhito", "Emperor of Japan"),
        ("mian-ziauddin", "Ambassador of Pakistan to Japan"), ("musharraf", "President of Pakistan"),
        ("koizumi", "Prime Minister of Japan"), ("zardari", "President of Pakistan"),
        ("hina-rabbani-khar", "Foreign Minister of Pakistan"), ("noda", "Prime Minister of Japan"),
        ("kishida", "Prime Minister of Japan"), ("shehbaz-sharif", "Prime Minister of Pakistan"),
        ("bilawal-bhutto-zardari", "Foreign Minister of Pakistan"), ("hayashi", "Foreign Minister of Japan"),
    ])
    func personHoldsTheirOffice(person: String, title: String) throws {
        _ = try Self.record(Self.dataset.people, person)
        #expect(Self.dataset.offices.contains { $0.person == person && $0.title == title })
    }

    @Test func allSixMechanismsOfTheBrief() {
        let names = Self.dataset.mechanisms.map { [$0.name, $0.abbreviation].compactMap { $0 }.joined(separator: " ") }
        #expect(names == [
            "Bilateral Political Consultations BPC", "High-level Economic Policy Dialogue HLEPD",
            "Joint Government-Business Dialogue JGBD", "Pakistan-Japan Security Dialogue",
            "Disarmament and Non-Proliferation Talks", "Consultations on Counter Terrorism",
        ])
        #expect(Self.dataset.mechanisms.allSatisfy { Self.sources($0) == [Self.brief] })
    }

    @Test func theCompaniesInvestedInPakistan() {
        let companies = Self.dataset.organizations.filter { $0.kind == .company }
        #expect(companies.map(\.name) == ["Marubeni", "Mitsui", "Sojitz", "Morinaga", "Toyota", "Honda", "Suzuki", "Isuzu", "Hino"])
        #expect(companies.allSatisfy { $0.country == "jp" })
        let fromBrief = companies.filter { Self.sources($0).contains(Self.brief) }.map(\.name)
        #expect(fromBrief == ["Marubeni", "Mitsui", "Sojitz", "Morinaga", "Toyota", "Honda", "Suzuki"])
    }

    @Test func jicaAndItsSectors() throws {
        let jica = try Self.record(Self.dataset.organizations, "jica")
        #expect(jica.abbreviation == "JICA" && jica.kind == .agency)
        #expect(jica.sectors == ["transportation", "energy", "water supply"])
        #expect(Self.sources(jica).contains(Self.weekly))
    }

    struct StatementFact: Sendable, CustomTestStringConvertible {
        var id: String, topic: Statement.Topic, says: [String], date: String? = nil, source: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        StatementFact(id: "relations-special-and-friendly", topic: .overview, says: ["very special", "friendly and conflict free"], source: brief),
        StatementFact(id: "relations-shared-history", topic: .overview, says: ["shared sense of history", "common perceptions"], source: brief),
        StatementFact(id: "relations-shared-pragmatism", topic: .overview, says: ["pragmatism", "international and regional"], source: brief),
        StatementFact(id: "relations-rooted-in-history", topic: .overview, says: ["deeply rooted in history", "friendship and cooperation"], source: weekly),
        StatementFact(id: "ties-since-independence", topic: .overview, says: ["independence", "1947"], source: weekly),
        StatementFact(id: "foundation-of-partnership", topic: .overview, says: ["mutual respect, trust and cooperation"], source: weekly),
        StatementFact(id: "relations-example-of-friendship", topic: .overview, says: ["peace, prosperity and development"], source: weekly),
        StatementFact(id: "covid-limited-interaction", topic: .political, says: ["limited", "2020 and 2021", "Covid-19"], source: brief),
        StatementFact(id: "momentum-in-recent-years", topic: .political, says: ["enhanced momentum"], source: brief),
        StatementFact(id: "visits-over-the-years", topic: .political, says: ["visits"], source: brief),
        StatementFact(id: "institutional-mechanisms", topic: .mechanisms, says: ["institutional mechanisms"], source: brief),
        StatementFact(id: "mous-and-agreements", topic: .agreements, says: ["MoUs and agreements", "number of sectors"], source: brief),
        StatementFact(id: "cooperation-at-forums", topic: .multilateralCooperation, says: ["international forums", "wide range of issues"], source: brief),
        StatementFact(id: "support-for-candidacies", topic: .multilateralCooperation, says: ["candidacies"], source: brief),
        StatementFact(id: "economy-bedrock", topic: .economy,
                      says: ["key development partner", "major investor", "significant export destination"], source: brief),
        StatementFact(id: "economic-cooperation-picking-up", topic: .economy, says: ["picking up"], source: brief),
        StatementFact(id: "economic-cooperation-focus", topic: .economy, says: ["trade, investment and development assistance"], source: weekly),
        StatementFact(id: "largest-trading-partner", topic: .trade, says: ["one of Pakistan's largest trading partners"], source: weekly),
        StatementFact(id: "major-source-of-fdi", topic: .investment, says: ["major source of foreign direct investment"], source: weekly),
        StatementFact(id: "trade-composition", topic: .trade, says: ["textiles, machinery, electronics and automobiles"], source: weekly),
        StatementFact(id: "destination-for-japanese-companies", topic: .investment, says: ["major destinations for Japanese companies"], source: brief),
        StatementFact(id: "companies-with-investments", topic: .investment,
                      says: ["Marubeni, Mitsui, Sojitz and Morinaga", "Toyota, Honda and Suzuki", "significant investments"], source: brief),
        StatementFact(id: "development-assistance-donor", topic: .developmentAssistance,
                      says: ["significant donor", "infrastructure, education and healthcare"], source: weekly),
        StatementFact(id: "jica-projects", topic: .developmentAssistance, says: ["JICA", "transportation, energy and water supply"], source: weekly),
        StatementFact(id: "education-science-partner", topic: .education, says: ["education", "scientific and technological"], source: brief),
        StatementFact(id: "scholarships-and-exchange-programmes", topic: .education,
                      says: ["scholarships and exchange programmes", "students, researchers and professionals"], source: weekly),
        StatementFact(id: "cultural-exchanges-role", topic: .culture, says: ["crucial role"], source: weekly),
        StatementFact(id: "cultural-events", topic: .culture, says: ["events, festivals and exhibitions", "both countries"], source: weekly),
        StatementFact(id: "people-to-people-exchanges", topic: .peopleToPeople, says: ["people-to-people contacts"], source: weekly),
        StatementFact(id: "exchanges-suffered-from-covid", topic: .peopleToPeople, says: ["people-to-people contacts", "Covid-19"], source: brief),
        StatementFact(id: "diaspora-around-19000", topic: .diaspora, says: ["around 19,000"], source: brief),
        StatementFact(id: "diaspora-trades", topic: .diaspora, says: ["used automobiles", "carpet trade", "halal food"], source: brief),
        StatementFact(id: "outlook-promising", topic: .outlook, says: ["promising"], source: weekly),
        StatementFact(id: "outlook-economic-cooperation", topic: .outlook, says: ["expanding trade and investment", "business partnerships"], source: weekly),
        StatementFact(id: "outlook-new-sectors", topic: .outlook,
                      says: ["information technology, agriculture, healthcare and renewable energy"], source: weekly),
        StatementFact(id: "outlook-exchanges", topic: .outlook,
                      says: ["more scholarship programmes", "student and faculty exchanges", "cultural events"], source: weekly),
        // Further facts stated in words.
        StatementFact(id: "oda-begins", topic: .developmentAssistance, says: ["1954", "Colombo Plan"], date: "1954", source: "mofa-jp-oda-outline"),
        StatementFact(id: "first-yen-loan", topic: .developmentAssistance, says: ["first yen loan", "1961"], date: "1961", source: "mofa-jp-oda-outline"),
        StatementFact(id: "mext-research-scholarships", topic: .education, says: ["MEXT research", "1954"], date: "1954", source: "nation-2018-03-19"),
        StatementFact(id: "mext-undergraduate-scholarships", topic: .education, says: ["MEXT undergraduate", "1958"], date: "1958", source: "nation-2018-03-19"),
        StatementFact(id: "mango-imports-begin", topic: .trade, says: ["mangoes", "2011"], date: "2011", source: "wada-op-ed-2022"),
        StatementFact(id: "automakers-present", topic: .investment, says: ["Suzuki, Honda, Toyota, Isuzu and Hino"], date: "2019-11-07",
                      source: "propakistani-2019-11-07"),
        StatementFact(id: "mitsui-lng-terminal", topic: .investment, says: ["Mitsui", "49%", "US$310 million", "floating LNG terminal", "Port Qasim"],
                      date: "2019-06-17", source: "propakistani-2019-06-17"),
    ])
    func statement(_ fact: StatementFact) throws {
        let statement = try Self.record(Self.dataset.statements, fact.id)
        #expect(statement.topic == fact.topic)
        for words in fact.says { #expect(statement.text.contains(words), "'\(statement.text)' does not say '\(words)'") }
        #expect(statement.date?.description == fact.date)
        #expect(Self.sources(statement) == [fact.source])
    }

    // MARK: Further facts

    struct AgreementFact: Sendable, CustomTestStringConvertible {
        var id: String, kind: Agreement.Kind, initialled: String? = nil, signed: String?, inForce: String? = nil
        var status: Agreement.Status, source: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        AgreementFact(id: "cultural-agreement-1957", kind: .agreement, signed: "1957-05-27", inForce: "1958-04-21", status: .inForce,
                      source: "emb-jp-cultural-agreement"),
        AgreementFact(id: "air-services-agreement-1962", kind: .agreement, initialled: "1961-10-17", signed: "1962-07-12", status: .signed,
                      source: "dawn-2019-06-28"),
        AgreementFact(id: "tax-convention-1959", kind: .convention, signed: nil, status: .superseded, source: "mof-jp-mli-pak"),
        AgreementFact(id: "tax-convention-2008", kind: .convention, signed: "2008-01-23", inForce: "2008-11-09", status: .inForce,
                      source: "mof-jp-mli-pak"),
        AgreementFact(id: "joint-declaration-2005", kind: .declaration, signed: "2005-04-30", status: .signed, source: "mofa-jp-pmv0504-summary"),
        AgreementFact(id: "joint-statement-2011", kind: .jointStatement, signed: "2011-02-22", status: .signed, source: "mofa-jp-2011-0222-04"),
        AgreementFact(id: "ssw-memorandum-2019", kind: .memorandumOfCooperation, signed: "2019-12-23", status: .signed,
                      source: "japan-times-2019-12-24"),
    ])
    func agreement(_ fact: AgreementFact) throws {
        let agreement = try Self.record(Self.dataset.agreements, fact.id)
        #expect(agreement.kind == fact.kind)
        #expect(agreement.initialled?.description == fact.initialled)
        #expect(agreement.signed?.description == fact.signed)
        #expect(agreement.inForce?.description == fact.inForce)
        #expect(agreement.status == fact.status)
        #expect(Self.sources(agreement) == [fact.source])
    }

    @Test func theTaxConventionOf2008ReplacedThatOf1959() throws {
        #expect(try Self.record(Self.dataset.agreements, "tax-convention-1959").supersededBy == "tax-convention-2008")
        #expect(try Self.record(Self.dataset.agreements, "tax-convention-2008").place == "Islamabad")
        #expect(try Self.record(Self.dataset.agreements, "joint-declaration-2005").title.contains("Japan-Pakistan at a new frontier"))
    }

    struct ObservationFact: Sendable, CustomTestStringConvertible {
        var id: String, series: String, period: String, value: String, approximate = false
        var dimensions: [String: String] = [:], source: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        ObservationFact(id: "pk-exports-jp-2020h2", series: "pk-exports-to-japan-half-year", period: "2020-07/2020-12", value: "89.022",
                        source: "brecorder-exports-2021"),
        ObservationFact(id: "pk-exports-jp-2019h2", series: "pk-exports-to-japan-half-year", period: "2019-07/2019-12", value: "99.646",
                        source: "brecorder-exports-2021"),
        ObservationFact(id: "pk-imports-jp-2020h2", series: "pk-imports-from-japan-half-year", period: "2020-07/2020-12", value: "549.307",
                        source: "brecorder-exports-2021"),
        ObservationFact(id: "pk-imports-jp-2019h2", series: "pk-imports-from-japan-half-year", period: "2019-07/2019-12", value: "596.522",
                        source: "brecorder-exports-2021"),
        ObservationFact(id: "japanese-fdi-fy2018-19", series: "japanese-fdi-in-pakistan", period: "2018-07/2019-06", value: "118.4",
                        source: "roznama-92-fdi"),
        ObservationFact(id: "japanese-fdi-fy2017-18", series: "japanese-fdi-in-pakistan", period: "2017-07/2018-06", value: "63.8",
                        source: "roznama-92-fdi"),
        ObservationFact(id: "japanese-assistance-to-2019-03", series: "japanese-assistance-cumulative", period: "2019-03", value: "12.42",
                        dimensions: ["component": "total"], source: "nation-2020-01-11"),
        ObservationFact(id: "japanese-assistance-to-2019-03-technical", series: "japanese-assistance-cumulative", period: "2019-03",
                        value: "0.556", dimensions: ["component": "technical cooperation"], source: "nation-2020-01-11"),
        ObservationFact(id: "japanese-assistance-to-2019-03-grants", series: "japanese-assistance-cumulative", period: "2019-03",
                        value: "2.648", dimensions: ["component": "grants"], source: "nation-2020-01-11"),
        ObservationFact(id: "japanese-assistance-to-2019-03-loans", series: "japanese-assistance-cumulative", period: "2019-03",
                        value: "9.215", dimensions: ["component": "loans"], source: "nation-2020-01-11"),
        ObservationFact(id: "japan-oda-fy2001-fy2008-loans", series: "japan-oda-to-pakistan-fy2001-fy2008", period: "2001-04/2009-03",
                        value: "105.9", approximate: true, dimensions: ["component": "loans"], source: "mofa-jp-oda-white-paper-2009"),
        ObservationFact(id: "japan-oda-fy2001-fy2008-grants", series: "japan-oda-to-pakistan-fy2001-fy2008", period: "2001-04/2009-03",
                        value: "56.8", approximate: true, dimensions: ["component": "grants"], source: "mofa-jp-oda-white-paper-2009"),
        ObservationFact(id: "japan-oda-fy2001-fy2008-technical", series: "japan-oda-to-pakistan-fy2001-fy2008", period: "2001-04/2009-03",
                        value: "13.1", approximate: true, dimensions: ["component": "technical cooperation"], source: "mofa-jp-oda-white-paper-2009"),
        ObservationFact(id: "japan-flood-emergency-grant-2022", series: "japan-emergency-grant-aid", period: "2022", value: "7",
                        dimensions: ["purpose": "2022 floods", "channel": "international organisations"], source: "mofa-jp-summit-2022-09-22"),
        ObservationFact(id: "faisalabad-water-treatment-grant", series: "japanese-grants-in-rupees", period: "2021-03", value: "6",
                        dimensions: ["purpose": "water treatment plant in Faisalabad", "channel": "JICA"], source: "daily-pakistan-2021-03-20"),
        ObservationFact(id: "japanese-companies-2017-03", series: "japanese-companies-in-pakistan", period: "2017-03", value: "80",
                        approximate: true, source: "app-2017-03"),
        ObservationFact(id: "japanese-companies-2019-11", series: "japanese-companies-in-pakistan", period: "2019-11", value: "80",
                        source: "propakistani-2019-11-07"),
        ObservationFact(id: "pakistani-residents-2011", series: "pakistani-residents-in-japan", period: "2011", value: "10849",
                        source: "wikipedia-pakistanis-in-japan"),
        ObservationFact(id: "pakistani-residents-2018", series: "pakistani-residents-in-japan", period: "2018", value: "16198",
                        source: "wikipedia-pakistanis-in-japan"),
        ObservationFact(id: "pakistani-residents-2023-06", series: "pakistani-residents-in-japan", period: "2023-06", value: "23417",
                        source: "wikipedia-pakistanis-in-japan"),
    ])
    func observation(_ fact: ObservationFact) throws {
        let observation = try Self.observation(fact.id)
        let series = try Self.record(Self.dataset.series, observation.series)
        #expect(observation.series == fact.series)
        #expect(observation.period.description == fact.period)
        #expect(observation.value.description == fact.value)
        #expect(observation.approximate == fact.approximate)
        #expect(observation.dimensions == fact.dimensions)
        let cited = observation.citations.isEmpty ? Self.sources(series) : Self.sources(observation)
        #expect(cited == [fact.source])
    }

    @Test(arguments: [
        // id, indicator, reporter, currency, unit, scale, period kind
        ("pk-exports-to-japan-half-year", "trade", "state-bank-of-pakistan", "USD", nil, "million", "span"),
        ("pk-imports-from-japan-half-year", "trade", "state-bank-of-pakistan", "USD", nil, "million", "span"),
        ("japanese-fdi-in-pakistan", "foreign-direct-investment", "state-bank-of-pakistan", "USD", nil, "million", "fiscal-year-jul-jun"),
        ("japanese-assistance-cumulative", "development-assistance", "jp", "USD", nil, "billion", "date"),
        ("japan-oda-to-pakistan-fy2001-fy2008", "development-assistance", "jp", "JPY", nil, "billion", "span"),
        ("japan-emergency-grant-aid", "development-assistance", "jp", "USD", nil, "million", "date"),
        ("japanese-grants-in-rupees", "development-assistance", nil, "PKR", nil, "billion", "date"),
        ("japanese-companies-in-pakistan", "companies", nil, nil, "companies", "one", "date"),
        ("pakistani-residents-in-japan", "diaspora-population", "jp", nil, "persons", "one", "date"),
    ] as [(String, String, String?, String?, String?, String, String)])
    func seriesKeepsItsReporterUnitAndPeriodKind(id: String, indicator: String, reporter: String?, currency: String?,
                                                 unit: String?, scale: String, periodKind: String) throws {
        let series = try Self.record(Self.dataset.series, id)
        #expect(series.indicator.rawValue == indicator)
        #expect(series.reporter == reporter)
        #expect(series.currency == currency)
        #expect(series.unit == unit)
        #expect(series.scale.rawValue == scale)
        #expect(series.periodKind?.rawValue == periodKind)
    }

    /// The brief's undated "around 19,000" and the dated counts are all kept, each with its source.
    @Test func conflictingDiasporaFiguresAreKeptSideBySide() throws {
        let brief = try Self.record(Self.dataset.statements, "diaspora-around-19000")
        #expect(brief.date == nil && Self.sources(brief) == [Self.brief])
        let counts = Self.dataset.observations.filter { $0.series == "pakistani-residents-in-japan" }
        #expect(counts.map { "\($0.period) \($0.value)" } == ["2011 10849", "2018 16198", "2023-06 23417"])
    }

    @Test(arguments: [
        // id, tier, URL as recorded (nil where further-facts.md records none)
        ("emb-pk-brief-history", "official", "https://pakistanembassytokyo.com/content/brief-history-pakistan-japan-bilateral-relations"),
        ("jetro-karachi", "official", "https://www.jetro.go.jp/pakistan/jetro.html"),
        ("mofa-jp-oda-outline", "official", "https://www.mofa.go.jp/region/asia-paci/india/pmv0504/oda_p.txt"),
        ("emb-jp-cultural-agreement", "official", "https://www.pk.emb-japan.go.jp/Culture/CulturalAgreement.html"),
        ("dawn-2019-06-28", "press", "https://www.dawn.com/news/1490819"),
        ("mof-jp-mli-pak", "official", "https://www.mof.go.jp/english/tax_policy/tax_conventions/mli_pak.html"),
        ("japan-times-2019-12-24", "press", "https://www.japantimes.co.jp/news/2019/12/24/national/japan-pakistan-skilled-laborers/"),
        ("mofa-jp-pmv0504-summary", "official", nil),
        ("mofa-jp-2011-0222-04", "official", nil),
        ("daily-pakistan-2021-03-20", "press", "https://en.dailypakistan.com.pk/20-Mar-2021/japan-extends-rs6-billion-grant-to-pakistan"),
        ("mofa-jp-pv0203-summary", "official", nil),
        ("mofa-jp-meeting-120524", "official", nil),
        ("mofa-jp-page3e-000806", "official", nil),
        ("dawn-qureshi-visit-2019", "press", nil),
        ("mofa-jp-summit-2022-09-22", "official", "https://www.mofa.go.jp/s_sa/sw/pk/shin4e_000046.html"),
        ("news-pakistan-today-2023-07", "press", nil),
        ("nation-2020-01-11", "press", "https://nation.com.pk/11-Jan-2020/tokyo-second-largest-economic-partner-of-islamabad"),
        ("mofa-jp-oda-white-paper-2009", "official", "https://www.mofa.go.jp/policy/oda/white/2009/html/honbun/b1/s2_2_01.html"),
        ("brecorder-exports-2021", "press", "https://www.brecorder.com/news/40060141/pakistans-exports-to-japan-decrease-1066pc-in-1st-half"),
        ("roznama-92-fdi", "press", nil),
        ("app-2017-03", "press", nil),
        ("propakistani-2019-11-07", "press", "https://propakistani.pk/2019/11/07/more-japanese-companies-interested-in-starting-operations-in-pakistan/"),
        ("propakistani-2019-06-17", "press",
         "https://propakistani.pk/2019/06/17/mitsui-groups-heads-meet-with-abdul-razzaq-dawood-on-potential-investment-in-pakistan/"),
        ("wikipedia-pakistanis-in-japan", "reference", "https://en.wikipedia.org/wiki/Pakistanis_in_Japan"),
        ("nation-2018-03-19", "press", "https://nation.com.pk/19-Mar-2018/japan-awards-scholarships-to-pakistani-students"),
        ("wada-op-ed-2022", "press", "https://covert.com.pk/2024/07/14/pak-japan-6"),
    ] as [(String, String, String?)])
    func furtherFactSourceKeepsItsTierAndURL(id: String, tier: String, url: String?) throws {
        let source = try Self.record(Self.dataset.sources, id)
        #expect(source.tier.rawValue == tier)
        #expect(source.url == url)
    }
}
