import Foundation
import Testing

/// Each model property a field declares is documented with the field's own description, so the Swift
/// documentation says what the schema, the data package and the SQLite metadata say.
struct FieldDocumentationTests {
    @Test func everyFieldPropertyCarriesItsFieldsDescription() throws {
        let field = try Regex(#"\.\w+\(\s*"[^"]*",\s*\\\.(\w+),(?:[^"\n]*?,)?\s*"((?:[^"\\]|\\.)*)"\)"#)
        let folder = Repository.url("Sources/Bilateral/Model")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for match in text.matches(of: field) {
                let property = String(match.output[1].substring!)
                let description = String(match.output[2].substring!).replacingOccurrences(of: "\\\"", with: "\"")
                guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("public var \(property):") }) else { continue }
                var comment: [String] = []
                var line = index - 1
                while line >= 0, lines[line].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                    comment.insert(String(lines[line].trimmingCharacters(in: .whitespaces).dropFirst(4)), at: 0)
                    line -= 1
                }
                #expect(comment.joined(separator: " ") == description, "\(name): \(property); run python3 scripts/document-fields.py")
                checked += 1
            }
        }
        #expect(checked > 80)
    }
}
