import Testing
import ThroughlineCore

/// Shorthand for a date the test knows to be real.
private func isoDay(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

private func readCell(_ text: String, order: DateOrder? = nil, edge: PeriodEdge = .start) -> DateReading {
    DateReader.read(Substring(text), order: order, edge: edge)
}

// MARK: - CalendarDate

@Suite struct CalendarDateTests {
    @Test(arguments: [
        (2026, 3, 1, true), (2024, 2, 29, true), (2026, 2, 29, false), (2000, 2, 29, true),
        (1900, 2, 29, false), (2100, 2, 29, false), (2026, 2, 30, false), (2026, 4, 31, false),
        (2026, 12, 31, true), (2026, 0, 1, false), (2026, 13, 1, false), (2026, 1, 0, false),
        (2026, 1, 32, false),
    ])
    func validity(year: Int, month: Int, day: Int, valid: Bool) {
        #expect((CalendarDate(year: year, month: month, day: day) != nil) == valid)
    }

    @Test(arguments: [
        ("2026-03-01", 2026, 3, 1), ("2024-02-29", 2024, 2, 29), ("1900-01-01", 1900, 1, 1),
        ("0001-01-01", 1, 1, 1),
    ])
    func strictISO(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect((date.year, date.month, date.day) == (year, month, day))
        #expect(date.iso == text)
        #expect(date.description == text)
    }

    @Test(arguments: [
        "2026-3-1", "2026-03-1", " 2026-03-01", "2026-03-01 ", "2026-03-01T10:00", "2026/03/01",
        "2026-02-30", "2026-13-01", "20260301", "", "2026-03-0a", "+026-03-01",
    ])
    func strictISORejects(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11_017), ("1900-01-01", -25_567),
        ("2200-12-31", 84_370), ("2026-03-01", 20_513), ("2024-02-29", 19_782), ("0001-01-01", -719_162),
    ])
    func dayNumbers(text: String, number: Int) {
        #expect(isoDay(text).dayNumber == number)
        #expect(CalendarDate(dayNumber: number) == isoDay(text))
    }

    @Test func everyDayFrom1900To2200RoundTrips() {
        // Walk the calendar by hand so both directions are checked against something independent.
        var date = isoDay("1900-01-01")
        var number = date.dayNumber
        let last = isoDay("2200-12-31")
        while date != last {
            let successor: CalendarDate?
            if date.day < CalendarDate.lastDay(year: date.year, month: date.month) {
                successor = CalendarDate(year: date.year, month: date.month, day: date.day + 1)
            } else if date.month < 12 {
                successor = CalendarDate(year: date.year, month: date.month + 1, day: 1)
            } else {
                successor = CalendarDate(year: date.year + 1, month: 1, day: 1)
            }
            number += 1
            guard let next = successor, next.dayNumber == number, CalendarDate(dayNumber: number) == next else {
                Issue.record("round trip failed after \(date)")
                return
            }
            date = next
        }
        #expect(number == 84_370)
    }

    @Test func wideRangeRoundTrips() {
        // Years far before and after the reader's range, including negative ones.
        var number = -800_000_000
        var failures = 0
        while number <= 800_000_000 {
            let date = CalendarDate(dayNumber: number)
            if date.dayNumber != number || CalendarDate(year: date.year, month: date.month, day: date.day) == nil {
                failures += 1
            }
            number += 65_537
        }
        #expect(failures == 0)
        #expect(CalendarDate(dayNumber: -719_468) == CalendarDate(year: 0, month: 3, day: 1))
        #expect(CalendarDate(year: -1, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: -4, month: 2, day: 29) != nil)
    }

    @Test(arguments: [
        ("2026-03-01", "2026-03-01", 0), ("2026-03-01", "2026-02-28", 1), ("2024-03-01", "2024-02-28", 2),
        ("2026-12-25", "2026-03-01", 299), ("2026-03-01", "2026-12-25", -299),
        ("2000-01-01", "1900-01-01", 36_524), ("2027-01-01", "2026-01-01", 365), ("2025-01-01", "2024-01-01", 366),
    ])
    func daysSince(later: String, earlier: String, days: Int) {
        #expect(isoDay(later).days(since: isoDay(earlier)) == days)
        #expect(isoDay(earlier).adding(days: days) == isoDay(later))
    }

    @Test(arguments: [
        (2026, 1, 31), (2026, 2, 28), (2024, 2, 29), (2000, 2, 29), (1900, 2, 28), (2026, 4, 30),
        (2026, 12, 31), (2026, 0, 0), (2026, 13, 0),
    ])
    func lastDay(year: Int, month: Int, last: Int) {
        #expect(CalendarDate.lastDay(year: year, month: month) == last)
    }

    @Test(arguments: [(1, 1), (2, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3), (10, 4), (12, 4)])
    func quarter(month: Int, quarter: Int) throws {
        #expect(try #require(CalendarDate(year: 2026, month: month, day: 1)).quarter == quarter)
    }

    @Test func ordering() {
        #expect(isoDay("2025-12-31") < isoDay("2026-01-01"))
        #expect(isoDay("2026-02-28") < isoDay("2026-03-01"))
        #expect(!(isoDay("2026-03-01") < isoDay("2026-03-01")))
        #expect([isoDay("2026-03-01"), isoDay("1999-12-31"), isoDay("2026-01-15")].sorted().map(\.iso)
            == ["1999-12-31", "2026-01-15", "2026-03-01"])
    }

    @Test func isoFormattingOutsideFourDigits() {
        #expect(CalendarDate(year: 12_345, month: 1, day: 2)?.iso == "12345-01-02")
        #expect(CalendarDate(year: -44, month: 3, day: 15)?.iso == "-0044-03-15")
    }
}

