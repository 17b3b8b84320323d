/// Currencies of ISO 4217's list of historic codes (list 3) that figures of the past are reported in,
/// with the years they were in use: the first where it is certain (nil otherwise) and the year the
/// code was withdrawn. An observation in such a currency must fall within those years.
enum HistoricCurrencies {
    struct Years: Hashable, Sendable {
        /// The first year of use, when known.
        var first: Int?
        /// The year the code was withdrawn; amounts of that year may still be in it.
        var last: Int
        /// The currency's English name.
        var name: String
    }

    static let years: [String: Years] = [
        // Replaced by the euro (notes and coins withdrawn in 2002).
        "ATS": Years(last: 2002, name: "Austrian schilling"),
        "BEF": Years(last: 2002, name: "Belgian franc"),
        "DEM": Years(first: 1948, last: 2002, name: "Deutsche Mark"),
        "ESP": Years(last: 2002, name: "Spanish peseta"),
        "FIM": Years(last: 2002, name: "Finnish markka"),
        "FRF": Years(first: 1960, last: 2002, name: "French franc"),
        "GRD": Years(last: 2002, name: "Greek drachma"),
        "IEP": Years(last: 2002, name: "Irish pound"),
        "ITL": Years(last: 2002, name: "Italian lira"),
        "LUF": Years(last: 2002, name: "Luxembourg franc"),
        "NLG": Years(last: 2002, name: "Dutch guilder"),
        "PTE": Years(last: 2002, name: "Portuguese escudo"),
        "SIT": Years(first: 1991, last: 2007, name: "Slovenian tolar"),
        "CYP": Years(last: 2008, name: "Cyprus pound"),
        "MTL": Years(last: 2008, name: "Maltese lira"),
        "SKK": Years(first: 1993, last: 2009, name: "Slovak koruna"),
        "EEK": Years(first: 1992, last: 2011, name: "Estonian kroon"),
        "LVL": Years(first: 1993, last: 2014, name: "Latvian lats"),
        "LTL": Years(first: 1993, last: 2015, name: "Lithuanian litas"),
        "HRK": Years(first: 1994, last: 2023, name: "Croatian kuna"),
        // Replaced by another national currency or redenominated.
        "DDM": Years(last: 1990, name: "Mark of the GDR"),
        "CSK": Years(last: 1993, name: "Czechoslovak koruna"),
        "MXP": Years(last: 1993, name: "Mexican peso (before 1993)"),
        "PLZ": Years(last: 1995, name: "Polish zloty (before 1995)"),
        "RUR": Years(last: 1998, name: "Russian rouble (before 1998)"),
        "TRL": Years(last: 2005, name: "Turkish lira (before 2005)"),
    ]

    /// The problem with a period in `code`, when the code is historic and the period falls outside its years.
    static func problem(_ code: String, period: Period) -> ObservationChecks.Problem? {
        guard let years = years[code] else { return nil }
        let start = period.start.year, end = (period.end ?? period.start).year
        let tooLate = start > years.last
        let tooEarly = years.first.map { end < $0 } ?? false
        guard tooLate || tooEarly else { return nil }
        let span = years.first.map { "from \($0) to \(years.last)" } ?? "until \(years.last)"
        return ObservationChecks.Problem(
            code: .currencyOutOfUse, message: "period \(period) is outside the years \(code) (\(years.name)) was in use, \(span)",
            hint: "state the series in the currency of the time, or check the period")
    }
}
