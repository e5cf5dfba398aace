import Foundation
import Localization
import TestSupport
import Testing

/// The examples of `../shared/conformance/formats.json`, per locale, through both
/// ``LocaleFormatter`` and ``MessageFormat``.
@Suite struct FormatsConformanceTests {
    struct LocaleFormats: Decodable, Sendable {
        struct Example: Decodable, Sendable {
            let pattern: String
            let example: String
        }
        struct DecimalExample: Decodable, Sendable {
            let number_formatter: String
        }
        let date_patterns: [String: Example]
        let time_patterns: [String: Example]
        let date_skeletons: [String: Example]
        let decimal_examples: [String: DecimalExample]
        let percent_examples: [String: String]
        let currency_examples: [String: String]
        let compact_short_examples: [String: String]
    }

    static let locales: [String: LocaleFormats] = {
        struct File: Decodable { let locales: [String: LocaleFormats] }
        let url = TestSupport.sharedDirectory.appendingPathComponent("conformance/formats.json")
        guard let data = try? Data(contentsOf: url) else { return [:] }
        return (try? JSONDecoder().decode(File.self, from: data).locales) ?? [:]
    }()

    /// Where Formwright's `en` (British English, CLDR en-GB) differs from the file's `en`,
    /// which ICU computed for its root English, American. From ICU's `en_GB` locale
    /// (`scripts/spellout-vectors.py` notes the version); keys as the file names the examples.
    static let britishEnglish: [String: String] = [
        "date short": "22/11/2026", "date medium": "22 Nov 2026", "date long": "22 November 2026",
        "date full": "Sunday, 22 November 2026",
        "time short": "14:30", "time medium": "14:30:00",
        "::yMMMd": "22 Nov 2026", "::dMMMMy": "22 November 2026", "::yMd": "22/11/2026", "::jm": "14:30",
        "USD": "US$1,234.50",
    ]

    /// The example the file gives, or the British one for `en` where they differ.
    static func expected(_ example: String, _ key: String, locale: LocaleID) -> String {
        locale == .en ? britishEnglish[key] ?? example : example
    }

    /// The instant the examples were made with: 2026-11-22T14:30:00Z.
    static let instant = Date(timeIntervalSince1970: 1_795_357_800)

    /// The table above replaces only what en-GB changes: the file still says American English.
    @Test func britishEnglishReplacesOnlyAmericanExamples() throws {
        let en = try #require(Self.locales["en"])
        #expect(en.date_patterns["long"]?.example == "November 22, 2026")
        #expect(en.currency_examples["USD"] == "$1,234.50")
        #expect(LocaleFormatter(locale: .en).date(CalendarDate(iso: "2029-01-19")!, style: .long) == "19 January 2029")
        #expect(LocaleFormatter(locale: .en).date(CalendarDate(iso: "2026-01-20")!, style: .short) == "20/01/2026")
        #expect(LocaleFormatter(locale: .en).date(CalendarDate(iso: "2029-01-19")!, style: .medium) == "19 Jan 2029")
        #expect(LocaleFormatter(locale: .pseudo).date(CalendarDate(iso: "2029-01-19")!, style: .long) == "19 January 2029")
    }

    @Test func exampleInstantIsTheOneInTheFile() {
        #expect(CalendarDate(utcDayOf: Self.instant) == CalendarDate(iso: "2026-11-22"))
        #expect(LocaleFormatter(locale: .en).time(Self.instant, style: .numeric) == "14:30")
    }

    @Test(arguments: LocaleID.supported)
    func numbers(locale: LocaleID) throws {
        let formats = try #require(Self.locales[locale.identifier])
        let formatter = LocaleFormatter(locale: locale)
        for (input, example) in formats.decimal_examples {
            let value = try #require(Decimal(string: input))
            #expect(formatter.number(value) == example.number_formatter, "\(locale) \(input)")
            let message = try MessageFormat("{n, number}").format(["n": .number(value)], locale: locale)
            #expect(message == example.number_formatter, "\(locale) {n, number} \(input)")
        }
        #expect(formats.decimal_examples.count == 5)
    }

