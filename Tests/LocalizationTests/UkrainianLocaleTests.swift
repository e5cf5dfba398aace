import Foundation
import Localization
import Testing

/// `uk` against CLDR vectors made by `scripts/make-locale-vectors` (Babel's CLDR), in
/// `Fixtures/locale-vectors-uk.json`: ../shared/conformance does not cover Ukrainian.
@Suite struct UkrainianLocaleTests {
    struct Example: Decodable, Sendable {
        let pattern: String
        let example: String
    }

    struct Vectors: Decodable, Sendable {
        let cldr_version: String
        let months: [String: [String]]
        let date_patterns: [String: Example]
        let time_patterns: [String: Example]
        let date_skeletons: [String: Example]
        let long_dates: [String: String]
        let decimal_examples: [String: String]
        let percent_examples: [String: String]
        let currency_examples: [String: String]
        let compact_short_examples: [String: String]
        let plural_rules: [String: [String: String]]
        let cardinal_samples: [String: String]
        let ordinal_samples: [String: String]
    }

    static let vectors: Vectors = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/locale-vectors-uk.json")
        do {
            return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
        } catch {
            preconditionFailure("cannot read \(url.lastPathComponent): \(error)")
        }
    }()

    /// 2026-11-22T14:30:00Z, the instant of the vectors.
    static let instant = Date(timeIntervalSince1970: 1_795_357_800)
    static let formatter = LocaleFormatter(locale: .uk)

    @Test func vectorsAreComplete() {
        #expect(Self.vectors.cardinal_samples.count == 25)
        #expect(Self.vectors.long_dates.count == 4)
        #expect(Self.vectors.date_skeletons.count == 9)
    }

    // MARK: Dates

    /// Format (genitive) month names in a date, stand-alone (nominative) alone.
    @Test func formatAndStandaloneMonthNames() throws {
        let december = try #require(CalendarDate(iso: "2026-12-03"))
        #expect(Self.formatter.date(december, style: .long) == "3 грудня 2026\u{202F}р.")
        #expect(try MessageFormat("{d, date, ::yMMMM}").format(["d": .date(december)], locale: .uk) == "грудень 2026\u{202F}р.")
        #expect(try MessageFormat("{d, date, ::MMMMd}").format(["d": .date(december)], locale: .uk) == "3 грудня")
        #expect(try MessageFormat("{d, date, ::LLLL}").format(["d": .date(december)], locale: .uk) == "грудень")
        #expect(Self.vectors.months["format_wide"]?[11] == "грудня")
        #expect(Self.vectors.months["standalone_wide"]?[11] == "грудень")
    }

    /// Every month, both forms: `d MMMM` prints the format name, `LLLL` the stand-alone one.
    @Test(arguments: 1...12)
    func monthNames(month: Int) throws {
        let day = try #require(CalendarDate(year: 2026, month: month, day: 1))
        let format = try #require(Self.vectors.months["format_wide"])[month - 1]
        let standalone = try #require(Self.vectors.months["standalone_wide"])[month - 1]
        let abbreviated = try #require(Self.vectors.months["format_abbreviated"])[month - 1]
        #expect(try MessageFormat("{d, date, ::MMMMd}").format(["d": .date(day)], locale: .uk) == "1 \(format)")
        #expect(try MessageFormat("{d, date, ::LLLL}").format(["d": .date(day)], locale: .uk) == standalone)
        #expect(try MessageFormat("{d, date, ::MMMd}").format(["d": .date(day)], locale: .uk) == "1 \(abbreviated)")
        #expect(Self.formatter.monthName(month) == format)
    }

    @Test(arguments: vectors.long_dates.sorted { $0.key < $1.key })
    func longDates(_ vector: (key: String, value: String)) throws {
        let day = try #require(CalendarDate(iso: vector.key))
        #expect(Self.formatter.date(day, style: .long) == vector.value)
    }

    @Test(arguments: ["short", "medium", "long", "full"])
    func dateStyles(style: String) throws {
        let expected = try #require(Self.vectors.date_patterns[style]).example
        let date = CalendarDate(utcDayOf: Self.instant)
        #expect(Self.formatter.date(date, style: try #require(DateStyle(rawValue: style))) == expected)
        #expect(try MessageFormat("{d, date, \(style)}").format(["d": .dateTime(Self.instant)], locale: .uk) == expected)
    }

    @Test(arguments: ["short", "medium"])
    func timeStyles(style: String) throws {
        let expected = try #require(Self.vectors.time_patterns[style]).example
        #expect(Self.formatter.time(Self.instant, style: try #require(DateStyle(rawValue: style))) == expected)
    }

    @Test(arguments: vectors.date_skeletons.keys.sorted())
    func skeletons(skeleton: String) throws {
        let expected = try #require(Self.vectors.date_skeletons[skeleton]).example
        #expect(try MessageFormat("{d, date, ::\(skeleton)}").format(["d": .dateTime(Self.instant)], locale: .uk) == expected)
    }

    @Test func numericDateIsTheOfficialForm() throws {
        let day = try #require(CalendarDate(iso: "2026-12-03"))
        #expect(Self.formatter.date(day, style: .numeric) == "03.12.2026")
    }

    // MARK: Numbers and money

    @Test(arguments: vectors.decimal_examples.sorted { $0.key < $1.key })
    func numbers(_ vector: (key: String, value: String)) throws {
        let value = try #require(Decimal(string: vector.key))
        #expect(Self.formatter.number(value) == vector.value)
        #expect(try MessageFormat("{n, number}").format(["n": .number(value)], locale: .uk) == vector.value)
    }

    @Test func percentAndCompact() throws {
        #expect(try MessageFormat("{n, number, percent}").format(["n": .number(Decimal(string: "0.256")!)], locale: .uk)
            == Self.vectors.percent_examples["0.256 with {n, number, percent}"])
        for (input, expected) in Self.vectors.compact_short_examples {
            #expect(Self.formatter.compact(try #require(Decimal(string: input))) == expected, "\(input)")
        }
    }

    @Test(arguments: vectors.currency_examples.sorted { $0.key < $1.key })
    func currency(_ vector: (key: String, value: String)) throws {
        #expect(Self.formatter.money(Decimal(string: "1234.5")!, currency: vector.key) == vector.value)
    }

    @Test func hryvniaAndEuro() {
        #expect(Self.formatter.money(Decimal(string: "12480")!, currency: "UAH") == "12\u{00A0}480,00\u{00A0}₴")
        #expect(Self.formatter.money(Decimal(string: "350.5")!, currency: "EUR") == "350,50\u{00A0}EUR")
    }

    /// Ukrainian has no number words yet: a clear error, not English words.
    @Test func numberWordsAreRefusedNotEnglish() {
        #expect(!NumberSpelling.isAvailable(for: .uk))
        #expect(NumberSpelling.words(21, locale: .uk) == nil)
        #expect(throws: NumberSpellingError.self) { try NumberSpelling.words(amount: 5, currency: "EUR", locale: .uk) }
        #expect(throws: MessageFormatError.self) { try MessageFormat("{n, spellout}").format(["n": .number(21)], locale: .uk) }
    }

    // MARK: Plurals

    @Test func categories() {
        #expect(PluralRules.cardinal(.uk).categories == [.one, .few, .many, .other])
        #expect(PluralRules.ordinal(.uk).categories == [.few, .other])
        #expect(Self.vectors.plural_rules["cardinal"]?.keys.sorted() == ["few", "many", "one"])
    }

    @Test(arguments: vectors.cardinal_samples.sorted { $0.key < $1.key })
    func cardinal(_ sample: (key: String, value: String)) throws {
        let operands = try #require(PluralOperands(decimalString: sample.key))
        #expect(PluralRules.cardinal(.uk).category(for: operands).rawValue == sample.value)
    }

    @Test(arguments: vectors.ordinal_samples.sorted { $0.key < $1.key })
    func ordinal(_ sample: (key: String, value: String)) throws {
        let operands = try #require(PluralOperands(decimalString: sample.key))
        #expect(PluralRules.ordinal(.uk).category(for: operands).rawValue == sample.value)
    }

    @Test(arguments: [(1, "1 дитина"), (2, "2 дитини"), (5, "5 дітей"), (11, "11 дітей"), (21, "21 дитина"), (24, "24 дитини"), (111, "111 дітей")])
    func pluralMessage(count: Int, expected: String) throws {
        let message = try MessageFormat("{n, plural, one {# дитина} few {# дитини} many {# дітей} other {# дитини}}")
        #expect(try message.format(["n": .number(Decimal(count))], locale: .uk) == expected)
    }
}
