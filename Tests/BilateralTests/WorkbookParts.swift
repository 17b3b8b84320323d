import Foundation
import ZIPFoundation

/// The parts of an XLSX file, unzipped, as text to compare with golden files, the way libxlsxwriter's
/// own tests compare workbooks.
///
/// Normalisation, kept short on purpose:
/// - every element starts a new line, so that a difference is a line of a diff (the library writes
///   each part as one line);
/// - the creation and modification times of `docProps/core.xml` read `TIME`: they follow
///   `SOURCE_DATE_EPOCH`, which a test run may set, and a test of its own checks them;
/// - `xl/theme/theme1.xml` is left out: it is a constant of the library, not of our data.
enum WorkbookParts {
    static func read(_ url: URL) throws -> [(name: String, data: Data)] {
        let archive = try Archive(url: url, accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        return parts
    }

    /// The normalised text of each part but the theme, in the archive's order.
    static func normalised(_ url: URL) throws -> [(name: String, text: String)] {
        try read(url).filter { $0.name != "xl/theme/theme1.xml" }.map { part in
            var text = String(decoding: part.data, as: UTF8.self).replacingOccurrences(of: "><", with: ">\n<")
            if part.name == "docProps/core.xml" {
                text = text.replacingOccurrences(of: #"(<dcterms:(created|modified)[^>]*>)[^<]*"#, with: "$1TIME", options: .regularExpression)
            }
            return (part.name, text.hasSuffix("\n") ? text : text + "\n")
        }
    }

    /// The text of one part, as written.
    static func text(_ name: String, in url: URL) throws -> String {
        guard let part = try read(url).first(where: { $0.name == name }) else { return "" }
        return String(decoding: part.data, as: UTF8.self)
    }
}
