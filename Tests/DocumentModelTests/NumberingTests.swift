import DocumentModel
import Testing

@Suite struct NumberingTests {
    @Test(arguments: [
        (1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "bb"), (53, "aaa"),
    ])
    func latinLettersDoubleAfterZ(number: Int, expected: String) {
        #expect(NumberingSystem.letters("abcdefghijklmnopqrstuvwxyz").format(number) == expected)
    }

    @Test func bulgarianLettersFollowTheGivenAlphabet() {
        let bulgarian = NumberingSystem.letters("абвгдежзиклмнопрстуфхцчшщюя")
        #expect((1...11).map(bulgarian.format) == ["а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л"])
        #expect(bulgarian.format(28) == "аа")
    }

    @Test(arguments: [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (40, "xl"), (1994, "mcmxciv"), (4000, "4000")])
    func romanNumerals(number: Int, expected: String) {
        #expect(NumberingSystem.lowerRoman.format(number) == expected)
    }

    @Test func nonPositiveNumbersStayDigits() {
        #expect(NumberingSystem.letters("ab").format(0) == "0")
        #expect(NumberingSystem.lowerRoman.format(-3) == "-3")
        #expect(NumberingSystem.decimal.format(12) == "12")
    }

    @Test func labelIndentsStepPerLevel() {
        let first = NumberLabel("а)", level: 1), second = NumberLabel("1.", level: 2)
        #expect(first.labelIndent == .mm(0))
        #expect(first.textIndent == NumberLabel.indentStep)
        #expect(second.labelIndent == NumberLabel.indentStep)
        #expect(second.textIndent == .mm(14))
        #expect(NumberLabel("x", level: 0).level == 1)
    }

    @Test func paragraphsHaveNoLabelUnlessGivenOne() {
        #expect(Paragraph([.text("x")]).label == nil)
        #expect(Paragraph([.text("x")], label: NumberLabel("(a)")).label?.text == "(a)")
    }
}
