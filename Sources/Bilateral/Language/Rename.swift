import Foundation

/// Why a rename or a fix cannot be made.
struct EditRefusal: Error, Equatable {
    var message: String
}

extension LanguageWorkspace {
    /// The id at `position` that a rename would change, and its range; nil when the word names no record.
    func renameTarget(at position: TextPosition, in path: String) -> NamedRecord? { namedRecord(at: position, in: path) }

    /// The edits that rename the record named at `position` to `newID` across the workspace: its `id`,
    /// a `replaces` naming the old id (unless it has one, from an earlier rename), and every reference to
    /// it in every dataset that reads the document it is written in. Made by the edit engine, so each
    /// changes only the id's bytes, in the quoting it is written in.
    /// - Throws: `EditRefusal` when the word names no record, or `newID` is not an id or is taken.
    func rename(at position: TextPosition, in path: String, to newID: String) throws(EditRefusal) -> [String: [TextEdit]] {
        guard let record = namedRecord(at: position, in: path) else { throw EditRefusal(message: "there is no record id here to rename") }
        guard newID != record.id else { return [:] }
        guard newID.range(of: Column.idPattern, options: .regularExpression) != nil else {
            throw EditRefusal(message: "'\(newID)' is not an id: use lower-case letters and digits in words joined by single hyphens")
        }
        let file = FilePaths.normalised(record.origin.location.file)
        let readers = analyses(reading: file)
        if let unreadable = readers.first(where: { $0.dataset == nil }) {
            throw EditRefusal(message: "\(unreadable.path) cannot be read as a dataset as it is now; fix its errors, then rename")
        }
        if let holder = readers.first(where: { $0.declaredIDs[newID] != nil }) {
            throw EditRefusal(message: "'\(newID)' is taken: \(holder.declaredIDs[newID]!.withArticle) in \(holder.path) has that id")
        }
        var sitesByFile = Dictionary(grouping: referenceSites(of: record)) { FilePaths.normalised($0.file) }
        if sitesByFile[file] == nil { sitesByFile[file] = [] }
        var edits: [String: [TextEdit]] = [:]
        for (target, sites) in sitesByFile.sorted(by: { $0.key < $1.key }) {
            guard let document = text(of: target) else { throw EditRefusal(message: "\(target) cannot be read") }
            do {
                var editor = try YAMLDocumentEditor(file: sites.first?.file ?? record.origin.location.file, data: document.data)
                if target == file {
                    let node = try editor.record(at: record.origin.location)
                    let order = FieldCatalog.columns(of: record.kind).map(\.name)
                    try editor.set("id", of: node, to: .text(newID), order: order)
                    // Observations have no `replaces`: their ids are only for `part_of`.
                    if order.contains("replaces"), node.entry("replaces") == nil {
                        try editor.set("replaces", of: node, to: .text(record.id), order: order)
                    }
                }
                try editor.replaceScalars(at: sites, with: newID)
                edits[target] = try editor.orderedSplices().map { TextEdit(document.range($0.start, $0.end), $0.text) }
            } catch {
                throw EditRefusal(message: "\(error.location): \(error.message)")
            }
        }
        return edits
    }
}
