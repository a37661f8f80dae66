import Testing
@testable import ThroughlineCore

/// Annotates `text` and returns the output text.
func annotated(_ text: String, file: String = "t.csv", sanitize: Bool = false) throws -> String {
    let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: file), conventions: .builtIn)
    let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: file)
    let loaded = try LoadedTracker(sources: [ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)], conventions: .builtIn)
    let analysis = TrackerAnalysis(loaded, settings: RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!), people: PeopleDirectory(), conventions: .builtIn)
    let sink = MemorySink()
    try SheetAnnotator.annotate(sheet, analysis: analysis, sanitize: sanitize, to: sink)
    return sink.text
}

@Suite struct AnnotateTests {
    static let sheets = [
        "id,type,title,parent,status,due\r\nO1,objective,Goal,,Green,2026-12-31\r\nM1,milestone,Beta,O1,Green,2026-11-12\r\n",
        "Title row\nRef;Name;RAG;Due\n\"A\";\"multi\nline\";G;12/11/2026\n\nB;x;Done;13/11/2026",
        "id,title,status\r\nA,Alpha,Green\r\n,,\r\nB,\"q\"\"uote\",Done\r\n",
    ]

    @Test(arguments: sheets)
    func annotatingTwiceEqualsOnce(_ text: String) throws {
        let once = try annotated(text)
        #expect(try annotated(once) == once)
    }

    @Test(arguments: sheets)
    func everyOriginalLineIsKeptAsAPrefix(_ text: String) throws {
        // Split on bytes: "\r\n" is one Character, so String splitting would not see the line feed.
        let output = Array(try annotated(text).utf8)
        let original = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        let written = output.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(original.count == written.count)
        for (before, after) in zip(original, written) {
            let core = before.last == 0x0D ? before.dropLast() : before[...]
            #expect(after.starts(with: core))
            #expect((before.last == 0x0D) == (after.last == 0x0D))
        }
    }

    /// A ragged sheet is padded so the added columns line up; the padded rows are no longer ragged the second time.
    @Test func raggedRowsArePaddedAndTheirCellsKept() throws {
        let once = try annotated("id,title,status\nA,Alpha,Green,extra\nB\n")
        #expect(once.hasPrefix("id,title,status,,Derived Status,Progress (derived),Findings,Why\nA,Alpha,Green,extra,on-track,,ragged-row;"))
        #expect(once.contains("\nB,,,,on-track,,ragged-row;"))
        let twice = try annotated(once)
        #expect(twice.replacingAll("ragged-row;", with: "") == once.replacingAll("ragged-row;", with: ""))
    }

    @Test func formulaLookingCellsAreNeutralizedInTheAddedColumns() throws {
        let output = try annotated("id,title,status\n=1+1,Sum,Green\n")
        #expect(output.contains("'=1+1 typed on-track"))
        #expect(output.contains("\n=1+1,Sum,Green,"))
        #expect(try annotated("id,title,status\n=1+1,@x,Green\n", sanitize: true).contains("\n'=1+1,'@x,Green,"))
    }
}

@Suite struct DiffTests {
    @Test func changesAreMatchedByIdAcrossColumnOrders() throws {
        let old = try analyse("id,title,owner,status,due\nA,Alpha,Ana,Green,2026-12-01\nB,Beta,Ben,Green,2026-12-31\n")
        let new = try analyse("Due,Status,Owner,Title,ID,Extra\n2026-12-15,Red,Ana,Alpha,A,x\n2026-12-31,Green,Bea,Beta,B,y\n2026-12-31,Green,Cy,Gamma,C,z\n")
        let diff = SnapshotDiff(old: old.derivation, new: new.derivation)
        let kinds = diff.changes.map { "\($0.id):\($0.kind.rawValue):\($0.direction)" }
        #expect(kinds == ["A:status:worse", "A:derived-status:worse", "A:due:later", "B:owner:", "C:added:"])
        #expect(diff.changes.first { $0.kind == .due }?.days == 14)
        #expect(diff.summary == "1 added, 1 typed status change (0 better, 1 worse), 1 derived status change (0 better, 1 worse), 1 due date move (1 later, 0 earlier), 1 owner change")
    }
}

