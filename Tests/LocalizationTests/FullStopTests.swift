import Foundation
import Localization
import Testing

@Suite struct FullStopTests {
    static let day = CalendarDate(iso: "2029-01-19")!

    @Test(arguments: [
        ("Подписано на {d, date, long}.", "Подписано на 19 януари 2029\u{202F}г."),
        ("На {d, date, long}. Следва текст.", "На 19 януари 2029\u{202F}г. Следва текст."),
        ("До {d, date, long}?", "До 19 януари 2029\u{202F}г.?"),
        ("До {d, date, long}…", "До 19 януари 2029\u{202F}г.…"),
        ("До {d, date, long}...", "До 19 януари 2029\u{202F}г...."),
        ("{n, plural, one {до {d, date, long}} other {до {d, date, long}}}.", "до 19 януари 2029\u{202F}г."),
        ("<b>{d, date, long}</b>.", "19 януари 2029\u{202F}г."),
    ])
    func bulgarianDateBeforeAFullStop(message: String, expected: String) throws {
        let text = try MessageFormat(message).format(["d": .date(Self.day), "n": 1], locale: .bg)
        #expect(text == expected)
    }

    @Test func spansKeepOneFullStop() throws {
        let spans = try MessageFormat("Дата: <b>{d, date, long}</b>.").formatSpans(["d": .date(Self.day)], locale: .bg)
        #expect(spans.map(\.text).joined() == "Дата: 19 януари 2029\u{202F}г.")
    }

    @Test func abbreviationsFromDataAndOtherLocales() throws {
        #expect(try MessageFormat("Emis de {office}.").format(["office": "Primăria Exemplu S.A."], locale: .ro) == "Emis de Primăria Exemplu S.A.")
        #expect(try MessageFormat("Signed on {d, date, long}.").format(["d": .date(Self.day)], locale: .en) == "Signed on 19 January 2029.")
        #expect(FullStop.literal(". Next", after: "г.") == " Next")
        #expect(FullStop.literal(".", after: "2029") == ".")
    }
}
