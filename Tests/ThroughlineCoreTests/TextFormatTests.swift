import Testing
@testable import ThroughlineCore

/// Terminal tables line up by the columns text takes, not by its characters: wide letters and emoji take two.
@Suite struct TextFormatTests {
    @Test(arguments: [
        ("Grow revenue", 12), ("", 0), ("日本市場", 8), ("🚀 Launch", 9), ("✅", 2), ("✔\u{FE0F}", 2), ("Café", 4),
        ("e\u{301}", 1), ("한국", 4), ("ＡＢ", 4), ("a\u{200B}b", 2), ("👩‍💻", 2), ("co\u{AD}op", 4),
    ])
    func widthCountsColumns(_ text: String, _ columns: Int) {
        #expect(TextFormat.width(text) == columns)
    }

    @Test func padAndCutKeepTheWidth() {
        #expect(TextFormat.pad("日本", 6) == "日本  ")
        #expect(TextFormat.width(TextFormat.pad("🚀 go", 8)) == 8)
        // Cut to at most the width, ellipsis included; a wide letter that would cross it is left out whole.
        #expect(TextFormat.cut("日本市場への参入", 7) == "日本市…")
        #expect(TextFormat.cut("Grow revenue", 6) == "Grow …")
        #expect(TextFormat.cut("Grow", 6) == "Grow")
        for width in 1...12 { #expect(TextFormat.width(TextFormat.cut("한국 파트너십 및 현지화", width)) <= max(2, width)) }
    }

    /// Cells the tool writes that a spreadsheet would run are made inert; a signed number (diff's `-91` days) is a
    /// number to a spreadsheet, and stays one.
    @Test(arguments: [("=1+2", "'=1+2"), ("@x", "'@x"), ("+cmd", "'+cmd"), ("-91", "-91"), ("+2.5", "+2.5"), ("-inf", "'-inf"),
                      ("-", "'-"), ("-1.", "'-1."), ("-1-1", "'-1-1"), ("-1e3", "'-1e3"), ("plain", "plain")])
    func formulasAreNeutralizedNumbersAreNot(_ text: String, _ expected: String) {
        #expect(CSVSafety.neutralize(text) == expected)
    }
}
