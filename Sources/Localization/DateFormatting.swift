import Foundation

/// Dates and times through a locale's CLDR patterns, always in UTC and the Gregorian calendar.
enum DateFormatting {
    static func utcComponents(_ instant: Date) -> (CalendarDate, Int, Int, Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CalendarDate.civil(fromDays: days)
        return (CalendarDate(year: year, month: month, day: day)!, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    static func append(_ date: CalendarDate, hour: Int, minute: Int, second: Int, style: DateFormatStyle, data: LocaleData, into output: inout String) {
        let pattern: DatePattern?
        switch style {
        case .style(let style): pattern = data.datePatterns[style]
        case .skeleton(let skeleton): pattern = data.skeletonPatterns[skeleton]
        }
        (pattern ?? data.datePatterns[.medium]!).format(date, hour: hour, minute: minute, second: second, data: data, into: &output)
    }

    static func appendTime(_ date: CalendarDate, hour: Int, minute: Int, second: Int, style: DateFormatStyle, data: LocaleData, into output: inout String) {
        let pattern: DatePattern?
        switch style {
        case .style(let style): pattern = data.timePatterns[style]
        case .skeleton(let skeleton): pattern = data.skeletonPatterns[skeleton]
        }
        (pattern ?? data.timePatterns[.medium]!).format(date, hour: hour, minute: minute, second: second, data: data, into: &output)
    }

    /// A date-time with no style: the short date and the short time, joined the locale's way.
    static func appendDateTime(_ instant: Date, data: LocaleData, into output: inout String) {
        let (date, hour, minute, second) = utcComponents(instant)
        var datePart = "", timePart = ""
        data.datePatterns[.short]!.format(date, hour: hour, minute: minute, second: second, data: data, into: &datePart)
        data.timePatterns[.short]!.format(date, hour: hour, minute: minute, second: second, data: data, into: &timePart)
        output += data.dateTimeGlue.replacingOccurrences(of: "{1}", with: datePart).replacingOccurrences(of: "{0}", with: timePart)
    }
}
