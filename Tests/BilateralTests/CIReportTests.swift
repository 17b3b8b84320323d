import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Bilateral

/// `validate --format sarif` and `--format junit`, checked against the structure their specifications
/// publish (SARIF 2.1.0, OASIS; the JUnit XML of Ant and Jenkins): what code hosts and CI systems read.
struct CIReportTests {
    static func report(_ paths: [String]) throws -> ValidationReport {
        let reports = try paths.map(Repository.validate)
        return ValidationReport(files: reports.flatMap(\.files), findings: reports.flatMap(\.findings))
    }

    static let mixed = ["Fixtures/invalid/unknown-reference.yaml", "Fixtures/invalid/unused-source.yaml", "Fixtures/valid/minimal.yaml"]

    @Test func sarifHasTheRequiredPropertiesOfALog() throws {
        let report = try Self.report(Self.mixed)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.sarif.render(report, strict: false).utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "bilateral")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["unknown-reference", "unused-source"])
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for (result, finding) in zip(results, report.findings) {
            #expect(result["ruleId"] as? String == finding.code.rawValue)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == finding.code.rawValue)
            #expect(["error", "warning", "note", "none"].contains(result["level"] as? String))
            #expect((result["message"] as? [String: Any])?["text"] as? String != nil)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == finding.location.file)
            let region = try #require(location["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == finding.location.line && region["startColumn"] as? Int == finding.location.column)
        }
        #expect(results.map { $0["level"] as? String } == ["error", "warning"])
        let strict = ReportFormat.sarif.render(report, strict: true)
        #expect(strict.contains("\"level\": \"error\", \"message\": {\"text\": \"source 'unused'"))
        #expect(SARIFReport.uri("data/obs ervations#1.csv") == "data/obs%20ervations%231.csv")
    }

    @Test func junitIsASuitePerFileAndAFailingCasePerCode() throws {
        let report = try Self.report(Self.mixed)
        let xml = ReportFormat.junit.render(report, strict: false)
        let tree = try XMLTree(xml)
        #expect(tree.root.name == "testsuites")
        #expect(tree.root.attributes["tests"] == "3" && tree.root.attributes["failures"] == "1")
        let suites = tree.root.children
        #expect(suites.map(\.name) == ["testsuite", "testsuite", "testsuite"])
        #expect(suites.map { $0.attributes["name"] } == Self.mixed)
        for suite in suites {
            let cases = suite.children.filter { $0.name == "testcase" }
            #expect(suite.attributes["tests"] == String(cases.count))
            #expect(suite.attributes["failures"] == String(cases.filter { $0.children.contains { $0.name == "failure" } }.count))
        }
        let failure = try #require(suites[0].children.first?.children.first { $0.name == "failure" })
        #expect(failure.attributes["type"] == "unknown-reference")
        #expect(failure.text.contains("unknown-reference.yaml:29:16: error[unknown-reference]"))
        #expect(suites[1].children.first?.children.first?.name == "system-out", "a warning passes unless --strict")
        #expect(suites[2].children.first?.attributes["name"] == "valid")
        let strict = try XMLTree(ReportFormat.junit.render(report, strict: true))
        #expect(strict.root.attributes["failures"] == "2")
        #expect(JUnitReport.text("a\u{1}<b>&") == "a\u{FFFD}&lt;b&gt;&amp;")
    }
}

/// A parsed XML document, for the JUnit checks.
struct XMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }
    }

    let root: Element

    init(_ xml: String) throws {
        let parser = XMLParser(data: Data(xml.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        self.root = root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = Element(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
    }
}
