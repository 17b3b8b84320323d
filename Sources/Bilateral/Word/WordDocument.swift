/// A brief as a Word document (Office Open XML, `.docx`): the blocks of its Markdown form as styled
/// paragraphs, each source mark a real footnote holding that source's entry, on A4 pages numbered in
/// the footer, with an optional handling mark centred in the header and the footer.
struct WordDocument {
    typealias Block = BriefMarkdown.Block
    typealias Inline = BriefMarkdown.Inline

    let blocks: [Block]
    let styles: WordStyles
    /// `RESTRICTED`, printed on every page; nil for none.
    let marking: String?
    let properties: DocumentProperties

    /// The `.docx` file's bytes, and how many footnotes it has: one per source mark.
    /// - Throws: `BriefError.unlistedSource` for a mark whose source the blocks do not list, naming `template`.
    func bytes(template: String) throws -> (bytes: [UInt8], footnotes: Int) {
        var sources: [Int: [Inline]] = [:]
        for case .numbered(let number, let inlines) in blocks { sources[number] = inlines }
        var body = Part()
        var notes = Part()
        var footnoteCount = 0
        for block in blocks {
            let xml = try paragraph(block, in: &body) { number in
                guard let entry = sources[number] else { throw BriefError.unlistedSource(number, template: template) }
                footnoteCount += 1
                let id = footnoteCount
                let text = try runs(entry, in: &notes) { _ in nil }
                notes.xml += "<w:footnote w:id=\"\(id)\"><w:p><w:pPr><w:pStyle w:val=\"\(style(.footnoteText))\"/></w:pPr>"
                    + "<w:r><w:rPr><w:rStyle w:val=\"\(style(.footnoteReference))\"/></w:rPr><w:footnoteRef/></w:r>"
                    + "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" + text + "</w:p></w:footnote>"
                return id
            }
            body.xml += xml
        }
        var zip = StoredZIP(modified: properties.created)
        zip.add("[Content_Types].xml", Self.contentTypes)
        zip.add("_rels/.rels", Self.packageRelationships)
        zip.add("docProps/core.xml", coreProperties)
        zip.add("docProps/app.xml", Self.xml("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>bilateral</Application></Properties>"))
        zip.add("word/document.xml", Self.xml("<w:document \(Self.namespaces)><w:body>\(body.xml)\(sectionProperties)</w:body></w:document>"))
        zip.add("word/_rels/document.xml.rels", Self.relationships(Self.documentParts + body.links))
        zip.add("word/styles.xml", Array(styles.xml.utf8))
        zip.add("word/settings.xml", Self.settings)
        zip.add("word/numbering.xml", Self.numbering)
        zip.add("word/footnotes.xml", Self.xml("<w:footnotes \(Self.namespaces)>\(Self.separators)\(notes.xml)</w:footnotes>"))
        zip.add("word/_rels/footnotes.xml.rels", Self.relationships(notes.links))
        zip.add("word/header1.xml", Self.xml("<w:hdr \(Self.namespaces)>\(markingParagraph(.header))</w:hdr>"))
        zip.add("word/footer1.xml", Self.xml("<w:ftr \(Self.namespaces)>\(markingParagraph(.footer))"
            + "<w:p><w:pPr><w:pStyle w:val=\"\(style(.footer))\"/><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
            + "<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"))
        return (zip.finished(), footnoteCount)
    }

    // MARK: Paragraphs

    /// The XML a part is being written into, with the hyperlinks it needs as relationships.
    private struct Part {
        var xml = ""
        var links: [(id: String, type: String, target: String, external: Bool)] = []

        mutating func link(_ url: String) -> String {
            if let known = links.first(where: { $0.target == url }) { return known.id }
            let id = "rIdLink\(links.count + 1)"
            links.append((id, "hyperlink", url, true))
            return id
        }
    }

    private func style(_ role: WordStyles.Role) -> String { WordXML.escaped(styles.ids[role] ?? role.rawValue) }

    private func paragraph(_ block: Block, in part: inout Part, note: (Int) throws -> Int?) throws -> String {
        switch block {
        case .heading(let level, let inlines):
            let role: WordStyles.Role = level == 1 ? .title : level == 2 ? .heading1 : .heading2
            return "<w:p><w:pPr><w:pStyle w:val=\"\(style(role))\"/></w:pPr>\(try runs(inlines, in: &part, note: note))</w:p>"
        case .paragraph(let inlines):
            return "<w:p>\(try runs(inlines, in: &part, note: note))</w:p>"
        case .bullet(let level, let inlines):
            return "<w:p><w:pPr><w:pStyle w:val=\"\(style(.listParagraph))\"/><w:numPr><w:ilvl w:val=\"\(min(level, 8))\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
                + "\(try runs(inlines, in: &part, note: note))</w:p>"
        case .numbered(let number, let inlines):
            return "<w:p><w:pPr><w:pStyle w:val=\"\(style(.bibliography))\"/></w:pPr><w:bookmarkStart w:id=\"\(number)\" w:name=\"source_\(number)\"/>"
                + "<w:r><w:t xml:space=\"preserve\">\(number).</w:t></w:r><w:r><w:tab/></w:r><w:bookmarkEnd w:id=\"\(number)\"/>"
                + "\(try runs(inlines, in: &part, note: note))</w:p>"
        case .rule:
            return "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"6\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>"
        }
    }