// MARK: - Reading

/// One cell and the ISO date it must read as.
struct DateReadCase: Sendable, CustomTestStringConvertible {
    var text: String
    var order: DateOrder? = nil
    var edge: PeriodEdge = .start
    var expected: String

    init(_ text: String, _ expected: String, order: DateOrder? = nil, edge: PeriodEdge = .start) {
        self.text = text
        self.expected = expected
        self.order = order
        self.edge = edge
    }

    var testDescription: String { "\"\(text)\" \(order?.rawValue ?? "-") \(edge) → \(expected)" }
}

@Suite struct DateReaderTests {
    static let fullDates: [DateReadCase] = [
        // ISO, with and without a time part
        DateReadCase("2026-03-01", "2026-03-01"),
        DateReadCase("  2026-03-01  ", "2026-03-01"),
        DateReadCase("\t2026-03-01\u{00A0}", "2026-03-01"),
        DateReadCase("2026-03-01T10:00:00Z", "2026-03-01"),
        DateReadCase("2026-03-01T23:59:59.123+05:30", "2026-03-01"),
        DateReadCase("2026-03-01t10:00", "2026-03-01"),
        DateReadCase("2026-03-01 10:00", "2026-03-01"),
        DateReadCase("2026-03-01 10:00:00", "2026-03-01"),
        DateReadCase("2026/03/01", "2026-03-01"),
        DateReadCase("2026/3/1", "2026-03-01"),
        DateReadCase("2026-3-1", "2026-03-01"),
        DateReadCase("2026/03/01", "2026-03-01", order: .dayFirst),
        // Numeric, resolved by a single valid reading or by the given order
        DateReadCase("13/1/2026", "2026-01-13"),
        DateReadCase("1/13/2026", "2026-01-13"),
        DateReadCase("5/5/2026", "2026-05-05"),
        DateReadCase("3/1/2026", "2026-03-01", order: .monthFirst),
        DateReadCase("3/1/2026", "2026-01-03", order: .dayFirst),
        DateReadCase("1/3/2026", "2026-03-01", order: .dayFirst),
        DateReadCase("03/01/2026", "2026-03-01", order: .monthFirst),
        DateReadCase("3-1-2026", "2026-03-01", order: .monthFirst),
        DateReadCase("3/1/26", "2026-03-01", order: .monthFirst),
        DateReadCase("31/12/69", "2069-12-31"),
        DateReadCase("31/12/70", "1970-12-31"),
        DateReadCase("12/31/99", "1999-12-31"),
        DateReadCase("1/1/00", "2000-01-01", order: .dayFirst),
        DateReadCase("29/2/2024", "2024-02-29"),
        DateReadCase("3/1/2026 10:00", "2026-03-01", order: .monthFirst),
        DateReadCase("3/1/2026 9:05 PM", "2026-03-01", order: .monthFirst),
        // Dotted: always day first
        DateReadCase("01.03.2026", "2026-03-01"),
        DateReadCase("1.3.2026", "2026-03-01"),
        DateReadCase("1.3.26", "2026-03-01"),
        DateReadCase("1.3.2026", "2026-03-01", order: .monthFirst),
        DateReadCase("13.01.2026", "2026-01-13"),
        // Month names
        DateReadCase("1-Mar-2026", "2026-03-01"),
        DateReadCase("01-Mar-26", "2026-03-01"),
        DateReadCase("1 Mar 2026", "2026-03-01"),
        DateReadCase("1 March 2026", "2026-03-01"),
        DateReadCase("1 MARCH 2026", "2026-03-01"),
        DateReadCase("1 march, 2026", "2026-03-01"),
        DateReadCase("1/Mar/2026", "2026-03-01"),
        DateReadCase("Mar 1, 2026", "2026-03-01"),
        DateReadCase("March 1 2026", "2026-03-01"),
        DateReadCase("Mar 1 2026", "2026-03-01"),
        DateReadCase("mar 1, 2026", "2026-03-01"),
        DateReadCase("1st March 2026", "2026-03-01"),
        DateReadCase("March 1st, 2026", "2026-03-01"),
        DateReadCase("2nd Jan 2026", "2026-01-02"),
        DateReadCase("23rd Jan 2026", "2026-01-23"),
        DateReadCase("4TH July 2026", "2026-07-04"),
        DateReadCase("Sept 9, 2026", "2026-09-09"),
        DateReadCase("Sept. 9, 2026", "2026-09-09"),
        DateReadCase("9 September 2026", "2026-09-09"),
        DateReadCase("9 sep 2026", "2026-09-09"),
        DateReadCase("31 Dec 2026", "2026-12-31"),
        DateReadCase("29 Feb 2024", "2024-02-29"),
        DateReadCase("Jan 15, 2026 14:30", "2026-01-15"),
        DateReadCase("Sun, 1 Mar 2026", "2026-03-01"),
        DateReadCase("Sunday 1 March 2026", "2026-03-01"),
        DateReadCase("Sun, Mar 1, 2026", "2026-03-01"),
        DateReadCase("Thurs 5 March 2026", "2026-03-05"),
        // Excel serials
        DateReadCase("46082", "2026-03-01"),
        DateReadCase("45658", "2025-01-01"),
        DateReadCase("45351", "2024-02-29"),
        DateReadCase("46082.75", "2026-03-01"),
        DateReadCase("20000", "1954-10-03"),
        DateReadCase("80000", "2119-01-11"),
        DateReadCase(" 46082 ", "2026-03-01", edge: .end),
        // Unix time in milliseconds (ClickUp) and seconds, as its UTC day
        DateReadCase("1788714000000", "2026-09-06"),
        DateReadCase("1788714000", "2026-09-06"),
        DateReadCase("1009843200000", "2002-01-01"),
    ]

