import Foundation
import Localization
import Testing

@Suite struct LocaleFormatterTests {
    static let day = CalendarDate(iso: "2026-03-05")!

    @Test(arguments: [
        ("bg", "05.03.2026\u{202F}г."), ("ro", "05.03.2026"), ("ro-MD", "05.03.2026"), ("it", "05/03/2026"), ("en", "05/03/2026"),
    ])
    func numericDates(locale: String, expected: String) throws {
        let formatter = LocaleFormatter(locale: try #require(LocaleID(locale)))
        #expect(formatter.date(Self.day, style: .numeric) == expected)
    }

    @Test(arguments: [
        ("bg", "5.03.26\u{202F}г.", "5 март 2026\u{202F}г.", "четвъртък, 5 март 2026\u{202F}г."),
        ("ro", "05.03.2026", "5 martie 2026", "joi, 5 martie 2026"),
        ("ro-MD", "05.03.2026", "5 martie 2026", "joi, 5 martie 2026"),
        ("it", "05/03/26", "5 marzo 2026", "giovedì 5 marzo 2026"),
        ("en", "05/03/2026", "5 March 2026", "Thursday, 5 March 2026"),
    ])
    func namedDateStyles(locale: String, short: String, long: String, full: String) throws {
        let formatter = LocaleFormatter(locale: try #require(LocaleID(locale)))
        #expect(formatter.date(Self.day, style: .short) == short)
        #expect(formatter.date(Self.day, style: .long) == long)
        #expect(formatter.date(Self.day, style: .full) == full)
    }

    @Test func times() throws {
        let morning = Date(timeIntervalSince1970: Double(CalendarDate(iso: "2026-03-05")!.startOfDayUTC.timeIntervalSince1970) + 9 * 3600 + 5 * 60)
        #expect(LocaleFormatter(locale: .en).time(morning, style: .short) == "09:05")
        #expect(LocaleFormatter(locale: .bg).time(morning, style: .short) == "9:05")
        #expect(LocaleFormatter(locale: .it).time(morning, style: .short) == "09:05")
        #expect(LocaleFormatter(locale: .en).time(morning, style: .numeric) == "09:05")
        #expect(LocaleFormatter(locale: .ro).dateTime(morning, style: .numeric) == "05.03.2026, 09:05")
    }

    @Test(arguments: [
        ("bg", "1234,5", "12\u{00A0}345", "1\u{00A0}234\u{00A0}567,891"),
        ("ro", "1.234,5", "12.345", "1.234.567,891"),
        ("it", "1234,5", "12.345", "1.234.567,891"),
        ("en", "1,234.5", "12,345", "1,234,567.891"),
    ])
    func minimumGroupingDigits(locale: String, four: String, five: String, seven: String) throws {
        let formatter = LocaleFormatter(locale: try #require(LocaleID(locale)))
        #expect(formatter.number(Decimal(string: "1234.5")!) == four)
        #expect(formatter.number(12345) == five)
        #expect(formatter.number(Decimal(string: "1234567.891")!) == seven)
    }

    @Test func roundingIsHalfEvenOnExactDecimals() {
        let en = LocaleFormatter(locale: .en)
        #expect(en.integer(Decimal(string: "1234.5")!) == "1,234")
        #expect(en.integer(Decimal(string: "1235.5")!) == "1,236")
        #expect(en.number(Decimal(string: "3.14159")!) == "3.142")
        #expect(en.number(Decimal(string: "0.0005")!) == "0")
        #expect(en.number(Decimal(string: "0.0015")!) == "0.002")
        #expect(en.percent(Decimal(string: "0.125")!) == "12%")
        #expect(en.percent(Decimal(string: "0.875")!) == "88%")
        #expect(en.money(Decimal(string: "0.125")!, currency: "EUR") == "€0.12")
        #expect(en.money(Decimal(string: "1234.5")!, currency: "JPY") == "JP¥1,234")
    }

    @Test func negativeValuesAndNegativeZero() {
        let ro = LocaleFormatter(locale: .ro)
        #expect(ro.number(Decimal(string: "-1234.5")!) == "-1.234,5")
        #expect(ro.number(Decimal(string: "-0.0001")!) == "-0")
        #expect(ro.number(0) == "0")
        #expect(ro.integer(Decimal(string: "-0.4")!) == "-0")
        #expect(ro.money(Decimal(string: "-5")!, currency: "RON") == "-5,00\u{00A0}RON")
        #expect(LocaleFormatter(locale: .en).money(Decimal(string: "-5")!, currency: "EUR") == "-€5.00")
    }

    @Test func currencySymbolsPerLocale() {
        let amount = Decimal(string: "350")!
        #expect(LocaleFormatter(locale: .bg).money(amount, currency: "EUR") == "350,00\u{00A0}€")
        #expect(LocaleFormatter(locale: .bg).money(amount, currency: "BGN") == "350,00\u{00A0}лв.")
        #expect(LocaleFormatter(locale: .roMD).money(amount, currency: "MDL") == "350,00\u{00A0}L")
        #expect(LocaleFormatter(locale: .ro).money(amount, currency: "MDL") == "350,00\u{00A0}MDL")
        #expect(LocaleFormatter(locale: .en).money(amount, currency: "RON") == "RON\u{00A0}350.00")
        #expect(LocaleFormatter(locale: .en).money(amount, currency: "eur") == "€350.00")
    }

    @Test func compactNumbers() {
        let en = LocaleFormatter(locale: .en)
        #expect(en.compact(999) == "999")
        #expect(en.compact(1234) == "1.2K")
        #expect(en.compact(999_999) == "1M")
        #expect(en.compact(123_456) == "123K")
        #expect(en.compact(Decimal(string: "-1500")!) == "-1.5K")
        #expect(LocaleFormatter(locale: .it).compact(1_500_000) == "1,5\u{00A0}Mln")
        #expect(LocaleFormatter(locale: .bg).compact(15_000) == "15\u{00A0}хил.")
        #expect(LocaleFormatter(locale: .it).compact(2_500_000_000) == "2,5\u{00A0}Mld")
        #expect(LocaleFormatter(locale: .ro).compact(12_345) == "12\u{00A0}K")
    }

    @Test func calendarDates() throws {
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2028-02-29") != nil)
        #expect(CalendarDate(iso: "2026-1-05") == nil)
        let day = try #require(CalendarDate(iso: "2026-11-22"))
        #expect(day.weekday == 0)
        #expect(day.iso == "2026-11-22")
        #expect(CalendarDate(utcDayOf: day.startOfDayUTC) == day)
        #expect(CalendarDate(iso: "1969-12-31")?.weekday == 3)
        #expect(LocaleFormatter(locale: .bg).monthName(11) == "ноември")
        #expect(LocaleFormatter(locale: .it).weekdayName(0) == "domenica")
    }
}