    @Test(arguments: LocaleID.supported)
    func percentages(locale: LocaleID) throws {
        let formats = try #require(Self.locales[locale.identifier])
        let style = try #require(formats.percent_examples["0.256 with {n, number, percent}"])
        let skeleton = try #require(formats.percent_examples["25.6 with ::percent"])
        #expect(LocaleFormatter(locale: locale).percent(Decimal(string: "0.256")!) == style)
        #expect(try MessageFormat("{n, number, percent}").format(["n": .number(Decimal(string: "0.256")!)], locale: locale) == style)
        #expect(try MessageFormat("{n, number, ::percent}").format(["n": .number(Decimal(string: "25.6")!)], locale: locale) == skeleton)
    }

    @Test(arguments: LocaleID.supported)
    func currencies(locale: LocaleID) throws {
        let formats = try #require(Self.locales[locale.identifier])
        let amount = Decimal(string: "1234.5")!
        for (code, icu) in formats.currency_examples {
            let example = Self.expected(icu, code, locale: locale)
            #expect(LocaleFormatter(locale: locale).money(amount, currency: code) == example, "\(locale) \(code)")
            let skeleton = try MessageFormat("{a, number, ::currency/\(code)}").format(["a": .number(amount)], locale: locale)
            #expect(skeleton == example, "\(locale) ::currency/\(code)")
            let money = try MessageFormat("{a, number, currency}").format(["a": .money(amount: amount, currency: code)], locale: locale)
            #expect(money == example, "\(locale) money \(code)")
        }
        #expect(formats.currency_examples.count == 5)
    }

    @Test(arguments: LocaleID.supported)
    func compactShort(locale: LocaleID) throws {
        let formats = try #require(Self.locales[locale.identifier])
        for (input, example) in formats.compact_short_examples {
            let value = try #require(Decimal(string: input))
            #expect(LocaleFormatter(locale: locale).compact(value) == example, "\(locale) \(input)")
            #expect(try MessageFormat("{n, number, ::compact-short}").format(["n": .number(value)], locale: locale) == example)
        }
    }

    @Test(arguments: LocaleID.supported)
    func datesAndTimes(locale: LocaleID) throws {
        let formats = try #require(Self.locales[locale.identifier])
        let formatter = LocaleFormatter(locale: locale)
        let day = try #require(CalendarDate(iso: "2026-11-22"))
        for (name, icu) in formats.date_patterns {
            let style = try #require(DateStyle(rawValue: name))
            let example = Self.expected(icu.example, "date \(name)", locale: locale)
            #expect(formatter.date(day, style: style) == example, "\(locale) date \(name)")
            let message = try MessageFormat("{d, date, \(name)}")
            #expect(try message.format(["d": .date(day)], locale: locale) == example)
            #expect(try message.format(["d": .dateTime(Self.instant)], locale: locale) == example)
        }
        for (name, icu) in formats.time_patterns {
            let style = try #require(DateStyle(rawValue: name))
            let example = Self.expected(icu.example, "time \(name)", locale: locale)
            #expect(formatter.time(Self.instant, style: style) == example, "\(locale) time \(name)")
            #expect(try MessageFormat("{t, time, \(name)}").format(["t": .dateTime(Self.instant)], locale: locale) == example)
        }
        for (skeleton, icu) in formats.date_skeletons {
            let example = Self.expected(icu.example, "::\(skeleton)", locale: locale)
            let message = try MessageFormat("{d, date, ::\(skeleton)}")
            #expect(try message.format(["d": .dateTime(Self.instant)], locale: locale) == example, "\(locale) ::\(skeleton)")
        }
        #expect(formats.date_skeletons.count == 5)
    }
}