    @Test(arguments: fullDates)
    func readsFullDates(_ c: DateReadCase) {
        #expect(readCell(c.text, order: c.order, edge: c.edge) == .date(isoDay(c.expected)))
        // A full date ignores the edge.
        #expect(readCell(c.text, order: c.order, edge: c.edge == .start ? .end : .start) == .date(isoDay(c.expected)))
    }

    static let periods: [DateReadCase] = [
        // A range of two dates (monday.com's Timeline, Notion's arrow): its first day in a start column, its last elsewhere.
        DateReadCase("2026-10-01 - 2026-12-31", "2026-10-01"), DateReadCase("2026-10-01 - 2026-12-31", "2026-12-31", edge: .end),
        DateReadCase("Oct 1, 2026 → Dec 31, 2026", "2026-12-31", edge: .end), DateReadCase("Q3 2026 – Q4 2026", "2026-07-01"),
        DateReadCase("Q3 2026 to Q4 2026", "2026-12-31", edge: .end),
        DateReadCase("2026-03", "2026-03-01"), DateReadCase("2026-03", "2026-03-31", edge: .end),
        DateReadCase("2026/03", "2026-03-01"), DateReadCase("2026/03", "2026-03-31", edge: .end),
        DateReadCase("Mar 2026", "2026-03-01"), DateReadCase("Mar 2026", "2026-03-31", edge: .end),
        DateReadCase("March 2026", "2026-03-01"), DateReadCase("march 2026", "2026-03-31", edge: .end),
        DateReadCase("Mar-26", "2026-03-01"), DateReadCase("Mar-26", "2026-03-31", edge: .end),
        DateReadCase("Mar-2026", "2026-03-01"), DateReadCase("Sept-2026", "2026-09-30", edge: .end),
        DateReadCase("Feb 2024", "2024-02-29", edge: .end), DateReadCase("Feb 2026", "2026-02-28", edge: .end),
        DateReadCase("2026-04", "2026-04-30", edge: .end), DateReadCase("Dec-99", "1999-12-31", edge: .end),
        DateReadCase("Q2 2026", "2026-04-01"), DateReadCase("Q2 2026", "2026-06-30", edge: .end),
        DateReadCase("Q2-2026", "2026-04-01"), DateReadCase("Q2-2026", "2026-06-30", edge: .end),
        DateReadCase("2026-Q2", "2026-04-01"), DateReadCase("2026-Q2", "2026-06-30", edge: .end),
        DateReadCase("2026 Q2", "2026-04-01"), DateReadCase("2026 q2", "2026-06-30", edge: .end),
        DateReadCase("Q2/2026", "2026-04-01"), DateReadCase("Q2/2026", "2026-06-30", edge: .end),
        DateReadCase("Q2 26", "2026-04-01"), DateReadCase("q2 26", "2026-06-30", edge: .end),
        DateReadCase("Q1 2026", "2026-01-01"), DateReadCase("Q1 2026", "2026-03-31", edge: .end),
        DateReadCase("Q3 2026", "2026-07-01"), DateReadCase("Q3 2026", "2026-09-30", edge: .end),
        DateReadCase("Q4 2026", "2026-10-01"), DateReadCase("Q4 2026", "2026-12-31", edge: .end),
        DateReadCase("Q1 2024", "2024-03-31", order: .dayFirst, edge: .end),
    ]

