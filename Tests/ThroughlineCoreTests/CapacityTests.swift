import Testing
@testable import ThroughlineCore

func plan(_ text: String, options: CapacityOptions = CapacityOptions(), people: PeopleDirectory = PeopleDirectory()) throws -> CapacityPlan {
    let sheet = try CapacitySheet(input: try CSVInput(bytes: Array(text.utf8), file: "c.csv"), people: people, conventions: .builtIn, options: options)
    return CapacityPlan(sheet: sheet, people: people)
}

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2026-03", "2026-03"), ("Mar 2026", "2026-03"), ("Mar-26", "2026-03"), ("March 2026", "2026-03"), ("Jan-26", "2026-01"),
        ("2026-Q1", "2026-Q1"), ("Q1 2026", "2026-Q1"), ("Q4-26", "2026-Q4"), ("2026-W09", "2026-W09"), ("Sept 2026", "2026-09"),
        // German, French and Spanish months written in ASCII.
        ("Okt 2026", "2026-10"), ("Dez 2026", "2026-12"), ("Mai 2027", "2027-05"), ("Juillet 2026", "2026-07"), ("Dic-26", "2026-12"),
        ("Enero 2027", "2027-01"),
    ])
    func readsPeriods(_ text: String, _ label: String) {
        #expect(PeriodReader().read(text)?.label == label)
    }

    @Test(arguments: ["H2 Total", "Total", "2026", "Person", "Q5 2026", "2026-W54", "Foo 2026", "Mär 2027", "Marc 2026"])
    func rejectsNonPeriods(_ text: String) {
        #expect(PeriodReader().read(text) == nil)
    }

    @Test func fiscalQuartersFollowTheStartMonth() {
        let april = PeriodReader(fiscalYearStart: 4)
        #expect(april.read("FY26 Q1")?.start.iso == "2025-04-01")
        #expect(april.read("FY26 Q4")?.end.iso == "2026-03-31")
        #expect(PeriodReader().read("FY26 Q3")?.start.iso == "2026-07-01")
    }

    @Test func isoWeeksStartOnMonday() {
        #expect(Period.isoWeek(2026, 1)?.start.iso == "2025-12-29")
        #expect(Period.isoWeek(2026, 9)?.start.iso == "2026-02-23")
        #expect(Period.isoWeek(2025, 53) == nil)
        #expect(Period.isoWeek(2026, 53)?.start.iso == "2026-12-28")
        #expect(Period.isoWeek(2020, 53)?.start.iso == "2020-12-28")
    }
}

@Suite struct CapacityTests {
    @Test func resourcePlanSumsItemsAndSkipsTotals() throws {
        let plan = try plan("Plan (FTE),,,,\nPerson,Item,Oct-26,Nov-26,H2 Total\nPriya,I-12,0.3,0.3,0.6\nPriya,INC-88,1.0,1.0,2\nTotal,,1.3,1.3,2.6\n")
        #expect(plan.sheet.form == .resourcePlan)
        #expect(plan.sheet.unit == .fte)
        #expect(plan.people == ["Priya"])
        #expect(plan.cells["Priya"]?[Period.month(2026, 10)!]?.allocated == 1.3)
        #expect(plan.sheet.notes.count == 2)
        let findings = plan.findings(underAllocatedAt: 0.75)
        #expect(findings.map(\.code.name) == ["over-allocated"])
        #expect(findings[0].message == "Priya is allocated 130% in 2026-10 to 2026-11 (capacity 1 FTE)")
    }

    @Test func hoursConvertByWorkingDays() throws {
        var options = CapacityOptions()
        options.unit = .hours
        let plan = try plan("person,period,available,allocated\nAna,2026-03,168,210\n", options: options)
        let cell = plan.cells["Ana"]![Period.month(2026, 3)!]!
        #expect(cell.available == 1)
        #expect(cell.allocated == 1.25)
    }

    @Test func availabilityComesFromThePeopleSheet() throws {
        var people = PeopleDirectory()
        people.add(.init(name: "Ana Lopez", team: "Ops", email: "ana@x.example", fte: 0.5))
        let plan = try plan("person,Mar 2026\nana@x.example,0.6\n", people: people)
        #expect(plan.people == ["Ana Lopez"])
        #expect(plan.teams["Ana Lopez"] == "Ops")
        #expect(plan.cells["Ana Lopez"]![Period.month(2026, 3)!]!.utilisation == 1.2)
    }

    @Test func aPercentageIsAShareOfThePersonsOwnTime() throws {
        var people = PeopleDirectory()
        people.add(.init(name: "Dan Wu", team: "Ops", email: nil, fte: 0.5))
        let plan = try plan("person,Mar 2026\nDan Wu,50%\n", people: people)
        let cell = plan.cells["Dan Wu"]![Period.month(2026, 3)!]!
        #expect(cell.allocated == 0.25)
        #expect(cell.utilisation == 0.5)
    }

    @Test func unreadableCellsAreFindingsNotZeros() throws {
        let plan = try plan("person,period,allocated\nAna,2026-03,abc\nAna,2026-04,-1\nAna,someday,0.5\n")
        #expect(plan.sheet.findings.map(\.code.name) == ["bad-number", "bad-number", "bad-date"])
        #expect(plan.sheet.allocations.isEmpty)
    }

    @Test func anUnknownUnitIsAnErrorNotAGuess() {
        #expect(throws: ThroughlineError.self) { _ = try plan("person,Jan-26\nAna,120\n") }
    }

    @Test func overAllocatedOwnersPutTheirWorkAtRisk() throws {
        let capacity = try plan("person,period,allocated\nPriya,2026-12,1.3\n")
        let text = "id,type,title,owner,status,start,due\nM1,milestone,Beta,Priya,Green,2026-10-01,2027-01-31\nM2,milestone,Docs,Ben,Green,2026-10-01,2027-01-31\n"
        let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: "t.csv"), conventions: .builtIn)
        let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: "t.csv")
        let loaded = try LoadedTracker(sources: [ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)], conventions: .builtIn)
        let analysis = TrackerAnalysis(loaded, settings: RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!), people: PeopleDirectory(),
                                       conventions: .builtIn, capacity: capacity)
        #expect(analysis.derivation.results[0].status == .atRisk)
        #expect(analysis.derivation.reason(0) == "M1 owner Priya is allocated 130% in 2026-12")
        #expect(analysis.derivation.results[1].status == .onTrack)
        #expect(analysis.findings().contains { $0.code == .unstaffed && $0.owner == "Ben" })
    }
}

/// An unclosed quote below a capacity sheet's header is located by the header's name.
@Test func anUnclosedQuoteInACapacitySheetIsNamedByItsHeader() {
    var text = "person,period,allocated\n"
    for index in 0..<40 { text += index == 35 ? "Ana,2026-03,\"0.5\n" : "P\(index),2026-03,0.5\n" }
    #expect(throws: ThroughlineError.data(SourceLocation(file: "c.csv", line: 37, column: "allocated"),
                                          "unclosed quote: the quoted cell that opens here never closes before the end of the file",
                                          hint: "a cell that starts with \" must end with \"; write a quote inside a quoted cell as \"\"")) {
        _ = try plan(text)
    }
}
