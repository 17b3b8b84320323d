extension Rules {
    /// `unknown-country-code` and `unknown-currency-code`: codes are ISO 3166-1 and ISO 4217 codes.
    static func codes(_ context: RuleContext, _ log: inout FindingLog) {
        for country in context.dataset.countries {
            let expectedAlpha3 = ISOCodes.alpha3ByAlpha2[country.alpha2]
            if expectedAlpha3 == nil {
                log.add(.unknownCountryCode, at: country.origin["alpha2"], "'\(country.alpha2)' is not an ISO 3166-1 alpha-2 code",
                        hint: ISOCodes.alpha3ByAlpha2[country.alpha2.uppercased()] != nil
                            ? "did you mean '\(country.alpha2.uppercased())'?" : "use the two upper-case letters of ISO 3166-1, such as PK or JP")
            }
            if !ISOCodes.alpha3ByAlpha2.values.contains(country.alpha3) {
                log.add(.unknownCountryCode, at: country.origin["alpha3"], "'\(country.alpha3)' is not an ISO 3166-1 alpha-3 code",
                        hint: expectedAlpha3.map { "the alpha-3 code of \(country.alpha2) is \($0)" } ?? "use three upper-case letters, such as PAK or JPN")
            } else if let expectedAlpha3, expectedAlpha3 != country.alpha3 {
                log.add(.unknownCountryCode, at: country.origin["alpha3"],
                        "'\(country.alpha3)' is not the alpha-3 code of '\(country.alpha2)'",
                        hint: "the alpha-3 code of \(country.alpha2) is \(expectedAlpha3)")
            }
        }
        for series in context.dataset.series {
            guard let currency = series.currency else { continue }
            if ISOCodes.minorUnits[currency] == nil && HistoricCurrencies.years[currency] == nil {
                let upper = currency.uppercased()
                log.add(.unknownCurrencyCode, at: series.origin["currency"], "'\(currency)' is not an ISO 4217 currency code, current or historic",
                        hint: ISOCodes.minorUnits[upper] != nil ? "did you mean '\(upper)'?" : "use three upper-case letters, such as USD, JPY or PKR")
            }
        }
    }
}
