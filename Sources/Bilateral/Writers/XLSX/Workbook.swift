internal import CXLSXWriter
import Glibc

/// The one owner of a libxlsxwriter workbook. `close` writes the file and releases the workbook
/// exactly once; a workbook dropped without `close` (an export that failed) is freed unwritten, so
/// no file appears. Sheets keep their workbook alive and refuse to write once it is closed.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames = SheetNames()
    let path: String

    /// A workbook to be written to `path` on `close`. In constant-memory mode each sheet's rows go
    /// to a temporary file as they are written, so rows must come in order.
    init(path: String, constantMemory: Bool) throws {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        guard let handle = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw XLSXError(refusing: "libxlsxwriter could not create a workbook", place: path)
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    var isOpen: Bool { handle != nil }

    func live(_ operation: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError(refusing: "the workbook is already closed", place: operation()) }
        return handle
    }

    /// A valid sheet name, not yet taken, made from `text`.
    func availableSheetName(from text: String) -> String { sheetNames.available(from: text) }

    /// Adds a worksheet after the existing sheets.
    func addWorksheet(_ name: String) throws -> Worksheet {
        let handle = try live("adding sheet '\(name)'")
        try sheetNames.claim(name)
        guard let sheet = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            throw XLSXError(refusing: "libxlsxwriter could not add the sheet", place: "sheet '\(name)'")
        }
        return Worksheet(workbook: self, handle: sheet, name: name)
    }

    /// Adds a chart sheet showing `chart` after the existing sheets.
    func addChartsheet(_ name: String, chart: ChartSpec) throws {
        let handle = try live("adding chart sheet '\(name)'")
        try sheetNames.claim(name)
        let place = "chart sheet '\(name)'"
        guard let sheet = name.withCString({ workbook_add_chartsheet(handle, $0) }),
              let made = workbook_add_chart(handle, UInt8(LXW_CHART_COLUMN.rawValue)) else {
            throw XLSXError(refusing: "libxlsxwriter could not add the chart sheet", place: place)
        }
        try chart.build(made, place: place)
        try XLSXError.check(chartsheet_set_chart(sheet, made), place)
        chartsheet_set_paper(sheet, PageSetup.paperA4)
        chartsheet_set_landscape(sheet)
        try XLSXError.check(chartsheet_set_header(sheet, PageSetup.header), place)
        try XLSXError.check(chartsheet_set_footer(sheet, PageSetup.footer), place)
    }

    /// The format for `style`, created on first use.
    func format(_ style: CellStyle) throws -> UnsafeMutablePointer<lxw_format> {
        if let format = formats[style] { return format }
        let handle = try live("adding a format")
        guard let format = workbook_add_format(handle) else {
            throw XLSXError(refusing: "libxlsxwriter could not add a format", place: "workbook")
        }
        if style.bold { format_set_bold(format) }
        if style.wrap {
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let numberFormat = style.numberFormat {
            guard numberFormat.utf8.count <= 255, !numberFormat.utf8.contains(0) else {
                throw XLSXError(refusing: "the number format '\(numberFormat)' is longer than Excel allows", place: "workbook")
            }
            numberFormat.withCString { format_set_num_format(format, $0) }
        }
        formats[style] = format
        return format
    }

    /// Sets the document properties and the creation time that `docProps/core.xml` records.
    func setProperties(_ properties: DocumentProperties) throws {
        let handle = try live("setting document properties")
        for text in [properties.title, properties.subject, properties.author, properties.keywords, properties.comments] {
            if let refusal = SpreadsheetText.refusal(text) { throw XLSXError(refusing: refusal.description, place: "document properties") }
        }
        let copies = [properties.title, properties.subject, properties.author, properties.keywords, properties.comments].map { text in text.withCString { strdup($0) } }
        defer { copies.forEach { free($0) } }
        var values = lxw_doc_properties()
        values.title = copies[0]
        values.subject = copies[1]
        values.author = copies[2]
        values.keywords = copies[3]
        values.comments = copies[4]
        values.created = time_t(properties.created)
        try XLSXError.check(workbook_set_properties(handle, &values), "document properties")
    }

    /// Assembles and writes the file, and releases the workbook whatever the outcome.
    func close() throws {
        let handle = try live("closing '\(path)'")
        self.handle = nil
        formats = [:]
        try XLSXError.check(workbook_close(handle), "writing '\(path)'")
    }
}