@Suite struct DiffMatchingTests {
    /// An item whose id was retyped (in another case, or anew) is the same item when its id in another case, else its
    /// title, is unique on both sides: one id change, not a removal and an addition.
    @Test func retypedIdsAreMatchedByCaseThenByTitle() throws {
        let old = try analyse("id,title,status\ni-7,Status page,Green\ni-5,JP translation,Green\nA,Twin,Green\nB,Twin,Green\nC,Gone,Green\n")
        let new = try analyse("id,title,status\nI-7,Status page,Green\ni-55,JP translation,Amber\nA2,Twin,Green\nB2,Twin,Green\n")
        let diff = SnapshotDiff(old: old.derivation, new: new.derivation)
        let kinds = diff.changes.map { "\($0.id):\($0.kind.rawValue):\($0.old)>\($0.new)" }
        #expect(kinds == ["I-7:id:i-7>I-7", "i-55:id:i-5>i-55", "i-55:status:on-track>at-risk", "i-55:derived-status:on-track>at-risk",
                          "A2:added:>on-track", "B2:added:>on-track", "A:removed:on-track>", "B:removed:on-track>", "C:removed:on-track>"])
        #expect(diff.summary.hasPrefix("2 added, 3 removed, 2 id changes"))
    }

    /// A title another item on either side also has pairs nothing; an id in another case is paired before any title,
    /// so an earlier row with the same title cannot take its item.
    @Test func retypedIdsArePairedOnlyWhenUnambiguous() throws {
        let shared = SnapshotDiff(old: try analyse("id,title\nA,Launch\nB,Launch\n").derivation,
                                  new: try analyse("id,title\nA,Launch\nC,Launch\n").derivation)
        #expect(shared.changes.map { "\($0.id):\($0.kind.rawValue)" } == ["C:added", "B:removed"])
        let order = SnapshotDiff(old: try analyse("id,title\nx-1,Alpha\n").derivation,
                                 new: try analyse("id,title\nY-9,Alpha\nX-1,Beta\n").derivation)
        #expect(order.changes.map { "\($0.id):\($0.kind.rawValue)" } == ["Y-9:added", "X-1:id"])
    }
}

@Suite struct BriefTests {
    @Test func htmlEscapesEverythingFromTheSheet() throws {
        let analysis = try analyse("id,type,title,owner,status\nO1,objective,<script>alert(1)</script>,\"<b>x</b>\",Green\n")
        let html = Briefing(analysis: analysis, findings: analysis.findings(), changes: nil).html()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func decisionsAreGroupedByOwner() throws {
        let analysis = try analyse("id,type,title,parent,owner,status,due\nO1,objective,Goal,,Ana,Green,2026-12-31\nM1,milestone,Beta,O1,Ben,Green,2026-11-01\nM2,milestone,Docs,O1,,Green,2026-11-02\n")
        let briefing = Briefing(analysis: analysis, findings: analysis.findings(), changes: nil)
        #expect(briefing.decisions.map(\.owner) == ["Ana", "Ben", "(no owner)"])
        #expect(briefing.unowned.map(\.code.name) == ["no-owner"])
        #expect(briefing.slips.map(\.id) == ["M1", "M2"])
    }

    /// Two spellings of one name are two groups, in the same order on every run (the groups are gathered in a
    /// dictionary, whose order changes from run to run).
    @Test func ownersThatDifferOnlyInCaseAreOrderedTheSameEveryTime() throws {
        let analysis = try analyse("id,type,title,parent,owner,status,due\nO1,objective,Goal,,Ana,Green,2026-12-31\n"
                                   + "M1,milestone,Beta,O1,hana kobayashi,Green,2026-11-01\nM2,milestone,Docs,O1,HANA KOBAYASHI,Green,2026-11-02\n"
                                   + "M3,milestone,Site,O1,Hana Kobayashi,Green,2026-11-03\n")
        for _ in 0..<20 {
            let briefing = Briefing(analysis: analysis, findings: analysis.findings(), changes: nil)
            #expect(briefing.decisions.map(\.owner) == ["Ana", "HANA KOBAYASHI", "Hana Kobayashi", "hana kobayashi"])
        }
    }
}
