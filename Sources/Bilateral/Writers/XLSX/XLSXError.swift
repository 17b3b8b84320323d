internal import CXLSXWriter

/// A failure inside libxlsxwriter, or a value the workbook cannot hold, with what was being written.
struct XLSXError: Error, CustomStringConvertible {
    /// libxlsxwriter's code; nil when the wrapper refused the value before calling the library.
    let code: lxw_error?
    /// The library's own message (`lxw_strerror`) or the wrapper's reason.
    let message: String
    /// Where: the sheet and cell, or the workbook operation.
    var place: String
    /// The record and field the value came from, when known.
    var record: String?

    init(code: lxw_error, place: String) {
        self.code = code
        self.message = String(cString: lxw_strerror(code))
        self.place = place
    }

    init(refusing message: String, place: String) {
        self.code = nil
        self.message = message
        self.place = place
    }

    var description: String {
        let origin = record.map { "\($0), " } ?? ""
        return "cannot write the workbook (\(origin)\(place)): \(message)"
    }

    /// Throws when `code` is not `LXW_NO_ERROR`.
    static func check(_ code: lxw_error, _ place: @autoclosure () -> String) throws {
        guard code == LXW_NO_ERROR else { throw XLSXError(code: code, place: place()) }
    }
}
