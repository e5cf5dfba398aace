public import Foundation

/// The typed argument encoding of the conformance vectors (`../shared/conformance/README.md`):
/// a JSON number is a number, a string is text, `{"date": "2026-11-22"}` a date,
/// `{"datetime": "2026-11-22T14:30:00"}` an instant (UTC unless an offset is given),
/// `{"amount": 350, "currency": "EUR"}` money.
///
/// ```swift
/// let values = try MessageValue.arguments(fromJSON: Data(#"{"count": 3, "d": {"date": "2026-11-22"}}"#.utf8))
/// ```
extension MessageValue: Decodable {
    private enum Keys: String, CodingKey {
        case date, datetime, amount, currency
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let text = try? single.decode(String.self) {
                self = .string(text)
                return
            }
            if let number = try? MessageValue.decodeNumber(single) {
                self = .number(number)
                return
            }
            if single.decodeNil() || (try? single.decode(Bool.self)) != nil {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "true, false and null are not message values; pass a string, a number, {\"date\": …}, {\"datetime\": …} or {\"amount\": …, \"currency\": …}"))
            }
        }
        let object = try decoder.container(keyedBy: Keys.self)
        if let text = try object.decodeIfPresent(String.self, forKey: .date) {
            guard let date = CalendarDate(iso: text) else {
                throw DecodingError.dataCorruptedError(forKey: .date, in: object, debugDescription: "'\(text)' is not a date (YYYY-MM-DD)")
            }
            self = .date(date)
        } else if let text = try object.decodeIfPresent(String.self, forKey: .datetime) {
            guard let instant = MessageValue.parseDateTime(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .datetime, in: object, debugDescription: "'\(text)' is not a date-time (YYYY-MM-DDTHH:MM:SS, UTC)")
            }
            self = .dateTime(instant)
        } else if object.contains(.amount) {
            let amount = try MessageValue.decodeNumber(object.superDecoder(forKey: .amount).singleValueContainer())
            guard let currency = try object.decodeIfPresent(String.self, forKey: .currency), currency.count == 3 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .currency, in: object, debugDescription: "money needs \"currency\": an ISO 4217 code such as EUR, BGN, RON or MDL")
            }
            self = .money(amount: amount, currency: currency)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "expected a number, a string, {\"date\": …}, {\"datetime\": …} or {\"amount\": …, \"currency\": …}"))
        }
    }

    /// Decodes the arguments object of a message (`{"count": 3, "name": "Ana"}`).
    public static func arguments(fromJSON data: Data) throws -> [String: MessageValue] {
        try JSONDecoder().decode([String: MessageValue].self, from: data)
    }

    /// JSON numbers arrive as integers or doubles; a double is read back through its
    /// shortest decimal form (`2345.5`, `3.14159`), which is the text the JSON had.
    private static func decodeNumber(_ container: any SingleValueDecodingContainer) throws -> Decimal {
        if let integer = try? container.decode(Int64.self) { return Decimal(integer) }
        let double = try container.decode(Double.self)
        guard double.isFinite, let decimal = Decimal(string: "\(double)", locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(double) is not a finite number")
        }
        return decimal
    }

    /// `2026-11-22T14:30:00`, with optional fraction of a second and `Z` or `±hh:mm`.
    static func parseDateTime(_ text: String) -> Date? {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])) else { return nil }
        var time = Substring(parts[1])
        var offsetSeconds = 0
        if time.hasSuffix("Z") {
            time = time.dropLast()
        } else if let signIndex = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = time[time.index(after: signIndex)...].split(separator: ":")
            guard zone.count == 2, let hours = Int(zone[0]), let minutes = Int(zone[1]) else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (time[signIndex] == "-" ? -1 : 1)
            time = time[..<signIndex]
        }
        let fields = time.split(separator: ":")
        guard fields.count == 2 || fields.count == 3, let hour = Int(fields[0]), let minute = Int(fields[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        var second = 0.0
        if fields.count == 3 {
            guard let value = Double(fields[2]), value >= 0, value < 61 else { return nil }
            second = value
        }
        let seconds = Double(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 - offsetSeconds) + second
        return Date(timeIntervalSince1970: seconds)
    }
}
