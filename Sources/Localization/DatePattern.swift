/// A compiled CLDR date/time pattern (`d MMMM y 'г'.`): literal text and fields.
struct DatePattern: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case field(Character, Int)
    }

    let segments: [Segment]
    /// The pattern as CLDR writes it.
    let text: String

    init(_ pattern: String) {
        text = pattern
        var segments: [Segment] = []
        var literal = ""
        var characters = Array(pattern)[...]
        func flush() {
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "'" {
                if characters.first == "'" {
                    literal.append("'")
                    characters = characters.dropFirst()
                    continue
                }
                while let quoted = characters.first {
                    characters = characters.dropFirst()
                    if quoted == "'" {
                        if characters.first == "'" {
                            literal.append("'")
                            characters = characters.dropFirst()
                            continue
                        }
                        break
                    }
                    literal.append(quoted)
                }
            } else if character.isASCII && character.isLetter {
                var count = 1
                while characters.first == character {
                    count += 1
                    characters = characters.dropFirst()
                }
                flush()
                segments.append(.field(character, count))
            } else {
                literal.append(character)
            }
        }
        flush()
        self.segments = segments
    }

    /// The pattern applied to a UTC date and time of day.
    func format(_ date: CalendarDate, hour: Int, minute: Int, second: Int, data: LocaleData, into output: inout String) {
        for segment in segments {
            switch segment {
            case .literal(let text):
                output += text
            case .field(let letter, let count):
                switch letter {
                case "y", "Y", "u":
                    if count == 2 {
                        output += padded(date.year % 100, 2)
                    } else {
                        output += padded(date.year, count)
                    }
                case "M":
                    switch count {
                    case 1, 2: output += padded(date.month, count)
                    case 3: output += data.monthsAbbreviated[date.month - 1]
                    default: output += data.monthsWide[date.month - 1]
                    }
                case "L":
                    switch count {
                    case 1, 2: output += padded(date.month, count)
                    case 3: output += (data.standaloneMonthsAbbreviated ?? data.monthsAbbreviated)[date.month - 1]
                    default: output += (data.standaloneMonthsWide ?? data.monthsWide)[date.month - 1]
                    }
                case "d":
                    output += padded(date.day, count)
                case "E", "c", "e":
                    output += count >= 4 ? data.weekdaysWide[date.weekday] : data.weekdaysAbbreviated[date.weekday]
                case "a", "b", "B":
                    output += hour < 12 ? data.amPM.am : data.amPM.pm
                case "h":
                    output += padded(hour % 12 == 0 ? 12 : hour % 12, count)
                case "K":
                    output += padded(hour % 12, count)
                case "H":
                    output += padded(hour, count)
                case "k":
                    output += padded(hour == 0 ? 24 : hour, count)
                case "m":
                    output += padded(minute, count)
                case "s":
                    output += padded(second, count)
                case "z", "v", "V", "O":
                    output += count >= 4 ? data.utcLongName : "UTC"
                case "Z", "X", "x":
                    output += letter == "X" ? "Z" : "+0000"
                case "G":
                    output += "AD"
                default:
                    break
                }
            }
        }
    }

    private func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
