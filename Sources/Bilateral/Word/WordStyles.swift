import Foundation
import ZIPFoundation

/// The styles a Word brief is set in: the built-in ones (`Reports/word-styles.xml`) or those of a
/// reference document (`--reference-docx`), found by their names, as Word names them in any language.
public struct WordStyles: Sendable {
    /// The styles part, `word/styles.xml`.
    let xml: String
    /// The style id of each style the brief uses.
    let ids: [Role: String]
    /// Where the styles came from: a path, or `built-in`.
    public let origin: String

    /// The styles the brief uses, by the name Word gives them.
    enum Role: String, CaseIterable, Sendable {
        case title = "Title", heading1 = "heading 1", heading2 = "heading 2", listParagraph = "List Paragraph"
        case bibliography = "Bibliography", footnoteText = "footnote text", footnoteReference = "footnote reference"
        case hyperlink = "Hyperlink", header = "header", footer = "footer"
    }

    /// A reference document must have these; the others are added from the built-in styles when missing.
    static let required: [Role] = [.title, .heading1, .footnoteText, .footnoteReference]

    /// The largest styles part read from a reference document.
    static let maximumSize = 8 << 20

    /// The built-in styles.
    public static let builtIn: WordStyles = {
        let xml = EmbeddedResources.files["Reports/word-styles.xml"] ?? ""
        let styles = Self.styles(in: xml)
        var ids: [Role: String] = [:]
        for role in Role.allCases { ids[role] = styles.first { $0.name.caseInsensitiveCompare(role.rawValue) == .orderedSame }?.id }
        return WordStyles(xml: xml, ids: ids, origin: "built-in")
    }()

    /// The styles of the Word document at `path`.
    public static func reference(_ path: String) throws -> WordStyles {
        func refuse(_ reason: String) -> BriefError { .badReferenceDocument(path, reason) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw refuse(FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file")
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw refuse("it is not a Word document (.docx): not a ZIP archive")
        }
        guard archive["word/document.xml"] != nil, let entry = archive["word/styles.xml"] else {
            throw refuse("it is not a Word document (.docx): it has no word/document.xml or word/styles.xml")
        }
        guard entry.uncompressedSize <= maximumSize else { throw refuse("its styles part is larger than \(maximumSize >> 20) MiB") }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > maximumSize { throw ArchiveError.unreadable }
            }
        } catch {
            throw refuse("its styles part cannot be read")
        }
        guard var xml = String(data: data, encoding: .utf8), let end = xml.range(of: "</w:styles>", options: .backwards) else {
            throw refuse("its styles part is not a WordprocessingML styles document")
        }
        let styles = Self.styles(in: xml)
        func id(_ role: Role) -> String? { styles.first { $0.name.caseInsensitiveCompare(role.rawValue) == .orderedSame }?.id }
        let missing = required.filter { id($0) == nil }
        guard missing.isEmpty else {
            throw refuse("it lacks the styles a brief needs: \(missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")) (define them in Word, or start from a brief written without --reference-docx)")
        }
        var ids: [Role: String] = [:]
        var added = ""
        let taken = Set(styles.map(\.id))
        for role in Role.allCases {
            if let own = id(role) { ids[role] = own; continue }
            // Missing optional styles come from the built-in ones, under an id the document does not use.
            guard let builtInID = builtIn.ids[role], let element = Self.styles(in: builtIn.xml).first(where: { $0.id == builtInID })?.element else { continue }
            let newID = taken.contains(builtInID) ? "Bilateral" + builtInID : builtInID
            added += element.replacingOccurrences(of: "w:styleId=\"\(builtInID)\"", with: "w:styleId=\"\(newID)\"") + "\n"
            ids[role] = newID
        }
        xml.insert(contentsOf: added, at: end.lowerBound)
        return WordStyles(xml: xml, ids: ids, origin: path)
    }

    /// Each `<w:style>` element of a styles part: its id, its name and its text.
    private static func styles(in xml: String) -> [(id: String, name: String, element: String)] {
        var found: [(String, String, String)] = []
        var rest = xml[...]
        while let start = rest.range(of: "<w:style ") {
            guard let end = rest[start.upperBound...].range(of: "</w:style>") else { break }
            let element = rest[start.lowerBound..<end.upperBound]
            if let id = attribute("w:styleId", in: element), let nameTag = element.range(of: "<w:name "),
               let name = attribute("w:val", in: element[nameTag.lowerBound...]) {
                found.append((id, name, String(element)))
            }
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The value of the first attribute `name` in `text`.
    private static func attribute(_ name: String, in text: Substring) -> String? {
        guard let start = text.range(of: name + "=\"") else { return nil }
        guard let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(text[start.upperBound..<end])
    }

    /// Stops reading an oversized part.
    private enum ArchiveError: Error { case unreadable }
}
