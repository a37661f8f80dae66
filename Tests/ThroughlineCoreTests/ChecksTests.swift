import Testing
@testable import ThroughlineCore

/// One check case: a few rows (beneath an objective O with a key result KR owned by Ana), the item looked at, the
/// code, and whether the item must carry it.
struct CheckCase: CustomTestStringConvertible, Sendable {
    let name: String
    let rows: [[String: String]]
    let id: String
    let code: String
    let present: Bool
    var testDescription: String { "\(present ? "" : "no ")\(code): \(name)" }

    static let columns = ["id", "type", "title", "parent", "owner", "team", "status", "progress", "start", "due", "forecast", "updated",
                          "depends-on", "notes", "target", "actual", "baseline"]

    /// The sheet: the objective and key result, then the case's rows; every cell not given is empty.
    var text: String {
        let base: [[String: String]] = [
            ["id": "O", "type": "objective", "title": "Grow", "owner": "Ana Lopez", "status": "Green"],
            ["id": "KR", "type": "key result", "title": "Reach", "parent": "O", "owner": "Ana Lopez", "status": "Green"],
        ]
        return ([Self.columns.joined(separator: ",")] + (base + rows).map { row in
            Self.columns.map { column in
                let cell = row[column] ?? ""
                return cell.contains(",") ? "\"\(cell)\"" : cell
            }.joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}

/// Every check of SPEC 5 (but the capacity ones), as of 2026-11-21: a case that raises it and one that must not.
@Suite struct ChecksTests {
    static func task(_ id: String = "T", _ extra: [String: String] = [:]) -> [String: String] {
        ["id": id, "type": "task", "title": "Task \(id)", "parent": "KR", "owner": "Ben Okafor", "status": "Green", "due": "2026-12-31"]
            .merging(extra) { $1 }
    }

    static let cases: [CheckCase] = [
        CheckCase(name: "empty owner", rows: [task("T", ["owner": ""])], id: "T", code: "no-owner", present: true),
        CheckCase(name: "a person", rows: [task()], id: "T", code: "no-owner", present: false),
        CheckCase(name: "a team", rows: [task("T", ["owner": "Platform Team"])], id: "T", code: "team-owner", present: true),
        CheckCase(name: "a department", rows: [task("T", ["owner": "Finance Dept"])], id: "T", code: "team-owner", present: true),
        CheckCase(name: "two people", rows: [task("T", ["owner": "Ana, Ben"])], id: "T", code: "shared-owner", present: true),
        CheckCase(name: "one person", rows: [task()], id: "T", code: "shared-owner", present: false),
        // Ownership is asked of every row, closed or open.
        CheckCase(name: "empty owner, done", rows: [task("T", ["owner": "", "status": "Done"])], id: "T", code: "no-owner", present: true),
        CheckCase(name: "empty owner, cancelled", rows: [task("T", ["owner": "", "status": "Cancelled", "notes": "dropped"])], id: "T",
                  code: "no-owner", present: true),
        CheckCase(name: "a team, on hold", rows: [task("T", ["owner": "Platform Team", "status": "On hold"])], id: "T", code: "team-owner", present: true),
        CheckCase(name: "two people, done", rows: [task("T", ["owner": "Ana and Ben", "status": "Complete"])], id: "T", code: "shared-owner", present: true),
        CheckCase(name: "no parent", rows: [task("T", ["parent": ""])], id: "T", code: "orphan", present: true),
        CheckCase(name: "under a key result", rows: [task()], id: "T", code: "orphan", present: false),
        CheckCase(name: "nothing beneath", rows: [], id: "KR", code: "no-work", present: true),
        CheckCase(name: "a task beneath", rows: [task()], id: "KR", code: "no-work", present: false),
        CheckCase(name: "only work beneath",
                  rows: [["id": "O2", "type": "objective", "title": "Other", "owner": "Ana Lopez"], task("T", ["parent": "O2"])],
                  id: "O2", code: "no-kpi", present: true),
        CheckCase(name: "a key result beneath", rows: [task()], id: "O", code: "no-kpi", present: false),
        CheckCase(name: "past due", rows: [task("T", ["due": "2026-11-01"])], id: "T", code: "overdue", present: true),
        CheckCase(name: "past due but done", rows: [task("T", ["due": "2026-11-01", "status": "Done"])], id: "T", code: "overdue", present: false),
        CheckCase(name: "forecast after due", rows: [task("T", ["forecast": "2027-01-20"])], id: "T", code: "forecast-slip", present: true),
        CheckCase(name: "forecast before due", rows: [task("T", ["forecast": "2026-12-20"])], id: "T", code: "forecast-slip", present: false),
        CheckCase(name: "not started 20 days on", rows: [task("T", ["status": "Not started", "start": "2026-11-01"])], id: "T", code: "late-start", present: true),
        CheckCase(name: "within the grace", rows: [task("T", ["status": "Not started", "start": "2026-11-18"])], id: "T", code: "late-start", present: false),
        CheckCase(name: "nothing typed, no progress", rows: [task("T", ["status": "", "start": "2026-11-01"])], id: "T", code: "late-start", present: false),
        CheckCase(name: "nothing typed, 0%", rows: [task("T", ["status": "", "progress": "0%", "start": "2026-11-01"])], id: "T", code: "late-start", present: true),
        CheckCase(name: "10% at two thirds", rows: [task("T", ["progress": "10%", "start": "2026-09-01"])], id: "T", code: "behind-pace", present: true),
        CheckCase(name: "60% at two thirds", rows: [task("T", ["progress": "60%", "start": "2026-09-01"])], id: "T", code: "behind-pace", present: false),
        CheckCase(name: "updated 81 days ago", rows: [task("T", ["updated": "2026-09-01"])], id: "T", code: "stale", present: true),
        CheckCase(name: "updated last week", rows: [task("T", ["updated": "2026-11-15"])], id: "T", code: "stale", present: false),
        CheckCase(name: "typed blocked", rows: [task("T", ["status": "Blocked"])], id: "T", code: "blocked", present: true),
        CheckCase(name: "typed blocked and overdue", rows: [task("T", ["status": "Blocked", "due": "2026-11-10"])], id: "T", code: "blocked", present: true),
        CheckCase(name: "a parent typed blocked", rows: [task("I", ["type": "initiative", "status": "Blocked"]), task("M", ["parent": "I"])],
                  id: "I", code: "blocked", present: true),
        CheckCase(name: "waits for overdue work", rows: [task("X", ["due": "2026-11-01"]), task("T", ["depends-on": "X"])], id: "T", code: "blocked", present: true),
        CheckCase(name: "typed blocked but done", rows: [task("T", ["status": "Blocked", "progress": "100%"])], id: "T", code: "blocked", present: false),
        CheckCase(name: "waits for late work", rows: [task("X", ["due": "2026-11-01"]), task("T", ["depends-on": "X"])], id: "T", code: "dependency-late", present: true),
        CheckCase(name: "waits for later work", rows: [task("X", ["due": "2027-02-01"]), task("T", ["depends-on": "X"])], id: "T", code: "dependency-late", present: true),
        CheckCase(name: "waits for earlier work", rows: [task("X", ["due": "2026-12-01"]), task("T", ["depends-on": "X"])], id: "T", code: "dependency-late", present: false),
        CheckCase(name: "waits for overdue work forecast before it", rows: [task("X", ["due": "2026-11-01", "forecast": "2026-12-01"]), task("T", ["depends-on": "X"])],
                  id: "T", code: "dependency-late", present: true),
        CheckCase(name: "waits for work past its forecast", rows: [task("X", ["due": "2027-01-31", "forecast": "2026-11-10"]), task("T", ["due": "2027-02-28", "depends-on": "X"])],
                  id: "T", code: "dependency-late", present: true),
        CheckCase(name: "another team", rows: [task("X", ["team": "Ops"]), task("T", ["team": "Growth", "depends-on": "X"])],
                  id: "T", code: "cross-team-dependency", present: true),
        CheckCase(name: "the same team", rows: [task("X", ["team": "Growth"]), task("T", ["team": "growth", "depends-on": "X"])],
                  id: "T", code: "cross-team-dependency", present: false),
        CheckCase(name: "done at 50%", rows: [task("T", ["status": "Done", "progress": "50%"])], id: "T", code: "done-but-open", present: true),
        CheckCase(name: "done over open work", rows: [task("I", ["type": "initiative", "status": "Done"]), task("M", ["parent": "I"])],
                  id: "I", code: "done-but-open", present: true),
        CheckCase(name: "done over a child typed done over open work", rows: [task("I", ["type": "initiative", "status": "Done"]),
                                                                               task("W", ["type": "workstream", "parent": "I", "status": "Done"]),
                                                                               task("M", ["parent": "W", "due": "2026-11-01"])],
                  id: "I", code: "done-but-open", present: true),
        CheckCase(name: "done over done and cancelled work", rows: [task("I", ["type": "initiative", "status": "Done"]),
                                                                     task("M", ["parent": "I", "status": "Done"]), task("N", ["parent": "I", "status": "Cancelled"])],
                  id: "I", code: "done-but-open", present: false),
        CheckCase(name: "typed done over open work, past its due", rows: [task("I", ["type": "initiative", "status": "Done", "due": "2026-10-31"]),
                                                                            task("M", ["parent": "I"])],
                  id: "I", code: "overdue", present: false),
        CheckCase(name: "done at 100%", rows: [task("T", ["status": "Done", "progress": "100%"])], id: "T", code: "done-but-open", present: false),
        CheckCase(name: "cancelled, no note", rows: [task("T", ["status": "Cancelled"])], id: "T", code: "abandoned-without-reason", present: true),
        CheckCase(name: "cancelled with a note", rows: [task("T", ["status": "Cancelled", "notes": "merged into T2"])], id: "T",
                  code: "abandoned-without-reason", present: false),
        CheckCase(name: "green but overdue", rows: [task("T", ["due": "2026-11-01"])], id: "T", code: "watermelon", present: true),
        CheckCase(name: "red and overdue", rows: [task("T", ["due": "2026-11-01", "status": "Red"])], id: "T", code: "watermelon", present: false),
        CheckCase(name: "typed done over overdue work", rows: [task("I", ["type": "initiative", "status": "Done"]), task("M", ["parent": "I", "due": "2026-11-01"])],
                  id: "I", code: "watermelon", present: true),
        CheckCase(name: "typed done over open work on track", rows: [task("I", ["type": "initiative", "status": "Done"]), task("M", ["parent": "I"])],
                  id: "I", code: "watermelon", present: false),
        CheckCase(name: "typed done over done work", rows: [task("I", ["type": "initiative", "status": "Done"]), task("M", ["parent": "I", "status": "Done"])],
                  id: "I", code: "watermelon", present: false),
        CheckCase(name: "far below target", rows: [task("K", ["type": "key result", "start": "2026-01-01", "baseline": "0", "target": "100", "actual": "10"])],
                  id: "K", code: "kpi-off-target", present: true),
        CheckCase(name: "target met", rows: [task("K", ["type": "key result", "start": "2026-01-01", "baseline": "0", "target": "100", "actual": "100"])],
                  id: "K", code: "kpi-off-target", present: false),
    ]

    @Test(arguments: cases)
    func check(_ test: CheckCase) throws {
        let analysis = try analyse(test.text)
        #expect(analysis.codes(test.id).contains(test.code) == test.present, "\(analysis.codes(test.id).sorted())")
    }

    @Test func aParentBlockedByItsChildSaysSo() throws {
        var settings = RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!)
        settings.rule = .worst
        let analysis = try analyse(CheckCase(name: "", rows: [Self.task("I", ["type": "initiative"]), Self.task("M", ["parent": "I", "status": "Blocked"])],
                                             id: "I", code: "blocked", present: true).text, settings: settings)
        let finding = analysis.findings().first { $0.code == .blocked && $0.id == "I" }
        #expect(finding?.message == "blocked beneath: I blocked <- M typed blocked")
    }

    @Test func dataFindingsNameTheRowsOwnerAndColumn() throws {
        let text = "ID,Title,Owner,Due,RAG\nT1,One,Ben Okafor,31/02/2026,Purple\nT1,Two,Ana Lopez,2026-12-01,Green\n"
        let findings = try analyse(text).findings()
        let badDate = findings.first { $0.code == .badDate }
        #expect(badDate?.owner == "Ben Okafor")
        #expect(badDate?.location.column == "Due")
        #expect(findings.first { $0.code == .unknownStatus }?.owner == "Ben Okafor")
        let duplicate = findings.first { $0.code == .duplicateID }
        #expect(duplicate?.location.line == 3)
        #expect(duplicate?.location.column == "ID")
        #expect(duplicate?.owner == "Ana Lopez")
    }

    @Test func dependencyLateSaysWhichDateIsLate() throws {
        let overdue = try analyse(CheckCase(name: "", rows: [Self.task("X", ["due": "2026-11-01", "forecast": "2026-12-01"]), Self.task("T", ["depends-on": "X"])],
                                            id: "T", code: "dependency-late", present: true).text)
        #expect(overdue.findings().first { $0.code == .dependencyLate }?.message == "waits for X, which was due 2026-11-01 and is not done")
        let later = try analyse(CheckCase(name: "", rows: [Self.task("X", ["due": "2026-12-01", "forecast": "2027-01-15"]), Self.task("T", ["depends-on": "X"])],
                                          id: "T", code: "dependency-late", present: true).text)
        #expect(later.findings().first { $0.code == .dependencyLate }?.message == "waits for X, forecast for 2027-01-15, after this item's own due date 2026-12-31")
    }

    @Test func raggedRowsNameTheirItem() throws {
        let findings = try analyse("ID,Title,Owner\nT1,One,Ben Okafor,extra\n").findings()
        let ragged = findings.first { $0.code == .raggedRow }
        #expect(ragged?.id == "T1")
        #expect(ragged?.owner == "Ben Okafor")
        #expect(ragged?.location.column == "D")
        #expect(ragged?.message == "row has 4 cells, the header has 3: cell D has no header")
    }

    @Test func aSelfDependencyIsLocatedAtTheDependencyCell() throws {
        let cycle = try analyse("ID,Title,Owner,Blocked By\nT1,One,Ben Okafor,T1\n").findings().first { $0.code == .dependencyCycle }
        #expect(cycle?.location == SourceLocation(file: "t.csv", line: 2, column: "Blocked By"))
        #expect(cycle?.message == "T1 depends on itself")
    }

    /// A ragged row is located at the first cell it lacks, by its header, or the first it has past the header.
    @Test(arguments: [
        ("T1,One", "Owner", "row has 2 cells, the header has 4: no cell under Owner and the 1 column after it"),
        ("T1", "Title", "row has 1 cell, the header has 4: no cell under Title and the 2 columns after it"),
        ("T1,One,Ben Okafor,Green,x,y", "E", "row has 6 cells, the header has 4: cells E to F have no header"),
    ])
    func raggedRowsSayWhichCells(_ row: String, _ column: String, _ message: String) throws {
        let ragged = try analyse("ID,Title,Owner,Status\n\(row)\n").findings().first { $0.code == .raggedRow }
        #expect(ragged?.location.column == column)
        #expect(ragged?.message == message)
    }

    /// Two sheets read out of name order: findings are listed file by file in name order, then by line, then in the
    /// catalogue's order, a row's cell findings beside what the checks find on it; asking for some codes keeps that order.
    @Test func findingsAreListedByFileThenLineThenCode() throws {
        func source(_ text: String, _ file: String) throws -> ImportSource {
            let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: file), conventions: .builtIn)
            let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: file)
            return ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)
        }
        let later = "id,type,title,objective,owner,status,due,updated\nO1,objective,Goal,,Ana,Green,2026-12-31,2026-11-20\n"
            + "T1,task,Late,O1,,Zorg,2026-11-01,2026-01-01\nT3,task,Fine,O1,Ana,Green,2026-12-01,2026-11-20\n"
        let earlier = "id,type,title,objective,owner,due\nT2,task,Other,O9,Platform Team,2026-10-01\n"
        let loaded = try LoadedTracker(sources: [try source(later, "b.csv"), try source(earlier, "a.csv")], conventions: .builtIn)
        let analysis = TrackerAnalysis(loaded, settings: RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!), people: PeopleDirectory(),
                                       conventions: .builtIn)
        let listed = analysis.findings().map { "\($0.location.file):\($0.location.line ?? 0) \($0.code.name)" }
        #expect(listed == ["a.csv:2 unknown-reference", "a.csv:2 team-owner", "a.csv:2 orphan", "a.csv:2 overdue",
                           "b.csv:2 no-kpi", "b.csv:2 watermelon", "b.csv:3 unknown-status", "b.csv:3 no-owner", "b.csv:3 overdue", "b.csv:3 stale"])
        var owners: [String] = []
        analysis.forEachFinding(where: { $0 == .sharedOwner }) { owners.append($0.code.name) }
        #expect(owners.isEmpty, "team-owner is found by the same check as shared-owner, and must not come with it")
        var some: [String] = []
        analysis.forEachFinding(where: { $0 == .overdue || $0 == .unknownStatus }) { some.append("\($0.location.file):\($0.location.line ?? 0) \($0.code.name)") }
        #expect(some == ["a.csv:2 overdue", "b.csv:3 unknown-status", "b.csv:3 overdue"])
    }

    /// `annotate` keeps a row's codes as one bit each of a 64-bit word.
    @Test func theCodesFitInAWord() {
        #expect(FindingCode.all.count <= 64)
        #expect(Set(FindingCode.all.map { FindingCode.rank(of: $0) }) == Set(FindingCode.all.indices))
    }

    @Test func everyCheckHasACase() {
        let covered = Set(Self.cases.filter(\.present).map(\.code))
        let checked = Set(Check.all.map(\.code.name) + ["shared-owner"])
        #expect(checked.subtracting(covered).isEmpty, "no case raises \(checked.subtracting(covered).sorted())")
    }
}