    @Test(arguments: periods)
    func readsPeriods(_ c: DateReadCase) {
        #expect(readCell(c.text, order: c.order, edge: c.edge) == .date(isoDay(c.expected)))
    }

    @Test(arguments: [
        ("FY26 Q3", 1, PeriodEdge.end, "2026-09-30"), ("FY26 Q3", 1, .start, "2026-07-01"), ("fy26-q3", 1, .end, "2026-09-30"),
        ("Q3 FY26", 1, .end, "2026-09-30"), ("FY2026 Q1", 1, .end, "2026-03-31"), ("Q1 FY2027", 1, .start, "2027-01-01"),
        // FY26 starting in April runs from April 2025: its third quarter is October to December 2025.
        ("FY26 Q3", 4, .end, "2025-12-31"), ("FY26 Q3", 4, .start, "2025-10-01"), ("FY26 Q4", 4, .end, "2026-03-31"),
        ("FY27 Q1", 7, .start, "2026-07-01"),
    ])
    func readsFiscalQuarters(text: String, fiscalYearStart: Int, edge: PeriodEdge, expected: String) {
        #expect(DateReader.read(Substring(text), order: nil, edge: edge, fiscalYearStart: fiscalYearStart) == .date(isoDay(expected)))
    }

    @Test(arguments: ["FY26 Q5", "FY26", "FY Q3", "FY26Q3", "FY26 Q3 2026", "FY1 Q3", "FYX Q3", "Q3 FY26 FY27"])
    func fiscalQuarterMistakesAreNotDates(_ text: String) {
        #expect(DateReader.read(Substring(text), order: nil, edge: .end) == .invalid)
    }

    @Test(arguments: [
        ("3/1/2026", "2026-01-03", "2026-03-01"),
        ("1/3/2026", "2026-03-01", "2026-01-03"),
        ("03/01/2026", "2026-01-03", "2026-03-01"),
        ("3-1-2026", "2026-01-03", "2026-03-01"),
        ("3/1/26", "2026-01-03", "2026-03-01"),
        ("12/11/99", "1999-11-12", "1999-12-11"),
    ])
    func ambiguousWithoutOrder(text: String, dayFirst: String, monthFirst: String) {
        #expect(readCell(text) == .ambiguous(dayFirst: isoDay(dayFirst), monthFirst: isoDay(monthFirst)))
        #expect(readCell(text, order: .dayFirst) == .date(isoDay(dayFirst)))
        #expect(readCell(text, order: .monthFirst) == .date(isoDay(monthFirst)))
    }