    /// The runs of `inlines`; each mark becomes the footnote whose id `note` gives (nil inside a
    /// footnote, whose marks stay text).
    private func runs(_ inlines: [Inline], in part: inout Part, note: (Int) throws -> Int?) throws -> String {
        var xml = ""
        var afterMark = false
        for inline in inlines {
            switch inline {
            case .text(let text, let bold, let italic):
                xml += WordXML.runs(text, properties: (bold ? "<w:b/><w:bCs/>" : "") + (italic ? "<w:i/><w:iCs/>" : ""))
            case .link(let url):
                let id = part.link(url)
                xml += "<w:hyperlink r:id=\"\(id)\" w:history=\"1\">\(WordXML.runs(url, properties: "<w:rStyle w:val=\"\(style(.hyperlink))\"/>"))</w:hyperlink>"
            case .mark(let number):
                guard let id = try note(number) else { xml += WordXML.runs("[\(number)]"); continue }
                // Adjacent footnote numbers are kept apart by a superscript comma: ¹,³ not ¹³.
                let reference = "<w:rPr><w:rStyle w:val=\"\(style(.footnoteReference))\"/></w:rPr>"
                if afterMark { xml += "<w:r>\(reference)<w:t>,</w:t></w:r>" }
                xml += "<w:r>\(reference)<w:footnoteReference w:id=\"\(id)\"/></w:r>"
            }
            if case .mark = inline { afterMark = true } else { afterMark = false }
        }
        return xml
    }

    private enum Place { case header, footer }

    private func markingParagraph(_ place: Place) -> String {
        guard let marking else { return place == .header ? "<w:p/>" : "" }
        return "<w:p><w:pPr><w:pStyle w:val=\"\(style(place == .header ? .header : .footer))\"/><w:jc w:val=\"center\"/></w:pPr>"
            + WordXML.runs(marking, properties: "<w:b/><w:bCs/>") + "</w:p>"
    }

    /// A4 portrait, 2.2 cm margins, the header and footer on every page.
    private var sectionProperties: String {
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1247\" w:right=\"1247\" w:bottom=\"1247\" w:left=\"1247\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
    }

    // MARK: Package parts

    private var coreProperties: [UInt8] {
        let created = UTCTime.w3c(properties.created)
        return Self.xml("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(WordXML.escaped(properties.title))</dc:title><dc:subject>\(WordXML.escaped(properties.subject))</dc:subject>"
            + "<dc:creator>\(WordXML.escaped(properties.author))</dc:creator><cp:keywords>\(WordXML.escaped(properties.keywords))</cp:keywords>"
            + "<dc:description>\(WordXML.escaped(properties.comments))</dc:description>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(created)</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(created)</dcterms:modified>"
            + "</cp:coreProperties>")
    }

    static let namespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    static func xml(_ body: String) -> [UInt8] { Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body).utf8) }

    static func relationships(_ items: [(id: String, type: String, target: String, external: Bool)]) -> [UInt8] {
        xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + items.map { item in
            "<Relationship Id=\"\(item.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(item.type)\" "
                + "Target=\"\(WordXML.escaped(item.target))\"\(item.external ? " TargetMode=\"External\"" : "")/>"
        }.joined() + "</Relationships>")
    }

    static let documentParts: [(id: String, type: String, target: String, external: Bool)] = [
        ("rIdStyles", "styles", "styles.xml", false), ("rIdSettings", "settings", "settings.xml", false),
        ("rIdNumbering", "numbering", "numbering.xml", false), ("rIdFootnotes", "footnotes", "footnotes.xml", false),
        ("rIdHeader", "header", "header1.xml", false), ("rIdFooter", "footer", "footer1.xml", false),
    ]

    static let contentTypes: [UInt8] = {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        let overrides = [
            ("/word/document.xml", "\(main).document.main+xml"), ("/word/styles.xml", "\(main).styles+xml"),
            ("/word/settings.xml", "\(main).settings+xml"), ("/word/numbering.xml", "\(main).numbering+xml"),
            ("/word/footnotes.xml", "\(main).footnotes+xml"), ("/word/header1.xml", "\(main).header+xml"),
            ("/word/footer1.xml", "\(main).footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        return xml("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined() + "</Types>")
    }()

    static let packageRelationships = xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>")

    static let settings = xml("<w:settings \(namespaces)><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>")

    /// One bulleted list of nine levels: •, ◦, ▪ in turn, each level indented further.
    static let numbering: [UInt8] = {
        let levels = (0..<9).map { level in
            let bullet = ["•", "◦", "▪"][level % 3]
            return "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\(bullet)\"/><w:lvlJc w:val=\"left\"/>"
                + "<w:pPr><w:ind w:left=\"\(360 * (level + 1))\" w:hanging=\"360\"/></w:pPr></w:lvl>"
        }.joined()
        return xml("<w:numbering \(namespaces)><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\(levels)</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>")
    }()

    static let separators = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
        + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
}
