import Testing
@testable import ThroughlineCore

/// Reads a tracker given as CSV text and derives it as of 2026-11-21 (unless other settings are given).
func analyse(_ text: String, settings: RollupSettings = RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!)) throws -> TrackerAnalysis {
    let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: "t.csv"), conventions: .builtIn)
    let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: "t.csv")
    let loaded = try LoadedTracker(sources: [ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)], conventions: .builtIn)
    return TrackerAnalysis(loaded, settings: settings, people: PeopleDirectory(), conventions: .builtIn)
}

extension TrackerAnalysis {
    func status(_ id: String) -> Status? {
        derivation.portfolio.items.firstIndex { $0.id == id }.map { derivation.results[$0].status }
    }
    func reason(_ id: String) -> String {
        derivation.portfolio.items.firstIndex { $0.id == id }.map { derivation.reason($0) } ?? ""
    }
    func codes(_ id: String) -> Set<String> {
        Set(findings().filter { $0.id == id }.map(\.code.name))
    }
}

struct LeafCase: CustomTestStringConvertible, Sendable {
    let row: String
    let expected: Status
    let reason: String
    var testDescription: String { row }
}

@Suite struct DerivationTests {
    static let header = "id,type,title,status,progress,start,due,forecast,depends-on,owner\n"

    /// SPEC 4's leaf rules in order, as of 2026-11-21.
    static let leaves: [LeafCase] = [
        .init(row: "M,milestone,x,Cancelled,,,2026-01-01,,,Ana", expected: .cancelled, reason: "M typed cancelled"),
        .init(row: "M,milestone,x,On hold,,,2026-01-01,,,Ana", expected: .onHold, reason: "M typed on-hold"),
        .init(row: "M,milestone,x,Done,,,2026-01-01,,,Ana", expected: .done, reason: "M done"),
        .init(row: "M,milestone,x,Green,100%,,2026-01-01,,,Ana", expected: .done, reason: "M progress 100%"),
        .init(row: "M,milestone,x,Green,50%,,2026-11-12,,,Ana", expected: .offTrack, reason: "M overdue 9 days (due 2026-11-12)"),
        .init(row: "M,milestone,x,Blocked,,,2026-12-31,,,Ana", expected: .blocked, reason: "M typed blocked"),
        .init(row: "M,milestone,x,Green,50%,2026-10-01,2026-12-31,2027-01-10,,Ana", expected: .atRisk,
              reason: "M forecast 2027-01-10 is 10 days after due 2026-12-31"),
        .init(row: "M,milestone,x,Green,50%,2026-10-01,2026-12-31,2027-03-31,,Ana", expected: .offTrack,
              reason: "M forecast 2027-03-31 is 90 days after due 2026-12-31, more than 50% of the 91 days planned"),
        .init(row: "M,milestone,x,Green,50%,2026-10-01,2026-12-31,2027-02-10,,Ana", expected: .atRisk,
              reason: "M forecast 2027-02-10 is 41 days after due 2026-12-31"),
        .init(row: "M,milestone,x,Not started,,2026-11-01,2026-12-31,,,Ana", expected: .atRisk,
              reason: "M not started 20 days after its start (2026-11-01)"),
        .init(row: "M,milestone,x,,0%,2026-11-01,2026-12-31,,,Ana", expected: .atRisk,
              reason: "M not started 20 days after its start (2026-11-01)"),
        // Green over 0% is not begun all the same (round 21), once the grace period is over.
        .init(row: "M,milestone,x,Green,0%,2026-11-01,2026-12-31,,,Ana", expected: .atRisk,
              reason: "M not started 20 days after its start (2026-11-01)"),
        .init(row: "M,milestone,x,Green,0%,2026-11-18,2026-12-31,,,Ana", expected: .onTrack, reason: "M typed on-track"),
        // Nothing typed, no progress: nothing says it has not started.
        .init(row: "M,milestone,x,,,2026-11-01,2026-12-31,,,Ana", expected: .onTrack, reason: "M no status typed"),
        .init(row: "M,milestone,x,Green,10%,2026-09-01,2026-12-31,,,Ana", expected: .atRisk,
              reason: "M progress 10% trails 67% of time elapsed"),
        .init(row: "M,milestone,x,Amber,60%,2026-09-01,2026-12-31,,,Ana", expected: .atRisk, reason: "M typed at-risk"),
        .init(row: "M,milestone,x,,60%,2026-09-01,2026-12-31,,,Ana", expected: .onTrack, reason: "M no status typed"),
        .init(row: "M,milestone,x,see notes,60%,2026-09-01,2026-12-31,,,Ana", expected: .onTrack, reason: "M status typed is not understood (unknown-status)"),
    ]

    @Test(arguments: leaves)
    func leafRules(_ test: LeafCase) throws {
        let analysis = try analyse(Self.header + test.row + "\n")
        #expect(analysis.status("M") == test.expected)
        #expect(analysis.reason("M") == test.reason)
    }

    /// Rule 4 (blocked by a dependency) comes after overdue (3) and before a forecast slip (5) and the typed status (6):
    /// typed Red or slipping badly, an item that waits for late work is blocked by it; overdue, it is off-track.
    @Test(arguments: [
        ("B,milestone,b,Red,,,2026-12-31,,A,Ana", Status.blocked, "B blocked (waits for A) <- A overdue 20 days (due 2026-11-01)"),
        ("B,milestone,b,Green,,2026-11-01,2026-12-01,2027-06-30,A,Ana", .blocked, "B blocked (waits for A) <- A overdue 20 days (due 2026-11-01)"),
        ("B,milestone,b,Red,,,2026-11-10,,A,Ana", .offTrack, "B overdue 11 days (due 2026-11-10)"),
        ("B,milestone,b,Blocked,,,2026-12-31,,A,Ana", .blocked, "B blocked (waits for A) <- A overdue 20 days (due 2026-11-01)"),
        ("B,milestone,b,Done,,,2026-12-31,,A,Ana", .done, "B done"),
    ])
    func aDependencyBlocksAfterOverdueAndBeforeTheRest(_ row: String, _ expected: Status, _ reason: String) throws {
        let analysis = try analyse(Self.header + "A,milestone,a,Green,,,2026-11-01,,,Ana\n" + row + "\n")
        #expect(analysis.status("B") == expected)
        #expect(analysis.reason("B") == reason)
    }

    @Test func dependencyOffTrackBlocks() throws {
        let analysis = try analyse(Self.header + "A,milestone,a,Green,,,2026-11-01,,,Ana\nB,milestone,b,Green,,,2026-12-31,,A,Ana\n")
        #expect(analysis.status("B") == .blocked)
        #expect(analysis.reason("B") == "B blocked (waits for A) <- A overdue 20 days (due 2026-11-01)")
        #expect(analysis.codes("B").isSuperset(of: ["blocked", "dependency-late", "watermelon"]))
    }

    /// A key result that only measures (KPI values, no work beneath) gives its objective an impact status and nothing
    /// else: the objective's delivery status and progress are its work's, as they would be without the KPI.
    @Test func aMeasureOnlyKeyResultIsLeftOutOfDelivery() throws {
        let text = """
            id,type,title,parent,status,progress,start,due,baseline,target,actual,direction
            O1,objective,With KPI,,,,,2027-03-31,,,,
            K1,kpi,Readmissions,O1,,,2026-01-01,2026-12-31,10,5,9,down
            W1,workstream,Work A,O1,,,,2027-03-31,,,,
            M1,milestone,Thing A,W1,On track,50,2026-09-01,2026-11-01,,,,
            O2,objective,Without KPI,,,,,2027-03-31,,,,
            W2,workstream,Work B,O2,,,,2027-03-31,,,,
            M2,milestone,Thing B,W2,On track,50,2026-09-01,2026-11-01,,,,
            O3,objective,Only a KPI,,Green,,,2027-03-31,,,,
            K3,key result,Uptime,O3,,,2026-01-01,2026-12-31,99,99.9,99.95,up
            """ + "\n"
        let analysis = try analyse(text)
        let results = analysis.derivation.results
        let index = { (id: String) in analysis.derivation.portfolio.items.firstIndex { $0.id == id }! }
        #expect(analysis.status("O1") == .offTrack && analysis.status("O2") == .offTrack)
        #expect(results.progress(index("O1")) == 50 && results.progress(index("O2")) == 50)
        #expect(results.impact(index("O1")) == .atRisk)
        #expect(analysis.reason("O1") == "O1 off-track <- W1 off-track <- M1 overdue 20 days (due 2026-11-01)")
        // With no work beneath, the objective is judged by its own row; the KPI still gives its impact.
        #expect(analysis.reason("O3") == "O3 typed on-track" && results.impact(index("O3")) == .onTrack)
    }

