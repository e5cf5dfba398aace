public import Foundation

/// Formats data values the way a locale writes them, from embedded CLDR 47 data
/// (not Foundation's formatters, which differ from ICU on grouping): the filters of
/// the template language use it.
///
/// ```swift
/// let bg = LocaleFormatter(locale: .bg)
/// bg.number(Decimal(string: "1234.5")!)                 // "1234,5"   (bg groups from 5 digits)
/// bg.money(Decimal(string: "1234.5")!, currency: "EUR")  // "1234,50 €"
/// bg.date(CalendarDate(iso: "2026-11-22")!, style: .numeric)   // "22.11.2026 г."
/// LocaleFormatter(locale: .roMD).money(350, currency: "MDL")   // "350,00 L"
/// ```
public struct LocaleFormatter: Sendable {
    /// The locale whose CLDR data is used (ro-MD resolves to ro plus its own currency symbol).
    public let locale: LocaleID
    private let resources: LocaleResources

    /// A formatter for a locale; cheap to create (the locale data is shared).
    public init(locale: LocaleID) {
        self.locale = locale
        resources = LocaleResources.of(locale)
    }

    /// `#,##0.###`, half-even: `3.14159` → `3.142`.
    public func number(_ value: Decimal) -> String {
        NumberFormat.decimal.format(value, data: resources.data)
    }

    /// No fraction digits, half-even: `1234.5` → `1,234` (en).
    public func integer(_ value: Decimal) -> String {
        NumberFormat.integer.format(value, data: resources.data)
    }

    /// A fraction as a percentage, no fraction digits: `0.125` → `12%` (en), `12 %` (ro).
    public func percent(_ fraction: Decimal) -> String {
        NumberFormat.percentStyle.format(fraction, data: resources.data)
    }

    /// An amount with its currency's digits and the locale's symbol: `€1,234.50` (en),
    /// `1.234,50 L` (MDL in ro-MD). The currency is always explicit (Bulgaria uses EUR since 2026).
    public func money(_ amount: Decimal, currency: String) -> String {
        NumberFormat.currency(currency.uppercased()).format(amount, data: resources.data)
    }

    /// Short form of large numbers: `1500` → `1.5K` (en), `2,5 mil.` for 2 500 000 (ro).
    public func compact(_ value: Decimal) -> String {
        NumberFormat(notation: .compactShort).format(value, data: resources.data)
    }

    /// A calendar day in a CLDR style, or the country's official numeric form.
    public func date(_ date: CalendarDate, style: DateStyle) -> String {
        var output = ""
        DateFormatting.append(date, hour: 0, minute: 0, second: 0, style: .style(style), data: resources.data, into: &output)
        return output
    }

    /// The UTC time of day of an instant (`numeric` is 24-hour `HH:mm`).
    public func time(_ dateTime: Date, style: DateStyle) -> String {
        let (date, hour, minute, second) = DateFormatting.utcComponents(dateTime)
        var output = ""
        DateFormatting.appendTime(date, hour: hour, minute: minute, second: second, style: .style(style), data: resources.data, into: &output)
        return output
    }

    /// The UTC date and time of an instant: the date in `style`, then the short time,
    /// joined the locale's way (`22.11.2026 г., 14:30`).
    public func dateTime(_ dateTime: Date, style: DateStyle) -> String {
        let (date, hour, minute, second) = DateFormatting.utcComponents(dateTime)
        var datePart = "", timePart = ""
        DateFormatting.append(date, hour: hour, minute: minute, second: second, style: .style(style), data: resources.data, into: &datePart)
        DateFormatting.appendTime(date, hour: hour, minute: minute, second: second,
                                  style: .style(style == .numeric ? .numeric : .short), data: resources.data, into: &timePart)
        return resources.data.dateTimeGlue.replacingOccurrences(of: "{1}", with: datePart).replacingOccurrences(of: "{0}", with: timePart)
    }

    /// Month name (`long`/`full`: wide, `medium`: abbreviated), 1…12.
    public func monthName(_ month: Int, style: DateStyle = .long) -> String {
        let data = resources.data
        let names = style == .medium || style == .short ? data.monthsAbbreviated : data.monthsWide
        return names[(month - 1 + 1200) % 12]
    }

    /// Weekday name, 0 = Sunday … 6 = Saturday (`long`/`full`: wide, otherwise abbreviated).
    public func weekdayName(_ weekday: Int, style: DateStyle = .long) -> String {
        let data = resources.data
        let names = style == .long || style == .full ? data.weekdaysWide : data.weekdaysAbbreviated
        return names[(weekday % 7 + 7) % 7]
    }
}