    @Test(arguments: [
        ("13/1/2026", DateOrder.monthFirst), ("1/13/2026", .dayFirst),
        ("31/12/2026", .monthFirst), ("2/29/2024", .dayFirst),
    ])
    func givenOrderIsNotOverridden(text: String, order: DateOrder) {
        #expect(readCell(text, order: order) == .invalid)
        #expect(readCell(text) != .invalid)
    }

    @Test(arguments: ["", " ", "   ", "\t", " \u{00A0} "])
    func blanksAreEmpty(text: String) {
        #expect(readCell(text) == .empty)
        #expect(readCell(text, order: .dayFirst, edge: .end) == .empty)
    }

    @Test(arguments: [
        "hello", "32/1/2026", "2026-13-01", "Q5 2026", "1/2", "2026-02-30", "2026-00-10", "2026-03-00",
        "29/2/2026", "2/29/2026", "2026-02-29", "29 Feb 2026", "0/0/2026", "13/13/2026",
        "1/1/1899", "1/1/2201", "1899-12-31", "2201-01-01", "1 Jan 1899", "Q1 1899", "Mar 2201",
        "19999", "80001", "2026", "123", "46082.", ".5", "-46082", "46,082", "1.3", "1e5", "946684799999", "4102444800000", "1788714000000.5",
        "2026-03-01-", "-2026-03-01", "2026--03-01", "2026-03/01", "3/1-2026", "3 / 1 / 2026",
        "3/1/202", "3/1/20266", "003/1/2026", "Mar 26", "Mar", "Q2", "Q0 2026", "Q02 2026", "Q2 202",
        "2026Q2", "26-Q2", "2026/Q2x", "Mar2026", "1Mar2026", "1 Foo 2026", "1 Mar 2026 extra",
        "1st/3/2026", "2026-03-01T", "2026-03-01T25:00", "2026-03-01 10", "10:00", "2026-03-01 10:60",
        "3/1/2026T10:00", "Mar 2026 10:00", "2026-03-01 13:00 PM", "Sun 2026", "Sun Mar 2026", "Monday",
        "1 Mar Sun 2026", "2026.03.01", "1 3 2026", "Marchh 1 2026", "1xx Mar 2026", "FY26", "N/A 2026",
        "1,3,2026", "1 Mar,, 2026", "1 ,Mar 2026", "２０２６-03-01", "2026-03-01 ☃",
        // A range is read only when both its ends are dates, and it has one separator.
        "2026-10-01 - TBD", "TBD - 2026-12-31", " - 2026-12-31", "2026-10-01 - 2026-11-01 - 2026-12-31", "1 March to 30 June 2026",
    ])
    func rejectsJunk(text: String) {
        #expect(readCell(text) == .invalid)
        #expect(readCell(text, order: .dayFirst, edge: .end) == .invalid)
        #expect(readCell(text, order: .monthFirst) == .invalid)
    }

    /// Microsoft Project writes `Mon 11/2/26`: the weekday tells the two readings apart, in the cell and as evidence
    /// for the column's order; a weekday neither reading falls on leaves the date ambiguous, and a column's order rules.
    @Test func aWeekdayPicksTheReadingItNames() {
        #expect(readCell("Mon 11/2/26") == .date(isoDay("2026-11-02")))
        #expect(readCell("Wed 11/2/26") == .date(isoDay("2026-02-11")))
        #expect(readCell("Wednesday, 11/2/2026") == .date(isoDay("2026-02-11")))
        #expect(readCell("Tue 11/2/26") == .ambiguous(dayFirst: isoDay("2026-02-11"), monthFirst: isoDay("2026-11-02")))
        #expect(readCell("Mon 11/2/26", order: .dayFirst) == .date(isoDay("2026-02-11")))
        #expect(isoDay("2026-11-02").weekday == 1 && isoDay("1970-01-01").weekday == 4 && isoDay("1969-12-28").weekday == 7)
        var inference = DateOrderInference()
        inference.observe("Mon 11/2/26")
        inference.observe("Fri 1/15/27")
        inference.observe("3/4/26")
        #expect(inference.inferredOrder == .monthFirst)
        #expect(inference.monthFirstVotes == 2)
    }