    /// A key result that only measures but whose own dates put it in trouble (past due, a slip) speaks for delivery by
    /// its status: an objective is not on track over an overdue key result. Its 0% is still no progress of the work.
    @Test func aMeasureOnlyKeyResultInTroubleCountsForDelivery() throws {
        let text = """
            id,type,title,parent,status,progress,start,due,forecast,baseline,target,actual,depends-on
            O1,objective,Only a late KPI,,,,,2027-03-31,,,,,
            K1,key result,Signups,O1,,,2026-06-01,2026-10-31,,0,100,95,
            O2,objective,Late KPI beside work,,,,,2027-03-31,,,,,
            K2,key result,Signups,O2,,,2026-06-01,2026-12-31,2027-01-15,0,100,50,
            W2,workstream,Work,O2,On track,60,2026-09-01,2027-01-31,,,,,
            O3,objective,KPI on time,,,,,2027-03-31,,,,,
            K3,key result,Signups,O3,,,2026-06-01,2026-12-31,,0,100,95,
            W3,workstream,Work,O3,On track,60,2026-09-01,2027-01-31,,,,,
            O4,objective,KPI met late,,,,,2027-03-31,,,,,
            K4,key result,Signups,O4,,,2026-06-01,2026-10-31,,0,100,120,
            W4,workstream,Work,O4,On track,60,2026-09-01,2027-01-31,,,,,
            O5,objective,Blocked KPI,,,,,2027-03-31,,,,,
            K5,key result,Signups,O5,,,2026-06-01,2026-12-31,,0,100,95,X5
            W5,workstream,Work,O5,On track,60,2026-09-01,2027-01-31,,,,,
            X5,milestone,Late,,,,2026-06-01,2026-10-01,,,,,
            """ + "\n"
        let analysis = try analyse(text)
        let results = analysis.derivation.results
        let index = { (id: String) in analysis.derivation.portfolio.items.firstIndex { $0.id == id }! }
        #expect(analysis.status("O1") == .offTrack)
        #expect(analysis.reason("O1") == "O1 off-track <- K1 overdue 21 days (due 2026-10-31)")
        #expect(analysis.status("O2") == .atRisk)
        #expect(analysis.reason("O2") == "O2 at-risk <- K2 forecast 2027-01-15 is 15 days after due 2026-12-31")
        #expect(results.progress(index("O2")) == 60)
        // On time, it is left out as before: the objective is its work's.
        #expect(analysis.status("O3") == .onTrack && results.progress(index("O3")) == 60)
        #expect(analysis.reason("O3") == "O3 has 1 active child: 1 on-track")
        // Past due with its target met, or in trouble for another reason than its own dates: still left out.
        #expect(analysis.status("K4") == .offTrack && analysis.status("O4") == .onTrack)
        #expect(analysis.reason("O4") == "O4 has 1 active child: 1 on-track")
        #expect(analysis.status("K5") == .blocked && analysis.status("O5") == .onTrack)
    }

    /// A row whose id an earlier row has is named with its line in reasons: it waits for the first row, not for itself.
    @Test func aRepeatedIdIsNamedWithItsLineInReasons() throws {
        let analysis = try analyse(Self.header + "A,milestone,a,Green,,,2026-11-01,,,Ana\nB,milestone,b,Green,,,2026-12-31,,A,Ana\nB,milestone,c,Green,,,2026-12-31,,B,Ana\n")
        let second = try #require(analysis.derivation.portfolio.items.lastIndex { $0.id == "B" })
        #expect(analysis.derivation.reason(second) == "B (line 4) blocked (waits for B) <- B blocked (waits for A) <- A overdue 20 days (due 2026-11-01)")
        #expect(analysis.reason("B") == "B blocked (waits for A) <- A overdue 20 days (due 2026-11-01)")
    }

    /// A sheet that types no objectives rolls up its top-level items, and says so rather than calling them objectives.
    @Test func topLevelItemsStandingInForObjectivesAreCalledSo() throws {
        let flat = try analyse(Self.header + "A,milestone,a,Green,,,2026-11-01,,,Ana\nB,milestone,b,Done,,,2026-12-31,,,Ana\n")
        let report = RollupReport(flat.derivation, grouping: .objective, depth: 0)
        #expect(report.topLevelItems && report.rows.count == 2)
        let table = RollupRenderer.render(report, format: .table, style: TerminalStyle(colour: false))
        #expect(table.hasPrefix("Rollup of top-level items (no objectives typed) as of 2026-11-21"))
        #expect(table.hasSuffix("\n2 top-level items: 1 off-track, 1 done\n"))
        let typed = try analyse(Self.tree)
        let objectives = RollupRenderer.render(RollupReport(typed.derivation, grouping: .objective, depth: 0), format: .table, style: TerminalStyle(colour: false))
        #expect(objectives.hasPrefix("Rollup by objective as of 2026-11-21") && objectives.hasSuffix("\n1 objective: 1 at-risk\n"))
    }

    /// "The goal turns amber when one initiative stalls", under each rule.
    static let tree = """
        id,type,title,parent,status,due,weight,owner
        O,objective,Goal,,Green,2026-12-31,,Ana
        I1,initiative,One,O,Green,2026-12-31,,Ana
        I2,initiative,Two,O,Green,2026-12-31,,Ana
        I3,initiative,Three,O,Green,2026-12-31,,Ana
        M1,milestone,Stalled,I1,Green,2026-11-12,,Ana
        M2,milestone,Fine,I2,Green,2026-12-20,,Ana
        M3,milestone,Fine,I3,Done,2026-10-01,,Ana

        """

