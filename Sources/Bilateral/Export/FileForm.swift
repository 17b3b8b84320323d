/// How a directory format is written when the destination names a file of it instead of a directory:
/// `--output relations.sqlite` puts the database at that path and each other file of the directory
/// beside it, named after it (`relations.metadata.json`).
public struct FileForm: Sendable, Hashable {
    /// The extensions (without the dot) of a destination that asks for this form ("sqlite", "db").
    public var extensions: [String]
    /// The file of the directory that takes the destination's own path ("dataset.sqlite").
    public var mainFile: String

    /// A form in which `mainFile` takes a destination ending in one of `extensions`.
    public init(extensions: [String], mainFile: String) {
        self.extensions = extensions
        self.mainFile = mainFile
    }

    /// Whether `destination` names a file of this form: its last component ends in one of the extensions.
    public func matches(_ destination: String) -> Bool {
        guard let name = destination.split(separator: "/").last, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(String(name[name.index(after: dot)...]).lowercased())
    }

    /// The destination's name without its extension ("relations" for "out/relations.sqlite").
    public static func stem(of destination: String) -> String {
        let name = destination.split(separator: "/").last.map(String.init) ?? destination
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Where the directory's file `name` goes: the main file at `destination`, any other beside it as
    /// `STEM.name`.
    func path(of name: String, destination: String) -> String {
        guard name != mainFile else { return destination }
        return Staging.parent(of: destination) + "/" + Self.stem(of: destination) + "." + name
    }
}

extension DatasetWriter {
    /// No file form: a directory format always writes a directory.
    public var fileForm: FileForm? { nil }
}