    /// A word for a date that does not apply (Microsoft Project writes `NA` for a date a task does not have) is no date,
    /// not a bad one.
    @Test(arguments: ["NA", "N/A", "n.a.", "None", "-", "\u{2014}", " na "])
    func placeholdersAreEmpty(text: String) {
        #expect(readCell(text) == .empty)
        #expect(readCell(text, order: .dayFirst, edge: .end) == .empty)
    }

    /// A date still to be decided is missing where it should be: it stays unreadable, so `check` says so.
    @Test(arguments: ["TBD", "tbc", "TBA", "?", "not set"])
    func undecidedDatesAreNoDates(text: String) {
        #expect(readCell(text) == .invalid)
    }

    @Test func readsSubstringsInPlace() {
        let line = "x,3/1/2026,Q2 2026"
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        #expect(DateReader.read(cells[1], order: .monthFirst, edge: .start) == .date(isoDay("2026-03-01")))
        #expect(DateReader.read(cells[2], order: nil, edge: .end) == .date(isoDay("2026-06-30")))
        #expect(DateReader.orderEvidence(cells[1]) == nil)
    }
}

// MARK: - Order evidence and inference

@Suite struct DateOrderTests {
    @Test(arguments: [
        ("13/1/2026", DateOrder?.some(.dayFirst)), ("1/13/2026", .monthFirst),
        ("31-12-2026", .dayFirst), ("12-31-2026", .monthFirst), ("13/01/26", .dayFirst),
        (" 1/13/2026 10:00 ", .monthFirst), ("29/2/2024", .dayFirst),
        ("3/1/2026", nil), ("5/5/2026", nil), ("13/13/2026", nil), ("29/2/2026", nil),
        ("13.1.2026", nil), ("2026-01-13", nil), ("13 Jan 2026", nil), ("46082", nil),
        ("Q2 2026", nil), ("", nil), ("hello", nil),
    ])
    func evidence(text: String, expected: DateOrder?) {
        #expect(DateReader.orderEvidence(Substring(text)) == expected)
    }

    @Test func rawValues() {
        #expect(DateOrder.dayFirst.rawValue == "dmy")
        #expect(DateOrder.monthFirst.rawValue == "mdy")
        #expect(DateOrder(rawValue: "mdy") == .monthFirst)
        #expect(DateOrder.allCases.count == 2)
    }

    /// A column's values and what the inference should conclude from them.
    struct Column: Sendable, CustomTestStringConvertible {
        var values: [String]
        var dayFirst: Int
        var monthFirst: Int
        var ambiguous: Int
        var inferred: DateOrder?
        var conflicting: Bool
        var testDescription: String { values.joined(separator: " | ") }
    }

    @Test(arguments: [
        Column(values: [], dayFirst: 0, monthFirst: 0, ambiguous: 0, inferred: nil, conflicting: false),
        Column(values: ["3/1/2026", "4/2/2026", "5/5/2026"],
               dayFirst: 0, monthFirst: 0, ambiguous: 2, inferred: nil, conflicting: false),
        Column(values: ["3/1/2026", "13/1/2026", "25/12/2026", ""],
               dayFirst: 2, monthFirst: 0, ambiguous: 1, inferred: .dayFirst, conflicting: false),
        Column(values: ["3/1/2026", "1/13/2026", "Q2 2026", "2026-01-31"],
               dayFirst: 0, monthFirst: 1, ambiguous: 1, inferred: .monthFirst, conflicting: false),
        Column(values: ["13/1/2026", "1/13/2026", "2/14/2026"],
               dayFirst: 1, monthFirst: 2, ambiguous: 0, inferred: nil, conflicting: true),
        Column(values: ["13.1.2026", "1 Mar 2026", "46082", "hello", "32/1/2026"],
               dayFirst: 0, monthFirst: 0, ambiguous: 0, inferred: nil, conflicting: false),
    ])
    func inference(column: Column) {
        var inference = DateOrderInference()
        for value in column.values { inference.observe(Substring(value)) }
        #expect(inference.dayFirstVotes == column.dayFirst)
        #expect(inference.monthFirstVotes == column.monthFirst)
        #expect(inference.ambiguousCount == column.ambiguous)
        #expect(inference.inferredOrder == column.inferred)
        #expect(inference.isConflicting == column.conflicting)
    }
}