    @Test(arguments: [(ParentRule.escalate, Status.atRisk), (.worst, .offTrack), (.average, .atRisk)])
    func parentRules(_ rule: ParentRule, _ expected: Status) throws {
        var settings = RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!)
        settings.rule = rule
        let analysis = try analyse(Self.tree, settings: settings)
        #expect(analysis.status("I1") == (rule == .escalate ? .offTrack : .offTrack))
        #expect(analysis.status("O") == expected)
        #expect(analysis.reason("O").hasSuffix("M1 overdue 9 days (due 2026-11-12)"))
    }

    @Test func escalateShareMakesTheParentOffTrack() throws {
        let text = Self.tree.replacingAll("I2,initiative,Two,O,Green,2026-12-31,,Ana", with: "I2,initiative,Two,O,Green,2026-12-31,3,Ana")
            .replacingAll("M2,milestone,Fine,I2,Green,2026-12-20", with: "M2,milestone,Late,I2,Green,2026-11-01")
        let analysis = try analyse(text)
        #expect(analysis.status("O") == .offTrack)
    }

    @Test func theReasonFollowsTheChildOverTheWorstLeaf() throws {
        // Both initiatives are at risk: I1 over a task behind pace (and weighs more), I2 over an overdue milestone.
        let text = """
            id,type,title,parent,status,progress,start,due,weight
            O,objective,Goal,,,,,,
            I1,initiative,Slow,O,,,,,3
            T1,task,Behind,I1,Green,10%,2026-01-01,2026-12-31,
            I2,initiative,Late,O,,,,,1
            M2,milestone,Overdue,I2,Green,50%,2026-01-01,2026-11-12,
            M3,milestone,Fine,I2,Green,95%,2026-01-01,2026-12-31,

            """
        let analysis = try analyse(text)
        #expect(analysis.status("O") == .atRisk)
        #expect(analysis.reason("O") == "O at-risk <- I2 at-risk <- M2 overdue 9 days (due 2026-11-12)")
        // With the same leaf beneath both, the heavier child explains it, as before.
        let even = try analyse(text.replacingAll("M2,milestone,Overdue,I2,Green,50%,2026-01-01,2026-11-12", with: "M2,milestone,Slow too,I2,Green,10%,2026-01-01,2026-12-31"))
        #expect(even.reason("O").hasPrefix("O at-risk <- I1 at-risk <- T1 progress 10%"))
    }

    @Test func aParentIsJudgedByItsChildrenNotItsOwnProgressCell() throws {
        let text = "id,type,title,parent,start,due,forecast,progress,status\nO1,objective,Obj,,2026-01-01,2026-12-31,2026-12-31,,\nI1,initiative,Init,O1,2026-01-01,2026-12-31,,95%,Green\n"
        let analysis = try analyse(text)
        #expect(analysis.status("O1") == .onTrack)
        #expect(!analysis.codes("O1").contains("behind-pace"))
    }

    @Test func noProgressTypedMeansNoPaceFinding() throws {
        let analysis = try analyse("id,type,title,start,due,status\nM1,milestone,m,2026-01-01,2026-12-31,Green\n")
        #expect(!analysis.codes("M1").contains("behind-pace"))
    }

    /// SPEC 4: a parent's status comes from its children alone. Its own late dates and what it waits for are
    /// findings (`overdue`, `forecast-slip`, `dependency-late`), not its status; its children's are its status.
    @Test func aParentIsDerivedFromItsChildrenAlone() throws {
        let text = """
            id,type,title,parent,due,forecast,depends-on,status
            X,initiative,x,,2026-11-01,,,Green
            I1,initiative,i,,2026-12-31,,X,Green
            M1,milestone,m,I1,2026-12-15,2027-01-05,,Green
            I2,initiative,late itself,,2026-11-01,2026-12-20,,Green
            M2,milestone,on time,I2,2026-12-15,,,Green
            I3,initiative,waits,,2026-12-31,,X,Green
            M3,milestone,waits too,I3,2026-12-15,,X,Green

            """
        let analysis = try analyse(text)
        #expect(analysis.status("I1") == .atRisk)
        #expect(analysis.reason("I1") == "I1 at-risk <- M1 forecast 2027-01-05 is 21 days after due 2026-12-15")
        #expect(analysis.codes("I1").contains("dependency-late"))
        #expect(analysis.status("I2") == .onTrack)
        #expect(analysis.codes("I2").isSuperset(of: ["overdue", "forecast-slip"]))
        // A child that waits for late work is blocked, and its parent, all of whose work that is, off-track through it.
        #expect(analysis.status("M3") == .blocked)
        #expect(analysis.reason("I3") == "I3 off-track <- M3 blocked (waits for X) <- X overdue 20 days (due 2026-11-01)")
    }

    @Test func objectivesNamedButWithoutRowsAreObjectivesAllTheSame() throws {
        let text = "id,title,strategic priority,owner,status,due,forecast\nI1,Launch,Grow revenue,Ana,Green,2026-12-31,\nI2,Pricing,grow  revenue,Ben,Green,2026-12-31,2027-01-20\nI3,Survey,Retain,Cy,Green,2026-12-31,\n"
        let analysis = try analyse(text)
        #expect(analysis.implicitObjectives == ["Grow revenue", "Retain"])
        let report = RollupReport(analysis.derivation, grouping: .objective, depth: 0)
        #expect(report.rows.map(\.derivedStatus) == [.atRisk, .onTrack])
        #expect(report.rows[0].reason == "Grow revenue at-risk <- I2 forecast 2027-01-20 is 20 days after due 2026-12-31")
        #expect(!analysis.findings().contains { $0.code == .orphan || $0.code == .unknownReference || $0.location.line == 0 })
    }

    /// A row another row names as its objective is an objective, type column or not; where the sheet has such rows, a
    /// name that is no row's is an unknown reference with a "did you mean", not an objective of its own.
    @Test func rowsNamedAsObjectivesAreObjectives() throws {
        let text = "id,title,goal,owner,status,due\nG1,Lift activation,,Ana,Green,2026-12-31\nT1,Checklist,Lift activation,Ben,Green,2026-12-01\nT2,Invites,Lift Activaton,Cy,Green,2026-12-01\n"
        let analysis = try analyse(text)
        #expect(analysis.implicitObjectives.isEmpty)
        #expect(analysis.derivation.portfolio.items[0].type == .objective)
        #expect(analysis.codes("G1") == ["no-kpi"])
        #expect(analysis.codes("T2") == ["unknown-reference", "orphan"])
        let unknown = analysis.findings().first { $0.code == .unknownReference }
        #expect(unknown?.message == "objective 'Lift Activaton' names no item in the sheet; did you mean 'Lift activation'?")
        let report = RollupReport(analysis.derivation, grouping: .objective, depth: 0)
        #expect(report.rows.map(\.id) == ["G1"])
        // A name that is a typed initiative's title says nothing of where the objectives are: the others stay objectives.
        let typed = try analyse("id,type,title,objective\nI1,initiative,Self-serve billing,Grow revenue\nI2,initiative,Retention,Cut churn\nM1,milestone,Launch,Self-serve billing\n")
        #expect(typed.implicitObjectives == ["Grow revenue", "Cut churn"])
        #expect(!typed.findings().contains { $0.code == .unknownReference })
    }

    /// An outline sheet: each row is the deepest level it fills, under the item its shallower cell names, else under
    /// the last row above at a shallower level; a new objective starts its key results and initiatives afresh.
    @Test func anOutlineSheetPlacesEachRowUnderTheRowAboveIt() throws {
        let text = """
            Objective,Key Result,Task,Owner
            Grow,,,Ana
            ,Reach 40m,,Ana
            ,,Playbook,Ben
            ,,Partners,Cy
            Retain,,,Dev
            ,,Survey,Eve
            Grow,Lift NRR,Pricing,Fay
            ,,Bundles,Gus
            """ + "\n"
        let analysis = try analyse(text)
        let items = analysis.derivation.portfolio.items
        #expect(items.map(\.type) == [.objective, .keyResult, .task, .task, .objective, .task, .task, .task])
        #expect(items.map(\.title) == ["Grow", "Reach 40m", "Playbook", "Partners", "Retain", "Survey", "Pricing", "Bundles"])
        let parent = { (title: String) in analysis.derivation.portfolio.parent[items.firstIndex { $0.title == title }!].map { items[$0].title } }
        #expect(parent("Reach 40m") == "Grow")
        #expect(parent("Playbook") == "Reach 40m")
        #expect(parent("Partners") == "Reach 40m")
        // Under Retain, no key result: Survey sits under the objective itself.
        #expect(parent("Survey") == "Retain")
        // Pricing's row names its key result, which has no row of its own: an unknown reference, not a guess.
        #expect(analysis.findings().contains { $0.code == .unknownReference && $0.message.hasPrefix("parent 'Lift NRR'") })
        // Bundles follows the names on the row above it.
        #expect(items[7].parentReference == "Lift NRR")
        // Where every row fills its Task, the sheet is flat: one task a row, under the names beside it.
        let flat = try analyse("Objective,Key Result,Task,Owner\nGrow,Reach 40m,Playbook,Ben\nGrow,Reach 40m,Partners,Cy\nGrow,,Survey,Eve\n")
        #expect(flat.derivation.portfolio.items.filter { !$0.isImplicit }.map(\.title) == ["Playbook", "Partners", "Survey"])
        // A sheet with a title column is no outline.
        #expect(try analyse("Objective,Key Result,Initiative Name\nGrow,,Playbook\n").derivation.portfolio.items.first?.title == "Playbook")
    }

    /// Azure DevOps' tree query puts each title in the column of its depth; the type column still gives the types.
    @Test func numberedTitleColumnsAreAnOutline() throws {
        let text = "ID,Work Item Type,Title 1,Title 2,Title 3,State\n1,Epic,Payments,,,Active\n2,Feature,,Vault,,Active\n3,User Story,,,Tokens,Closed\n4,Feature,,Refunds,,New\n"
        let items = try analyse(text).derivation.portfolio.items
        #expect(items.map(\.title) == ["Payments", "Vault", "Tokens", "Refunds"])
        #expect(items.map(\.type) == [.initiative, .workstream, .task, .workstream])
        #expect(items.map(\.parentReference) == ["", "1", "2", "1"])
        // Numbers with a gap, or beside a title column, are kept as they are.
        #expect(try analyse("ID,Title 1,Title 3\n1,A,\n2,,B\n").derivation.portfolio.items.map(\.title) == ["", ""])
        #expect(try analyse("ID,Title,Title 1,Title 2\n1,A,x,\n").derivation.portfolio.items.map(\.title) == ["A"])
    }

    /// With no parent column, WBS numbers give the hierarchy, as the id or beside one: `1.1.2` under `1.1`, a missing
    /// level skipped; numbers with no dot, or a parent column, leave it alone.
    @Test func wbsNumbersPlaceEachRowUnderItsParent() throws {
        let own = try analyse("WBS,Task Name,Finish\n1,Grow,2026-12-18\n1.1,Partners,2026-12-01\n1.1.2,Portal,2026-09-30\n1.3.1,Pricing,2026-12-11\n2,Retain,2026-12-18\n2.1,Survey,2026-12-04\n")
        #expect(own.derivation.portfolio.items.map(\.parentReference) == ["", "1", "1.1", "1", "", "2"])
        #expect(own.status("1") == .atRisk)
        #expect(own.reason("1") == "1 at-risk <- 1.1 off-track <- 1.1.2 overdue 52 days (due 2026-09-30)")
        #expect(!own.findings().contains { $0.code == .unknownReference })
        let beside = try analyse("ID,WBS,Name\n1,1,Grow\n2,1.1,Partners\n3,1.1.1,Portal\n4,2,Retain\n5,2.1,Survey\n")
        #expect(beside.derivation.portfolio.items.map(\.parentReference) == ["", "1", "2", "", "4"])
        #expect(beside.derivation.portfolio.children[0].map { beside.derivation.portfolio.items[$0].title } == ["Partners"])
        // No dot anywhere: plain ids. A parent column: the sheet says.
        #expect(try analyse("WBS,Name\n1,Grow\n2,Retain\n").derivation.portfolio.items.map(\.parentReference) == ["", ""])
        #expect(try analyse("WBS,Name,Parent\n1,Grow,\n1.1,Partners,\n2,Retain,1\n").derivation.portfolio.items.map(\.parentReference) == ["", "", "1"])
    }

    /// With no parent column, outline levels give the hierarchy: a row sits under the last row above at a shallower level.
    @Test func outlineLevelsPlaceEachRowUnderTheRowAbove() throws {
        let text = "ID,Outline Level,Name\n1,1,Grow\n2,2,Partners\n3,3,Portal\n4,3,Contracts\n5,2,Pricing\n6,1,Retain\n7,3,Survey\n"
        let analysis = try analyse(text)
        #expect(analysis.derivation.portfolio.items.map(\.parentReference) == ["", "1", "2", "2", "1", "", "6"])
        #expect(analysis.derivation.portfolio.items.allSatisfy { $0.type == nil })
        // Without ids, the parent is named by its title.
        #expect(try analyse("Level,Name\n0,Grow\n1,Partners\n").derivation.portfolio.items.map(\.parentReference) == ["", "Grow"])
        // One level only is no outline.
        #expect(try analyse("Level,Name\n1,Grow\n1,Retain\n").derivation.portfolio.items.map(\.parentReference) == ["", ""])
    }

    /// A merged objective cell exports its value on the group's first row only: the blanks below repeat it, so late work
    /// under it is not an orphan and turns its objective. A sheet that repeats its values, or whose blank rows name a
    /// parent, is read as typed.
    @Test func blanksUnderAMergedObjectiveCellRepeatTheCellAbove() throws {
        let text = """
            Strategic Pillar,Initiative,Owner,Status,Due Date
            Grow revenue,Partner program,Ana,Green,2026-12-18
            ,Enterprise pricing,Ben,Amber,2026-12-11
            ,Reseller onboarding,Cy,Green,2026-10-30
            Reduce churn,Onboarding revamp,Dev,Green,2026-12-20
            ,Health scores,Eve,Green,2027-01-30
            """ + "\n"
        let analysis = try analyse(text)
        let items = analysis.derivation.portfolio.items.filter { !$0.isImplicit }
        #expect(items.map(\.objectiveReference) == ["Grow revenue", "Grow revenue", "Grow revenue", "Reduce churn", "Reduce churn"])
        #expect(!analysis.findings().contains { $0.code == .orphan })
        let grow = analysis.derivation.portfolio.items.firstIndex { $0.title == "Grow revenue" }!
        #expect(analysis.derivation.results[grow].status == .atRisk)
        #expect(analysis.derivation.reason(grow).hasSuffix("Reseller onboarding overdue 22 days (due 2026-10-30)"))
        // A value named twice: blanks are orphans, as typed.
        let repeated = try analyse("Pillar,Initiative\nGrow,A\n,B\n,C\nGrow,D\n")
        #expect(repeated.derivation.portfolio.items.filter { !$0.isImplicit }.map(\.objectiveReference) == ["Grow", "", "", "Grow"])
        // Blank rows that name their parent are not filled.
        let parented = try analyse("ID,Objective,Parent,Title\nI1,Grow,,Partners\nT1,,I1,Portal\nT2,,I1,Contracts\nI2,Retain,,Survey\n")
        #expect(parented.derivation.portfolio.items.filter { !$0.isImplicit }.map(\.objectiveReference) == ["Grow", "", "", "Retain"])
        // A parent column whose rows name their parents once each, beside rows that name their objective: no merged cell.
        let named = try analyse("Key,Level,Title,Goal,Parent\nO1,Objective,Grow,,\nKR1,Key Result,MQLs,,O1\nI1,Initiative,Webinars,,MQLs\nI2,Initiative,Paid,Grow,\nI3,Initiative,SEO,O1,\n")
        #expect(named.derivation.portfolio.items.map(\.parentReference) == ["", "O1", "MQLs", "", ""])
        // An objective row ends the group above it.
        let typed = try analyse("Type,Objective,Title\nInitiative,Grow,A\nInitiative,,B\nInitiative,,C\nObjective,,Retain\nInitiative,,D\n")
        #expect(typed.derivation.portfolio.items.filter { !$0.isImplicit }.map(\.objectiveReference) == ["Grow", "Grow", "Grow", "", ""])
    }

    /// Asana's `Completed At` beside a `Status` column: a blank status with a completion date is done; a status typed
    /// stands, and an unticked box or an empty cell says nothing.
    @Test func aCompletionDateBesideABlankStatusIsDone() throws {
        let text = "Task ID,Completed At,Name,Due Date,Status\n1,2026-11-10,Survey,2026-11-10,\n2,2026-11-10,Script,2026-11-10,In progress\n3,,Tour,2026-11-10,\n4,no,Email,2026-11-10,\n"
        let analysis = try analyse(text)
        #expect(["1", "2", "3", "4"].map { analysis.status($0) } == [.done, .offTrack, .offTrack, .offTrack])
        #expect(!analysis.codes("1").contains("overdue"))
    }

    /// By team, a row with no team counts under its owner's team in the people sheet, else under the team above it.
    @Test func byTeamFillsMissingTeamsFromPeopleThenFromAbove() throws {
        let text = """
            id,type,title,parent,owner,team,status,due
            O,objective,Grow,,Ana,Sales,Green,2026-12-31
            I,initiative,Build,O,Ben,Platform,Green,2026-12-31
            M1,milestone,Data,I,Cy,,Green,2026-12-31
            M2,milestone,Ship,I,Di,,Green,2026-10-31

            """
        var people = PeopleDirectory()
        people.add(.init(name: "Cy", team: "Data", email: nil, fte: 1))
        let report = RollupReport(try analyse(text).derivation, grouping: .team, depth: 1, people: people)
        #expect(report.topRows.map(\.title) == ["Sales", "Platform", "Data"])
        // M2 counts under Platform through I, once; M1 under Data.
        #expect(report.rows.map { $0.level == 0 ? "/" + $0.title : $0.id } == ["/Sales", "O", "/Platform", "I", "/Data", "M1"])
        #expect(report.topRows[1].reason.hasSuffix("M2 overdue 21 days (due 2026-10-31)"))
    }

    @Test func aDateColumnWithoutEvidenceIsNotReadInTheSheetsOrder() throws {
        // due proves month-first; forecast's one date reads both ways, so it is not read (and says which order due has).
        let text = "id,type,title,parent,due,forecast\nO1,objective,Grow,,12/31/2026,\nM1,milestone,Legal,O1,6/30/2026,7/1/2026\n"
        let analysis = try analyse(text, settings: RollupSettings(asOf: CalendarDate(year: 2026, month: 5, day: 1)!))
        #expect(analysis.reason("M1") == "M1 no status typed")
        let finding = try #require(analysis.dataFindings.first { $0.code == .ambiguousDate })
        #expect(finding.location.column == "forecast")
        #expect(finding.message.hasSuffix("the sheet's other date columns are month first: give --date-order mdy to read it so"))
    }

    @Test func progressRollsUpByWeight() throws {
        let text = "id,type,title,parent,progress,weight,due\nO,objective,Goal,,,,2026-12-31\nA,initiative,a,O,20%,3,2026-12-31\nB,initiative,b,O,100%,1,2026-12-31\n"
        let analysis = try analyse(text)
        let index = analysis.derivation.portfolio.items.firstIndex { $0.id == "O" }!
        #expect(analysis.derivation.results[index].progress == 40)
    }

    /// A child weighing 0 counts for nothing in its parent's progress and shares (though, in trouble, it still makes the
    /// parent at risk under `escalate`); children that all weigh 0 count the same.
    @Test func childrenWeighingNothing() throws {
        let text = """
            id,type,title,parent,status,progress,weight,due
            O,objective,Goal,,,,,2026-12-31
            A,initiative,a,O,Green,80%,1,2026-12-31
            B,initiative,b,O,Green,20%,0,2026-01-01
            P,objective,Goal 2,,,,,2026-12-31
            C,initiative,c,P,Green,80%,0,2026-12-31
            D,initiative,d,P,Green,20%,0,2026-12-31

            """
        let analysis = try analyse(text)
        let results = analysis.derivation.results, items = analysis.derivation.portfolio.items
        let o = items.firstIndex { $0.id == "O" }!, p = items.firstIndex { $0.id == "P" }!
        #expect(results[o].progress == 80 && results[o].status == .atRisk)
        #expect(results[p].progress == 50 && results[p].status == .onTrack)
        #expect(!analysis.codes("B").contains("bad-number"))
    }

    @Test func cancelledWorkIsLeftOutOfRollups() throws {
        let text = "id,type,title,parent,status,due,notes\nO,objective,Goal,,Green,2026-12-31,\nA,initiative,a,O,Cancelled,2026-01-01,\nB,initiative,b,O,Green,2026-12-31,\n"
        let analysis = try analyse(text)
        #expect(analysis.status("O") == .onTrack)
        #expect(analysis.codes("A").contains("abandoned-without-reason"))
        #expect(analysis.reason("O") == "O has 1 active child: 1 on-track")
        // With all its work cancelled or on hold, the goal stands on its own cells, and its reason says why.
        let idle = try analyse(text.replacingAll("B,initiative,b,O,Green", with: "B,initiative,b,O,On hold"))
        #expect(idle.status("O") == .onTrack)
        #expect(idle.reason("O") == "O typed on-track, with no active work beneath (1 cancelled, 1 on-hold)")
        #expect(idle.codes("O").contains("no-work"))
    }

    /// The Thursday test: one milestone's forecast slips and the objective above it turns at-risk, naming that milestone.
    @Test func thursdayTest() throws {
        let before = """
            id,type,title,parent,status,start,due,forecast,owner
            O1,objective,Self-serve onboarding,,Green,2026-01-01,2026-12-31,,Ana
            I1,initiative,Guided onboarding,O1,Green,2026-06-01,2026-12-31,,Priya
            M1,milestone,Beta live,I1,Green,2026-10-01,2026-12-15,,Priya
            M2,milestone,Docs,I1,Green,2026-10-01,2026-12-20,,Ben

            """
        #expect(try analyse(before).status("O1") == .onTrack)
        let after = before.replacingAll("M1,milestone,Beta live,I1,Green,2026-10-01,2026-12-15,,", with: "M1,milestone,Beta live,I1,Green,2026-10-01,2026-12-15,2027-01-08,")
        let analysis = try analyse(after)
        #expect(analysis.status("O1") == .atRisk)
        #expect(analysis.reason("O1") == "O1 at-risk <- I1 at-risk <- M1 forecast 2027-01-08 is 24 days after due 2026-12-15")
        #expect(analysis.derivation.portfolio.items[analysis.derivation.rootCause(0)].id == "M1")
        #expect(analysis.codes("M1").contains("forecast-slip"))
        #expect(analysis.codes("O1").contains("watermelon"))
    }

    /// Directions as OKR tools write their metric types.
    @Test(arguments: [("Increase to", KPIDirection.up), ("Maintain above", .up), ("At least", .up), ("Decrease to", .down),
                      ("Maintain below", .down), ("at most", .down), ("higher", .up), ("↓", .down)])
    func kpiDirectionWords(_ typed: String, _ expected: KPIDirection) {
        #expect(KPIDirection(typed: typed) == expected)
    }

    @Test func kpiImpactIsSeparateFromDelivery() throws {
        let text = """
            id,type,title,parent,status,start,due,baseline,target,actual,unit,direction
            O,objective,Goal,,Green,2026-01-01,2026-12-31,,,,,
            KR,key-result,Churn,O,Green,2026-01-01,2026-12-31,2.4,1.8,2.7,%,down
            I,initiative,Work,KR,Green,2026-01-01,2026-12-31,,,,,

            """
        let analysis = try analyse(text)
        let index = analysis.derivation.portfolio.items.firstIndex { $0.id == "O" }!
        #expect(analysis.derivation.results[index].status == .onTrack)
        #expect(analysis.derivation.results[index].impact == .offTrack)
        #expect(analysis.derivation.impactReason(index) == "O off-track <- KR actual 2.7% vs target 1.8% (baseline 2.4%, lower is better): worse than baseline")
        #expect(analysis.codes("KR").contains("kpi-off-target"))
    }

    @Test(arguments: [
        ("1.2", "1.4", "1.35", Status.onTrack), ("1.2", "1.4", "1.25", .atRisk), ("1.2", "1.4", "1.1", .offTrack), ("1.2", "1.4", "1.5", .onTrack),
    ])
    func kpiPacing(_ baseline: String, _ target: String, _ actual: String, _ expected: Status) throws {
        // Halfway through the period: 1.3 is the paced expectation.
        let text = "id,type,title,start,due,baseline,target,actual\nKR,key-result,x,2026-01-01,2027-09-10,\(baseline),\(target),\(actual)\n"
        let analysis = try analyse(text)
        #expect(analysis.derivation.results[0].impact == expected)
    }

    /// A key result without dates is paced over its objective's; with no dates above it either, it is only short of target.
    @Test func kpiPacingBorrowsTheObjectivesPeriod() throws {
        let text = """
            id,type,title,parent,start,due,baseline,target,actual
            O,objective,Goal,,2026-01-01,2027-09-10,,,
            KR,key-result,x,O,,,1.2,1.4,1.25
            P,objective,Other,,,,,,
            KR2,key-result,y,P,,,1.2,1.4,1.35

            """
        let analysis = try analyse(text)
        let kr = analysis.derivation.portfolio.items.firstIndex { $0.id == "KR" }!
        #expect(analysis.derivation.results[kr].impact == .atRisk)
        #expect(analysis.derivation.impactReason(kr).hasSuffix("behind pace (expected 1.31 by now, paced over O's dates)"))
        let kr2 = analysis.derivation.portfolio.items.firstIndex { $0.id == "KR2" }!
        #expect(analysis.derivation.results[kr2].impact == .atRisk)
        #expect(analysis.derivation.impactReason(kr2).hasSuffix("short of target (no start and due date to pace it by)"))
    }

    /// A parent's impact follows --rule as its delivery does: one bad KPI of four is at-risk on average, off-track at worst.
    @Test(arguments: [(ParentRule.average, 0.8, Status.atRisk), (.average, 0.7, .onTrack), (.worst, 0.8, .offTrack), (.escalate, 0.8, .atRisk)])
    func parentImpactFollowsTheRule(_ rule: ParentRule, _ atRisk: Double, _ expected: Status) throws {
        var header = "id,type,title,parent,baseline,target,actual\nO,objective,Goal,,,,\nK1,key-result,a,O,10,20,5\n"
        for index in 2...4 { header += "K\(index),key-result,b,O,10,20,25\n" }
        var settings = RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!)
        settings.rule = rule
        settings.averageAtRisk = atRisk
        let analysis = try analyse(header, settings: settings)
        #expect(analysis.derivation.results[0].impact == expected)
        #expect(analysis.derivation.impactReason(0).contains("K1"))
    }

    /// Notion writes a relation as the title and its link; Microsoft Project and Smartsheet a predecessor with its type and lag.
    @Test func referencesWithALinkOrALagNameTheirItem() throws {
        let text = """
            id,type,title,parent,depends-on
            1,initiative,Website Revamp,,
            2,milestone,Design,Website Revamp (https://www.notion.so/Website-Revamp-0850abc),
            3,milestone,Build,1,2FS+2 days
            4,milestone,Test,1,"3SS -1d; 2FF"
            5,milestone,Ship,1,9FS

            """
        let analysis = try analyse(text)
        let portfolio = analysis.derivation.portfolio
        #expect(portfolio.parent[1] == 0)
        #expect(Array(portfolio.dependencies[2]) == [1])
        #expect(Array(portfolio.dependencies[3]) == [2, 1])
        // A predecessor that names no row is still unknown, said as typed.
        #expect(analysis.findings().filter { $0.code == .unknownReference }.map(\.message) == ["depends-on '9FS' names no item in the sheet"])
        #expect(ReferenceResolver.bareReference("Alpha (draft)") == nil)
        #expect(ReferenceResolver.bareReference("CFS") == "C")
        #expect(ReferenceResolver.bareReference("Ship FS") == nil)
    }

    /// In a sheet with no ids, Smartsheet's predecessors name rows by number: `2` and `2FS +2d` are the second row.
    @Test func inASheetWithoutIdsANumberNamesARow() throws {
        let text = "Task Name,Predecessors,Due\nBuild,,2026-11-01\nConnectors,1FS +2d,2026-12-01\nRollout,2,2026-12-20\nRunbook,99,2026-12-20\n"
        let analysis = try analyse(text)
        let dependencies = analysis.derivation.portfolio.dependencies
        #expect(Array(dependencies[1]) == [0])
        #expect(Array(dependencies[2]) == [1])
        #expect(dependencies[3].isEmpty)
        #expect(analysis.findings().filter { $0.code == .unknownReference }.map(\.message) == ["depends-on '99' names no item in the sheet"])
        // A blank row is a row: 4 is Build, below it.
        let blank = try analyse("Task Name,Predecessors,Due\nLaunch,,2026-12-31\nDesign,,2026-11-01\n,,\nBuild,2,2026-12-01\nTest,4FS +2d,2026-12-20\n")
        let blankItems = blank.derivation.portfolio.items
        #expect(blank.derivation.portfolio.dependencies[3].map { blankItems[$0].title } == ["Build"])
        // With ids, a number is an id like any other.
        let withIDs = try analyse("id,title,depends-on\nA,Build,\nB,Connectors,1\n")
        #expect(withIDs.derivation.portfolio.dependencies[1].isEmpty)
    }

    /// In GitHub Projects' export the ids are the rows' links in short form: the Parent issue names them so, a
    /// dependency by the link itself or by the issue's number alone; a number no issue has is unknown.
    @Test func issueReferencesNameTheIssuesOfASheetWhoseIdsAreLinks() throws {
        let text = """
            Title,URL,Status,Parent issue,Blocked by,Target date
            Release,https://github.com/acme/widget/issues/1,In Progress,,,2026-12-01
            Auth,https://github.com/acme/widget/issues/2,In Progress,acme/widget#1,,2026-12-01
            Tokens,https://github.com/acme/widget/issues/3,Todo,acme/widget#2,#2,2026-12-01
            Sessions,https://github.com/acme/widget/pull/4,Todo,acme/widget#2,https://github.com/acme/widget/issues/3,2026-12-01
            Docs,,Todo,acme/widget#1,3; 99,2026-12-01

            """
        let analysis = try analyse(text)
        let portfolio = analysis.derivation.portfolio
        #expect(portfolio.items.map(\.id) == ["acme/widget#1", "acme/widget#2", "acme/widget#3", "acme/widget#4", ""])
        #expect((0..<5).map { portfolio.parent[$0] } == [nil, 0, 1, 1, 0])
        #expect((0..<5).map { Array(portfolio.dependencies[$0]) } == [[], [], [1], [2], [2]])
        #expect(analysis.findings().filter { $0.code == .unknownReference }.map(\.message) == ["depends-on '99' names no item in the sheet"])
        // A sheet with ids of its own: a number stays an id like any other.
        let withIDs = try analyse("id,title,depends-on\nA#1,Build,\nB,Connectors,#1\n")
        #expect(withIDs.derivation.portfolio.dependencies[1].isEmpty)
    }

    /// Where no item gives its progress, progress is not known, done work's included: no 0% a reader would take for a
    /// fact, no parent at 100% for its done children alone. Where some do, work with none typed counts as not begun.
    @Test func progressIsUnknownInASheetThatGivesNone() throws {
        let none = try analyse("id,type,title,parent,status\nO1,objective,Grow,,\nI1,initiative,Push,O1,Green\nI2,initiative,Ship,O1,Done\n")
        #expect(none.derivation.results.map(\.progress) == [nil, nil, nil])
        let some = try analyse("id,type,title,parent,status,progress\nO1,objective,Grow,,,\nI1,initiative,Push,O1,Green,\nI2,initiative,Ship,O1,,50%\n")
        #expect(some.derivation.results.map(\.progress) == [25, 0, 50])
    }

    @Test func referencesResolveByTitleAndSuggestOnTypos() throws {
        let text = "id,type,title,parent,objective\nO1,objective,Grow Revenue,,\nI1,initiative,Pricing,,  grow   revenue \nI2,initiative,Other,I9,\n"
        let analysis = try analyse(text)
        #expect(analysis.derivation.portfolio.parent[1] == 0)
        let unknown = analysis.findings().first { $0.code == .unknownReference }
        #expect(unknown?.message == "parent 'I9' names no item in the sheet; did you mean 'I1'?")
        #expect(unknown?.location == SourceLocation(file: "t.csv", line: 4, column: "parent"))
        // A remark in brackets after the name, as a Trello label carries its colour: the name without it is meant.
        let labelled = try analyse("id,type,title,objective\nO1,objective,Faster checkout,\nT1,task,Pay button,Faster checkout (green)\n")
        #expect(labelled.findings().first { $0.code == .unknownReference }?.message
                == "objective 'Faster checkout (green)' names no item in the sheet; did you mean 'Faster checkout'?")
        // The other way round: a title with a remark, named without it (here in Notion's form, with its link).
        let remarked = try analyse("id,type,title,objective\nO1,objective,Localize pricing pages (DE/FR),\n"
                                   + "T1,task,FAQ,Localize pricing pages (https://www.notion.so/Localize-pricing-pages-8c1f)\n")
        #expect(remarked.findings().first { $0.code == .unknownReference }?.message
                == "objective 'Localize pricing pages (https://www.notion.so/Localize-pricing-pages-8c1f)' names no item in the sheet; "
                + "did you mean 'Localize pricing pages (DE/FR)'?")
    }

    /// SPEC 2: titles match ignoring case and spaces, so a space more or less still names the item; an objective named
    /// without a row of its own is one objective however its name is spaced.
    /// A relation to two objectives in one cell puts the work under the first and says so; a list with a piece that
    /// names nothing is suggested for piece by piece.
    @Test func aCellListingSeveralObjectivesUsesTheFirst() throws {
        let text = "id,type,title,objective,status,due\nO1,objective,Grow revenue,,Green,2026-12-31\nO2,objective,Reduce churn,,Green,2026-12-31\n"
            + "T1,task,Emails,\"Grow revenue,Reduce churn\",Green,2026-11-01\nT2,task,Pricing,\"Grow revenu; Reduce churn\",Green,2026-12-01\n"
            + "O3,objective,\"Win 1,200 leads\",,Green,2026-12-31\nT3,task,Ads,\"Win 1,200 lead\",Green,2026-12-01\n"
        let analysis = try analyse(text)
        #expect(analysis.status("O1") == .offTrack && analysis.status("O2") == .onTrack)
        let findings = analysis.findings()
        #expect(findings.first { $0.id == "T1" && $0.code == .ambiguousReference }?.message
                == "objective 'Grow revenue,Reduce churn' names 2 items; the first, O1, is used: an item has one objective")
        #expect(findings.first { $0.id == "T2" && $0.code == .unknownReference }?.message
                == "objective 'Grow revenu; Reduce churn' names no item in the sheet; did you mean 'Grow revenue', 'Reduce churn'?")
        // A comma inside a title is no list: the suggestion is for the whole.
        #expect(findings.first { $0.id == "T3" && $0.code == .unknownReference }?.message
                == "objective 'Win 1,200 lead' names no item in the sheet; did you mean 'Win 1,200 leads'?")
    }

    @Test func referencesByTitleIgnoreSpaces() throws {
        let text = "id,type,title,parent,objective\nO1,objective,Lift renewals to 92%,,\nI1,initiative,Faster checkout,,Lift renewals to 92 %\nM1,milestone,Step,Fastercheckout,\n"
        let analysis = try analyse(text)
        #expect(!analysis.findings().contains { $0.code == .unknownReference || $0.code == .orphan })
        #expect(analysis.derivation.portfolio.parent[1] == 0)
        #expect(analysis.derivation.portfolio.parent[2] == 1)
        let flat = try analyse("id,title,objective\nA,a,Lift renewals to 92%\nB,b,Lift renewals to 92 %\n")
        #expect(flat.derivation.portfolio.items.filter { $0.type == .objective }.map(\.title) == ["Lift renewals to 92%"])
    }

    /// Suggestions measure plain ASCII from its bytes, with one buffer for every candidate: the same distances as the
    /// strings' in lower case, a longer candidate after a shorter one included.
    @Test func editDistanceFromBytesIsTheStringsDistance() {
        var rows: [Int] = []
        let pairs = [("grow revenue", "Grow Revnue"), ("in-07", "IN 07"), ("kitten", "SITTING"), ("a", ""), ("", "abc"), ("ws-000001", "WS-000010"),
                     ("metering pipeline: kick-off", "M-0000001"), ("abc", "xyz")]
        for limit in [1, 3, 100] {
            for (typed, candidate) in pairs {
                var candidate = candidate
                let fromBytes = candidate.withUTF8 { EditDistance.between(lowered: Array(typed.utf8), ascii: $0, limit: limit, rows: &rows) }
                #expect(fromBytes == EditDistance.between(typed, candidate.lowercased(), limit: limit), "\(typed) / \(candidate), limit \(limit)")
            }
        }
    }

    /// An id typed with other separators is not taken for an id (SPEC 2 loosens titles, not ids), but it is the one
    /// suggested, before an id one letter away.
    @Test func anIDTypedWithOtherSeparatorsIsSuggested() throws {
        let text = "id,type,title,parent\nO1,objective,Grow,\nIN-01,initiative,Other,O1\nIN 07,initiative,Pricing,O1\nM1,milestone,a,in-07\n"
        let unknown = try analyse(text).findings().filter { $0.code == .unknownReference }
        #expect(unknown.map(\.message) == ["parent 'in-07' names no item in the sheet; did you mean 'IN 07'?"])
    }

    /// An orphan says why: nothing named above it, or a name that leads to no objective.
    @Test func anOrphanSaysWhatItsChainNames() throws {
        let text = "id,type,title,parent,objective\nO1,objective,Grow,,\nI1,initiative,Push,,Grwo\nM1,milestone,Step,I1,\nM2,milestone,Alone,,\nI4,initiative,Bare,,\nM5,milestone,Typo,I4,Grwo\n"
        let messages = try analyse(text).findings().filter { $0.code == .orphan }.map { "\($0.id ?? "") \($0.message)" }
        #expect(messages == ["I1 serves no objective: it names objective 'Grwo', which leads to no objective",
                             "M1 serves no objective: I1 above it names objective 'Grwo', which leads to no objective",
                             "M2 serves no objective: no objective is named on it or on any item above it",
                             "I4 serves no objective: no objective is named on it or on any item above it",
                             "M5 serves no objective: it names objective 'Grwo', which leads to no objective"])
    }

    /// An accent typed as a mark of its own (NFD, as macOS writes names) names the item whose id or title has it
    /// composed (NFC), and the other way round.
    @Test func referencesInAnotherUnicodeFormNameTheirItem() throws {
        let composed = "R\u{E9}f-7", decomposed = "Re\u{301}f-7"
        let text = "id,title,depends on,parent\n\(composed),Caf\u{E9} launch,,\nB,b,\(decomposed),\nC,c,,Cafe\u{301} launch\n"
        let analysis = try analyse(text)
        #expect(!analysis.findings().contains { $0.code == .unknownReference })
        let items = analysis.derivation.portfolio.items
        let b = items.firstIndex { $0.id == "B" }!, c = items.firstIndex { $0.id == "C" }!
        #expect(analysis.derivation.portfolio.dependencies[b].map { items[$0].title } == ["Caf\u{E9} launch"])
        #expect(analysis.derivation.portfolio.parent[c].map { items[$0].title } == "Caf\u{E9} launch")
    }

    @Test func aDependencyOnATitleWithACommaIsOneReference() throws {
        let text = "id,type,title,due,depends-on\nA,task,\"Pricing, packaging\",2026-11-01,\nB,task,Launch,2026-12-31,\"pricing, packaging\"\nC,task,Other,2026-12-31,\"A, B\"\n"
        let analysis = try analyse(text)
        #expect(Array(analysis.derivation.portfolio.dependencies[1]) == [0])
        #expect(analysis.status("B") == .blocked)
        #expect(!analysis.codes("B").contains("unknown-reference"))
        // Where the whole cell names no item, its parts are the references.
        #expect(Array(analysis.derivation.portfolio.dependencies[2]) == [0, 1])
    }

    @Test func aTitleSeveralItemsShareIsReported() throws {
        let text = "id,type,title,parent\nE,initiative,EU,\nU,initiative,US,\nW1,workstream,Phase 1,E\nW2,workstream,Phase 1,U\nT,task,Hiring,Phase 1\n"
        let analysis = try analyse(text)
        let finding = analysis.findings().first { $0.code == .ambiguousReference }
        #expect(finding?.id == "T")
        #expect(finding?.message == "parent 'Phase 1' matches 2 items by title; the first (line 4) is used; name it by id")
    }

    @Test func cyclesAreFindingsNotCrashes() throws {
        let text = "id,type,title,parent,depends-on\nA,task,a,B,C\nB,task,b,A,\nC,task,c,,A\n"
        let analysis = try analyse(text)
        let codes = Set(analysis.findings().map(\.code.name))
        #expect(codes.isSuperset(of: ["hierarchy-cycle", "dependency-cycle"]))
        // Each item on the circle of dependencies says so on its own row; B, off it, does not.
        let circle = analysis.findings().filter { $0.code == .dependencyCycle }
        #expect(circle.map(\.id) == ["A", "C"])
        #expect(circle.map(\.location.line) == [2, 4])
        #expect(Set(circle.map(\.message)) == ["these items wait for each other in a circle: A, C"])
    }

    @Test func aLongCircleNamesItsFirstItemsAndCountsTheRest() throws {
        let rows = (1...20).map { "T\($0),task,t\($0),T\($0 % 20 + 1)" }.joined(separator: "\n")
        let circle = try analyse("id,type,title,depends-on\n" + rows + "\n").findings().filter { $0.code == .dependencyCycle }
        #expect(circle.count == 20)
        #expect(circle.first?.message == "these items wait for each other in a circle: T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, … (20 items)")
    }

    @Test func aDependencyCircleStillRollsUpToItsParents() throws {
        // M2 and M3 wait for each other; their initiative and objective must still be judged by them.
        let text = """
        ID,Type,Title,Parent,Owner,Status,% Complete,Due,Depends On
        O1,Objective,Goal,,Ana Silva,Green,,2026-12-31,
        I1,Initiative,A,O1,Ben Cole,Green,,2026-12-20,
        M1,Milestone,A1,I1,Ben Cole,Green,60%,2026-11-10,
        I2,Initiative,B,O1,Dan Eve,Green,,2026-12-20,
        M2,Milestone,B1,I2,Dan Eve,Green,80%,2026-11-01,M3
        M3,Milestone,B2,I2,Dan Eve,Green,80%,2026-12-10,M2

        """
        let analysis = try analyse(text)
        #expect(analysis.status("M2") == .offTrack)
        #expect(analysis.status("M3") == .blocked)
        #expect(analysis.status("I2") == .offTrack)
        #expect(analysis.status("O1") == .offTrack)
        #expect(analysis.derivation.results[0].progress == 70)
        #expect(analysis.codes("M2").contains("dependency-cycle"))
        #expect(analysis.codes("I2").contains("watermelon"))
        #expect(analysis.codes("O1").contains("watermelon"))
    }

    @Test func aCircleIsBrokenOnItselfNotAtWorkWaitingForIt() throws {
        // Z waits for A, which waits in a circle with B; A is overdue. Z comes first in the sheet but is not on the circle.
        let text = "id,type,title,due,depends-on\nZ,task,z,2026-12-31,A\nA,task,a,2026-11-01,B\nB,task,b,2026-12-31,A\n"
        let analysis = try analyse(text)
        #expect(analysis.status("A") == .offTrack)
        #expect(analysis.status("B") == .blocked)
        #expect(analysis.status("Z") == .blocked)
        #expect(analysis.reason("Z") == "Z blocked (waits for A) <- A overdue 20 days (due 2026-11-01)")
    }

    /// A circle through a parent (W waits for its item L, L for Z, Z for W) is no dependency-cycle; with nothing on it
    /// decided without its dependencies, it is broken at the first item waiting in sheet order: swapping the rows
    /// swaps the outcome.
    @Test(arguments: [
        // L first: judged before Z is known, so it stays on track, and so does W; Z, after W, is its own Red.
        (["L,milestone,l,W,Green,Z", "Z,milestone,z,O1,Red,W"], [("L", Status.onTrack), ("W", .onTrack), ("Z", .offTrack)], "L typed on-track"),
        // Z first: its Red is known before L, which waits for it.
        (["Z,milestone,z,O1,Red,W", "L,milestone,l,W,Green,Z"], [("L", .blocked), ("W", .offTrack), ("Z", .offTrack)], "L blocked (waits for Z) <- Z typed off-track"),
    ])
    func aCircleThroughAParentIsBrokenInSheetOrder(_ rows: [String], _ expected: [(String, Status)], _ reason: String) throws {
        let text = "id,type,title,parent,status,depends-on\nO1,objective,o,,,\nW,workstream,w,O1,Green,\n" + rows.joined(separator: "\n") + "\n"
        let analysis = try analyse(text)
        for (id, status) in expected { #expect(analysis.status(id) == status, "\(id)") }
        #expect(analysis.reason("L") == reason)
        #expect(!analysis.findings().contains { $0.code == .dependencyCycle })
    }

    /// A circle is broken where nothing is lost: at the overdue item, whose status never rests on what it waits
    /// for, so the others read as blocked by it whatever the order of the rows.
    @Test(arguments: [["A", "B", "C"], ["C", "B", "A"], ["B", "A", "C"]])
    func aCircleIsBrokenWhereStatusDoesNotWait(_ order: [String]) throws {
        let rows = ["A": "A,milestone,a,I1,Green,2026-11-30,C", "B": "B,milestone,b,I1,On track,2026-11-15,A",
                    "C": "C,milestone,c,I1,Green,2026-12-15,B"]
        let text = "id,type,title,parent,status,due,depends-on\nI1,initiative,i,,Green,,\n" + order.map { rows[$0]! }.joined(separator: "\n") + "\n"
        let analysis = try analyse(text)
        #expect(analysis.status("B") == .offTrack)
        #expect(analysis.reason("C") == "C blocked (waits for B) <- B overdue 6 days (due 2026-11-15)")
        #expect(analysis.reason("A") == "A blocked (waits for C) <- C blocked (waits for B) <- B overdue 6 days (due 2026-11-15)")
        #expect(analysis.codes("A").contains("dependency-cycle"))
    }

    /// A long chain of dependencies is one link a wave: the waves stop short of it and the order takes the rest, with
    /// the same answer.
    @Test func aLongChainLeavesTheWavesForTheOrder() throws {
        // T0 waits for T1, … T299 is overdue; and a few plain tasks beside it.
        var text = "id,type,title,due,depends-on\n"
        for index in 0..<300 { text += "T\(index),task,t\(index),\(index == 299 ? "2026-11-01" : "2026-12-31"),\(index == 299 ? "" : "T\(index + 1)")\n" }
        for index in 0..<4 { text += "P\(index),task,p\(index),2026-12-31,\n" }
        let analysis = try analyse(text)
        let waves = Derivation.Waves(analysis.derivation.portfolio)
        #expect(waves.later.count < 10)
        #expect(waves.wave.filter { $0 == 0 }.count > 250)
        #expect(analysis.status("T0") == .blocked)
        #expect(analysis.reason("T0").hasSuffix("<- T299 overdue 20 days (due 2026-11-01)"))
        #expect(analysis.derivation.rootCause(0) == 299)
        #expect(analysis.status("P0") == .onTrack)
    }

    @Test func waitingItemsComeBackInSheetOrder() {
        var order = Derivation.SheetOrder()
        for index: Int32 in [9, 3, 7, 1, 8, 3, 0, 12, 5] { order.insert(index) }
        var taken: [Int32] = []
        while let next = order.removeFirst() { taken.append(next) }
        #expect(taken == [0, 1, 3, 3, 5, 7, 8, 9, 12])
        #expect(order.removeFirst() == nil)
    }

    @Test func aParentCircleThroughAnObjectiveIsCutAtTheObjective() throws {
        // Someone typed a parent on the objective: the objective's link is the one to drop, not its key result's.
        let text = "id,type,title,parent,due\nO1,objective,Goal,T1,\nKR1,key result,Reach,O1,\nT1,task,Do,KR1,2026-11-01\n"
        let analysis = try analyse(text)
        let cycle = analysis.findings().first { $0.code == .hierarchyCycle }
        #expect(cycle?.id == "O1")
        #expect(analysis.derivation.portfolio.parent[0] == nil)
        #expect(analysis.derivation.portfolio.parent[1] == 0)
        #expect(analysis.status("O1") == .offTrack)
        #expect(analysis.reason("O1") == "O1 off-track <- KR1 off-track <- T1 overdue 20 days (due 2026-11-01)")
    }

    @Test func workCutOutOfAParentCircleStaysUnderItsObjective() throws {
        // A and B name each other as parent; both serve O1. Cut loose, B goes under O1, and O1 sees the overdue work.
        let text = "id,type,title,objective,parent,due\nO1,objective,Goal,,,2026-12-31\nA,milestone,a,O1,B,2026-10-31\nB,milestone,b,O1,A,2026-12-31\n"
        let analysis = try analyse(text)
        #expect(analysis.derivation.portfolio.parent[2] == 0)
        #expect(analysis.derivation.portfolio.parent[1] == 2)
        #expect(analysis.status("O1") == .offTrack)
        #expect(analysis.reason("O1") == "O1 off-track <- B off-track <- A overdue 21 days (due 2026-10-31)")
        let cycle = analysis.findings().first { $0.code == .hierarchyCycle }
        #expect(cycle?.message == "parents go round in a circle: A -> B -> A; the link from B is ignored; it is placed under its objective O1")
        #expect(!analysis.codes("O1").contains("no-work"))
        // An item that names itself as its parent goes under its objective too.
        let own = try analyse("id,type,title,objective,parent,due\nO1,objective,Goal,,,2026-12-31\nA,task,a,O1,A,2026-10-31\n")
        #expect(own.derivation.portfolio.parent[1] == 0)
        #expect(own.status("O1") == .offTrack)
    }

    @Test func tenThousandDeepHierarchy() throws {
        var text = "id,type,title,parent,status,due\nO,objective,Top,,Green,2026-12-31\n"
        var previous = "O"
        for index in 1...10_000 {
            text += "T\(index),task,t\(index),\(previous),Green,\(index == 10_000 ? "2026-11-01" : "2026-12-31")\n"
            previous = "T\(index)"
        }
        let analysis = try analyse(text)
        #expect(analysis.status("O") == .offTrack)
        #expect(analysis.reason("O").hasSuffix("T10000 overdue 20 days (due 2026-11-01)"))
        let report = RollupReport(analysis.derivation, grouping: .objective, depth: 10_000)
        #expect(report.topRows.count == 1)
        #expect(report.rows.map(\.level) == Array(0...10_000))
        // Every level shown: indentation stops growing at 20 levels, so each format stays about a line a row.
        for format in ReportFormat.allCases {
            let text = RollupRenderer.render(report, format: format, style: TerminalStyle(colour: false))
            #expect(text.contains("T10000"))
            #expect(text.utf8.count < 10_000_000, "\(format): \(text.utf8.count) bytes")
        }
        let json = RollupRenderer.render(report, format: .json, style: TerminalStyle(colour: false))
        let deepest = json.split(separator: "\n").first { $0.contains("\"id\": \"T10000\"") }
        let indent: Int? = deepest?.prefix { $0 == " " }.count
        #expect(indent == 84)
        #expect(json.hasSuffix("]}\n  ]\n}\n"))
    }

    @Test(arguments: [
        ("Ana Lopez", OwnerKind.person), ("Platform Team", .team), ("Finance Dept", .team), ("Marketing & Sales", .team), ("Ops/Infra", .team),
        ("Ana, Ben", .shared(["ana", "ben"])), ("Ana / Ben", .shared(["ana", "ben"])), ("Ana and Ben", .shared(["ana", "ben"])), ("", .nobody),
        ("TBD", .nobody), ("Growth", .team), ("Lopez, Ana", .person), ("Lopez, Ana; Ben", .shared(["lopez, ana", "ben"])),
        ("Lopez, Ana / Ben Ode", .shared(["lopez, ana", "ben ode"])),
        // An address is one mailbox, whatever its domain says; a spreadsheet's error is nobody.
        ("omar.haddad@example.org", .person), ("ana@acme.org, ben@acme.org", .shared(["ana@acme.org", "ben@acme.org"])),
        ("#N/A", .nobody), ("#REF!", .nobody),
        // A GitHub team's handle is a team; two handles are two people. Government units are groups.
        ("@kubernetes/sig-docs-leads", .team), ("@org/team", .team), ("@alice, @bob", .shared(["@alice", "@bob"])), ("@alice", .person),
        ("Commercial Directorate", .team), ("Ministry of Justice", .team), ("HM Treasury", .team), ("Directorate of Estates", .team),
        // A council's departments, joined or with a group word; two people joined the same way stay two people.
        ("Revenues & Benefits", .team), ("Housing Services", .team), ("Estates and Facilities", .team), ("Ana & Ben", .shared(["ana", "ben"])),
        // A post is one accountable person, whatever departments its title names; two posts are two.
        ("DG Rail Services", .person), ("Head of Revenues & Benefits", .person), ("Director, Finance Dept", .person),
        ("Head of Housing & Head of Planning", .shared(["head of housing", "head of planning"])), ("Head Office", .team),
        ("Jane Smith, Director General", .person), ("Omar Haddad, SRO", .person), ("Finance, Director General", .team),
        ("Jane Smith, Omar Haddad", .shared(["jane smith", "omar haddad"])),
        // German, French and Spanish: "and", departments and group words.
        // (Not the Spanish "y": it joins one person's two family names.)
        ("Lena Koch und Paul Wagner", .shared(["lena koch", "paul wagner"])), ("José Ortega y Gasset", .person),
        ("Ana et Luc", .shared(["ana", "luc"])), ("Vertrieb", .team), ("Equipo Digital", .team), ("Équipe Data", .team),
        ("Ressources humaines", .team),
        // Every word a department's (round 28); a given name that is also a short form stays a person.
        ("Finance Ops", .team), ("Data Eng", .team), ("Sales Ops", .team), ("People Ops", .team), ("Product Dev", .team),
        ("Dev Patel", .person), ("Eng", .person), ("Customer Success Ops", .team), ("Human Resources Ops", .team),
    ])
    func ownerKinds(_ owner: String, _ expected: OwnerKind) throws {
        let items = try analyse("id,title,owner,team\nA,a,Ana Lopez,Growth\n").derivation.portfolio.items
        let classifier = OwnerClassifier(items: items, people: PeopleDirectory(), conventions: .builtIn)
        #expect(classifier.classify(owner) == expected)
    }

    /// A sheet that writes its people `Last, First` still does with a department or a full name among its owners; a
    /// pair whose first half opens another owner's name (`Ana` of `Ana Lopez`) is two people.
    @Test(arguments: [
        (["Meier, Hans", "Roth, Eva", "Schäfer, Anna", "Vertrieb"], "Meier, Hans", OwnerKind.person),
        (["Meier, Hans", "Roth, Eva", "Anna Schmidt"], "Roth, Eva", .person),
        (["Meier, Hans", "Roth, Eva", "Koch, Lena; Wagner, Paul"], "Koch, Lena; Wagner, Paul", .shared(["koch, lena", "wagner, paul"])),
        (["Ana, Ben", "Roth, Eva", "Ana Lopez"], "Ana, Ben", .shared(["ana", "ben"])),
        (["Ana, Ben", "Roth, Eva", "Ben"], "Ana, Ben", .shared(["ana", "ben"])),
        (["Ana, Ben", "Roth, Eva", "Ben Ana"], "Ana, Ben", .person),
        // Beside names written whole, a pair of whole names is two people; beside given names alone, so is any pair.
        (["Ana Lopez", "Ben Ode", "Carla Diaz, Dev Patel", "Eve Stone, Finn Moss"], "Carla Diaz, Dev Patel", .shared(["carla diaz", "dev patel"])),
        (["Ana", "Ben", "Carla, Dev", "Eve, Finn"], "Carla, Dev", .shared(["carla", "dev"])),
        (["Ortega y Gasset, José", "Lopez, Ana", "Ode, Ben"], "Lopez, Ana", .person),
    ] as [([String], String, OwnerKind)])
    func lastFirstSheets(_ owners: [String], _ owner: String, _ expected: OwnerKind) {
        let classifier = OwnerClassifier(owners: Set(owners), teams: [], people: PeopleDirectory(), conventions: .builtIn)
        #expect(classifier.classify(owner) == expected)
    }

    /// Each `Last, First` of a list the people sheet knows is one person: `Brennan, Liam; Okoro, Ada` names two.
    @Test func aListOfLastFirstNamesCountsItsPeople() throws {
        let items = try analyse("id,title,owner\nA,a,\"Brennan, Liam; Okoro, Ada\"\n").derivation.portfolio.items
        var people = PeopleDirectory()
        people.add(.init(name: "Liam Brennan", team: nil, email: nil, fte: 1))
        people.add(.init(name: "Okoro, Ada", team: nil, email: nil, fte: 1))
        let classifier = OwnerClassifier(items: items, people: people, conventions: .builtIn)
        #expect(classifier.classify("Brennan, Liam; Okoro, Ada") == .shared(["brennan, liam", "okoro, ada"]))
        #expect(classifier.classify("Brennan, Liam") == .person)
        // Without the people sheet, a list joined with `;` whose every piece is `Last, First` is read so too.
        let unknown = OwnerClassifier(items: items, people: PeopleDirectory(), conventions: .builtIn)
        #expect(unknown.classify("Brennan, Liam; Okoro, Ada") == .shared(["brennan, liam", "okoro, ada"]))
        // The sheet writes its people so: `Brennan, Liam; Ada` is Liam Brennan and Ada.
        #expect(unknown.classify("Brennan, Liam; Ada") == .shared(["brennan, liam", "ada"]))
    }

    /// A sheet that writes its people `Last, First` names one person per cell, also with a name written whole among
    /// them; where a half of a pair is named alone (`Ana`), two names around a comma are two people.
    @Test(arguments: [
        (["Müller, Jörg", "Schmidt, Anna", "van Dijk, Anna Maria", "Platform Team"], true),
        (["Müller, Jörg", "Schmidt, Anna", "Ben Ode"], true),
        (["Müller, Jörg", "Schmidt, Anna", "Jörg"], false),
        (["Ana, Ben", "Ana"], false),
        (["Müller, Jörg"], false),
        (["Müller, Jörg", "Schmidt, Anna and Weber, Lukas"], false),
        (["Ward 2, Jörg", "Schmidt, Anna"], false),
        (["Müller, Jörg", "Schmidt, Anna", "Finance, Ana Lopez"], true),
    ])
    func everyOwnerWrittenLastFirst(_ owners: [String], _ onePersonEach: Bool) throws {
        var text = "id,title,owner\n"
        for (index, owner) in owners.enumerated() { text += "T\(index),t,\"\(owner)\"\n" }
        let analysis = try analyse(text)
        let classifier = OwnerClassifier(items: analysis.derivation.portfolio.items, people: PeopleDirectory(), conventions: .builtIn)
        #expect((classifier.classify("Müller, Jörg") == .person) == onePersonEach)
        #expect(analysis.codes("T0").contains("shared-owner") == !onePersonEach)
        // A department beside a name is a team, however the sheet writes its people.
        #expect(classifier.classify("Finance, Ana Lopez") == .team)
    }

    /// Where the people named alone are written whole, a lone `Okafor, Daniel` is one person the other way round; two
    /// whole names around a comma are still two people, and so are two first names where people go by first names, or
    /// where the first is a given name the sheet writes elsewhere (`Ana Lopez`).
    @Test(arguments: [
        (["Ana Lopez", "Ben Ode", "Cy Dee"], "Okafor, Daniel", true), (["Ana Lopez", "Ben Ode"], "van Dijk, Anna", true),
        (["Ana Lopez", "Ben Ode"], "Daniel Okafor, Ana Lopez", false), (["Ana", "Ben", "Cy"], "Okafor, Daniel", false),
        (["Ana Lopez"], "Okafor, Daniel", false), (["Ana Lopez", "Ben Ode"], "Okafor, Daniel, Lopez", false),
        (["Maya Chen", "Liam Ortiz", "Ana Lopez / Ben Ode"], "Ana, Ben", false),
        // Handles are never a family name and a given one, whoever else the sheet names.
        (["Marta Ruiz", "Jean Picard"], "@alice, @bob", false), (["Marta Ruiz"], "@alice, @bob", false),
    ])
    func aLoneLastFirstAmongWholeNamesIsOnePerson(_ others: [String], _ owner: String, _ onePerson: Bool) throws {
        var text = "id,title,owner\nT,t,\"\(owner)\"\n"
        for (index, other) in others.enumerated() { text += "O\(index),o,\(other)\n" }
        let analysis = try analyse(text)
        #expect(analysis.codes("T").contains("shared-owner") == !onePerson)
    }
}
