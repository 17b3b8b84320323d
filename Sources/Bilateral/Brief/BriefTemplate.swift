import Foundation
import Mustache

/// A Mustache template of a brief, with the templates beside it as its partials (`{{> _figures}}`).
///
/// `--template NAME` takes `Reports/NAME.mustache` in the current directory when there is one, so a
/// team can reword its briefs without rebuilding, and otherwise the template of that name built into
/// the tool from the repository's `Reports/`; anything with a `/` or ending in `.mustache` is a path.
/// Templates render as plain text (no HTML escaping); `{{% CONTENT_TYPE: MARKDOWN }}` escapes for
/// Markdown instead. Names starting with `_` are partials, not offered as templates.
public struct BriefTemplate: Sendable {
    /// The template's name: its file name without `.mustache`.
    public let name: String
    /// Where the template was read from: a path, or `built-in`.
    public let origin: String
    /// How messages name the template: its path, or its name when built in.
    public var file: String { origin == "built-in" ? name : origin }
    private let library: MustacheLibrary

    /// The plain-text brief.
    public static let defaultName = "brief"
    static let directory = "Reports"

    /// The names of the built-in templates.
    public static var builtInNames: [String] {
        builtInFiles.keys.filter { !$0.hasPrefix("_") }.sorted()
    }

    /// The template a `--template` argument names.
    public static func named(_ argument: String) throws -> BriefTemplate {
        if argument.contains("/") || argument.hasSuffix(".mustache") { return try file(argument) }
        let local = "\(directory)/\(argument).mustache"
        if FileManager.default.fileExists(atPath: local) { return try file(local) }
        guard builtInFiles[argument] != nil else {
            throw BriefError.unknownTemplate(argument, available: builtInNames)
        }
        return try BriefTemplate(name: argument, origin: "built-in", texts: builtInFiles) { "\(directory)/\($0).mustache" }
    }

    /// The template at `path`, with the `.mustache` files of its directory as partials.
    public static func file(_ path: String) throws -> BriefTemplate {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent()
        var texts: [String: String] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for entry in entries where entry.hasSuffix(".mustache") || entry == url.lastPathComponent {
            let file = folder.appendingPathComponent(entry).path
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            guard let text = String(data: data, encoding: .utf8) else { throw BriefError.unreadableTemplate(file, "not UTF-8") }
            texts[(entry as NSString).deletingPathExtension] = text
        }
        guard texts[name] != nil else {
            throw BriefError.unreadableTemplate(path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return try BriefTemplate(name: name, origin: path, texts: texts) { folder.appendingPathComponent("\($0).mustache").relativePath }
    }

    private init(name: String, origin: String, texts: [String: String], path: (String) -> String) throws {
        _ = Self.registerContentTypes
        var library = MustacheLibrary()
        // The template and the partials it uses; other templates beside it are not parsed.
        for partial in Self.used(from: name, in: texts) {
            let text = texts[partial]!
            do {
                // Plain text unless the template says otherwise: no HTML escaping, in partials too.
                try library.register(Self.textPragma + text, named: partial)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own, so the template's lines are one further down.
                throw BriefError.templateSyntax(path(partial), line: max(1, error.context.lineNumber - 1),
                                                column: max(1, error.context.columnNumber), message: "\(error.error)")
            }
        }
        self.name = name
        self.origin = origin
        self.library = library
    }

    /// `name` and the partials it names (`{{> _figures}}`), and those they name, that are in `texts`;
    /// parsing only these keeps the cost of a brief down as templates are added beside it.
    private static func used(from name: String, in texts: [String: String]) -> [String] {
        var found: [String] = []
        var pending = [name]
        while let next = pending.popLast() {
            guard !found.contains(next), let text = texts[next] else { continue }
            found.append(next)
            var rest = text[...]
            while let open = rest.range(of: "{{>") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let partial = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if partial.hasPrefix("_") { pending.append(partial) }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    /// The text the template renders for `content`, before layout.
    func render(_ content: BriefContent) -> String {
        library.render(TemplateTree.of(content), withTemplate: name) ?? ""
    }

    private static let textPragma = "{{% CONTENT_TYPE: TEXT }}\n"

    private static let registerContentTypes: Void = MustacheContentTypes.register(MarkdownText(), named: "MARKDOWN")

    /// The built-in templates by name, gathered once.
    private static let builtInFiles: [String: String] = {
        var files: [String: String] = [:]
        for (path, text) in EmbeddedResources.files where path.hasPrefix(directory + "/") && path.hasSuffix(".mustache") {
            files[String(path.dropFirst(directory.count + 1).dropLast(".mustache".count))] = text
        }
        return files
    }()
}

/// Text escaped for Markdown: every character Markdown could read as markup gets a backslash.
struct MarkdownText: MustacheContentType {
    func escapeText(_ text: String) -> String {
        // Every such character is ASCII, so bytes will do; most text has none.
        guard text.utf8.contains(where: { Self.markup[Int($0)] }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if Self.markup[Int(byte)] { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Which bytes Markdown could read as markup.
    private static let markup: [Bool] = (0..<256).map { "\\`*_[]<>#|~&!$".utf8.contains(UInt8($0)) }
}
