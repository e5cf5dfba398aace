/// A physical length, stored in hundredths of a millimetre so that arithmetic and
/// output are exact and deterministic.
public struct Length: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hundredthsOfMillimetre: Int

    public init(hundredthsOfMillimetre: Int) { self.hundredthsOfMillimetre = hundredthsOfMillimetre }

    /// The nearest length to `hundredths` hundredths of a millimetre, never a trap: a value
    /// that is not a number is 0, one beyond ±``parsingLimit`` is the limit. Every length
    /// computed from a `Double` (read from a document, scaled by a ratio) is made here.
    public init(rounding hundredths: Double) {
        let limit = Double(Length.parsingLimit.hundredthsOfMillimetre)
        self.init(hundredthsOfMillimetre: hundredths.isNaN ? 0 : Int(min(max(hundredths, -limit), limit).rounded()))
    }

    public static func mm(_ value: Double) -> Length { Length(rounding: value * 100) }
    public static func cm(_ value: Double) -> Length { .mm(value * 10) }
    public static func pt(_ value: Double) -> Length { .mm(value * 25.4 / 72) }

    /// Twentieths of a point, WordprocessingML's unit for page and table geometry.
    public var twips: Int { (hundredthsOfMillimetre * 1440 + 1270) / 2540 }

    /// `"20mm"`, `"12.5mm"`: ODF's notation.
    public var odf: String {
        let whole = hundredthsOfMillimetre / 100, frac = abs(hundredthsOfMillimetre % 100)
        if frac == 0 { return "\(whole)mm" }
        let digits = frac % 10 == 0 ? "\(frac / 10)" : (frac < 10 ? "0\(frac)" : "\(frac)")
        return "\(whole).\(digits)mm"
    }

    public var description: String { odf }

    public static func < (a: Length, b: Length) -> Bool { a.hundredthsOfMillimetre < b.hundredthsOfMillimetre }
    public static func + (a: Length, b: Length) -> Length { Length(hundredthsOfMillimetre: a.hundredthsOfMillimetre + b.hundredthsOfMillimetre) }
    public static func - (a: Length, b: Length) -> Length { Length(hundredthsOfMillimetre: a.hundredthsOfMillimetre - b.hundredthsOfMillimetre) }

    /// The longest length ``init(parsing:)`` accepts: 10 m, far beyond any page, and small
    /// enough that every unit the writers derive from it (twips, EMU) fits an `Int`.
    public static let parsingLimit = Length(hundredthsOfMillimetre: 1_000_000)

    /// Parses `20mm`, `2cm`, `11pt`, `1in`, from 0 up to ``parsingLimit``. Returns nil for
    /// anything else.
    public init?(parsing text: String) {
        let units: [(String, Double)] = [("mm", 1), ("cm", 10), ("pt", 25.4 / 72), ("in", 25.4)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value.isFinite, value >= 0,
                  value * factor * 100 <= Double(Length.parsingLimit.hundredthsOfMillimetre)
            else { return nil }
            self = .mm(value * factor)
            return
        }
        return nil
    }
}

/// Page size and margins.
public struct PageSetup: Sendable, Hashable {
    public var width: Length
    public var height: Length
    public var margins: Margins

    public init(width: Length, height: Length, margins: Margins) {
        self.width = width
        self.height = height
        self.margins = margins
    }

    /// ISO A4 portrait (210 × 297 mm).
    public static func a4(margins: Margins = Margins(all: .mm(20))) -> PageSetup {
        PageSetup(width: .mm(210), height: .mm(297), margins: margins)
    }

    /// A page of `size` in `orientation`.
    public init(_ size: PaperSize, orientation: Orientation = .portrait, margins: Margins = Margins(all: .mm(20))) {
        let (short, long) = size.dimensions
        switch orientation {
        case .portrait: self.init(width: short, height: long, margins: margins)
        case .landscape: self.init(width: long, height: short, margins: margins)
        }
    }

    public var orientation: Orientation { width > height ? .landscape : .portrait }

    /// The named size this page has (in either orientation), if any.
    public var paperSize: PaperSize? {
        PaperSize.allCases.first { size in
            let (short, long) = size.dimensions
            return (width == short && height == long) || (width == long && height == short)
        }
    }

    /// The same paper turned to `orientation`.
    public func turned(_ orientation: Orientation) -> PageSetup {
        guard orientation != self.orientation else { return self }
        return PageSetup(width: height, height: width, margins: margins)
    }

    /// The width between the left and right margins, where tables are laid out.
    public var textWidth: Length { width - margins.left - margins.right }
}

/// Paper sizes a template may ask for.
public enum PaperSize: String, Sendable, Hashable, CaseIterable {
    case a4 = "A4", a3 = "A3", letter = "Letter"

    /// Short and long side.
    public var dimensions: (Length, Length) {
        switch self {
        case .a4: (.mm(210), .mm(297))
        case .a3: (.mm(297), .mm(420))
        case .letter: (.mm(215.9), .mm(279.4))
        }
    }

    /// Reads `A4`, `a3`, `letter` (any case).
    public init?(named name: String) {
        guard let size = PaperSize.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = size
    }
}

public enum Orientation: String, Sendable, Hashable, CaseIterable {
    case portrait, landscape
}

public struct Margins: Sendable, Hashable {
    public var top, bottom, left, right: Length

    public init(top: Length, bottom: Length, left: Length, right: Length) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    public init(all: Length) { self.init(top: all, bottom: all, left: all, right: all) }
}
