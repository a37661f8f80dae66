import Foundation
import Testing
@testable import ThroughlineCore

@Suite struct ConventionsTests {
    static let statusCases: [(String, Status?)] = [
        ("Green", .onTrack), ("GREEN", .onTrack), (" g ", .onTrack), ("Amber", .atRisk), ("A", .atRisk), ("Red", .offTrack),
        ("Yellow", .atRisk), ("Y", .atRisk), ("Amber/Green", .onTrack), ("amber / green", .onTrack), ("Amber/Red", .offTrack),
        ("On track", .onTrack), ("Needs attention", .atRisk), ("At risk", .atRisk), ("Off track", .offTrack), ("Behind", .offTrack),
        ("Not started", .notStarted), ("To do", .notStarted), ("In progress", .onTrack), ("WIP", .onTrack), ("Doing", .onTrack),
        ("Blocked", .blocked), ("On hold", .onHold), ("Paused", .onHold), ("Done", .done), ("done.", .done), ("Complete", .done),
        ("Completed", .done), ("Closed", .done), ("Shipped", .done), ("Accomplished", .done), ("Achieved", .done),
        ("Cancelled", .cancelled), ("Dropped", .cancelled), ("Won't do", .cancelled), ("🟢", .onTrack), ("🟡", .atRisk),
        ("🟠", .atRisk), ("🔴", .offTrack), ("⚪", .notStarted), ("✅", .done), ("❌", .cancelled), ("⛔", .blocked), ("✔", .done),
        ("✔️", .done), ("on-track", .onTrack), ("at-risk", .atRisk), ("Tbc", nil), ("see notes", nil), ("", nil),
    ]

    @Test(arguments: statusCases)
    func statusVocabulary(_ typed: String, _ expected: Status?) {
        #expect(Conventions.builtIn.status(for: typed) == expected)
    }

    /// A status and a note after it: the status, and the note as `normalize` keeps it; nil where the cell is not one.
    static let noteCases: [(String, Status?, String)] = [
        ("Amber - waiting on legal", .atRisk, " - waiting on legal"), ("Red – vendor slipped", .offTrack, " – vendor slipped"),
        ("Done (shipped 3 Nov)", .done, " (shipped 3 Nov)"), ("Blocked: API", .blocked, ": API"), ("Green; watch Q4", .onTrack, "; watch Q4"),
        ("On track, pending QA", .onTrack, ", pending QA"), ("Amber\nlegal sign-off", .atRisk, "\nlegal sign-off"),
        ("Not started - blocked by legal", .notStarted, " - blocked by legal"), ("Red, red", .offTrack, ", red"),
        // Done work whose note takes it back says two things (round 28); a note that only tells of the work does not.
        ("done - pending QA", nil, ""), ("Done (partially)", nil, ""), ("Complete: except sign-off", nil, ""), ("Done, not yet signed off", nil, ""),
        ("Done - awaiting go-live", nil, ""), ("Closed (partial)", nil, ""), ("Complete, part of R2", .done, ", part of R2"),
        ("Done - nothing outstanding", .done, " - nothing outstanding"), ("Done (was waiting on legal)", .done, " (was waiting on legal)"),
        ("Done, partly", nil, ""), ("On hold - partial funding", .onHold, " - partial funding"),
        ("Green, Amber", nil, ""), ("Green - Red", nil, ""), ("Purple - waiting", nil, ""), ("at-risk", nil, ""), ("- Green", nil, ""),
        ("see notes: Amber", nil, ""), ("Green - Red - vendor slipped", nil, ""), ("Done (R2)", .done, " (R2)"),
        ("Green (Y26)", .onTrack, " (Y26)"), ("Done (2026)", .done, " (2026)"), ("Green\u{A0}- on plan", .onTrack, "\u{A0}- on plan"),
        ("Amber\t− legal", .atRisk, "\t− legal"), ("(Green)", nil, ""), ("🟢 On track - QA next", .onTrack, " - QA next"),
        ("Green (was Red)", nil, ""), ("Red -> Green next week", nil, ""), ("Amber - was green last month", nil, ""),
        ("Red - red flags at legal", .offTrack, " - red flags at legal"), ("Blocked: waiting on Red Hat", .blocked, ": waiting on Red Hat"),
        ("Done, all tests green", .done, ", all tests green"), ("G - was Red", nil, ""), ("Green - a risk to watch", .onTrack, " - a risk to watch"),
        // With no separator, a word that links the note to the status; never after done, which would then be a plan.
        ("Blocked by legal", .blocked, " by legal"), ("At risk for enhancements freeze", .atRisk, " for enhancements freeze"),
        ("On track for Q3 launch", .onTrack, " for Q3 launch"), ("Off track due to vendor", .offTrack, " due to vendor"),
        ("On hold pending budget", .onHold, " pending budget"), ("Not started yet", .notStarted, " yet"), ("Red since October", .offTrack, " since October"),
        ("Amber  waiting on vendor", .atRisk, "  waiting on vendor"), ("In progress since May", .onTrack, " since May"),
        ("Done by Friday", nil, ""), ("Complete by EOM", nil, ""), ("Tracked for code freeze", nil, ""), ("Blocked by Red Hat", .blocked, " by Red Hat"),
        ("Green until Red", nil, ""), ("Blocked", nil, ""), ("Purple for now", nil, ""), ("on", nil, ""), ("Red on the way to Amber", nil, ""), ("🟢 On track", nil, ""), ("G On hold", nil, ""),
    ]

    @Test(arguments: noteCases)
    func statusWithANote(_ typed: String, _ expected: Status?, _ note: String) {
        let read = Conventions.builtIn.statusWithNote(typed)
        #expect(read?.status == expected)
        #expect(String(read?.note ?? "") == note)
    }

    /// What the folder reader takes for a conventions sheet is what `adding(csv:file:)` accepts, from its first bytes.
    @Test(arguments: [("kind,value,means\nstatus,Wobbly,at-risk\n", true), ("\n\nKind;Value;Means\n", true),
                      ("kind,value,means\nstatus,\"cut off", true), ("id,kind,means\nA,b,c\n", false),
                      ("id,title,status\nA,a,Green\n", false), ("", false)])
    func conventionsSheetsAreKnownByTheirHeader(_ text: String, _ isSheet: Bool) {
        #expect(Conventions.startsAsSheet(Array(text.utf8)) == isSheet)
        if isSheet, !text.contains("cut off") { #expect((try? Conventions.builtIn.adding(csv: Array(text.utf8), file: "c.csv")) != nil) }
    }

    static let headerCases: [(String, Field?)] = [
        ("ID", .id), ("#", .id), ("Ref", .id), ("WBS", .id), ("Level", .type), ("Item Type", .type), ("Task Name", .title),
        ("Strategic Priority", .objective), ("Pillar", .objective), ("Parent ID", .parent), ("Belongs To", .parent),
        ("DRI", .owner), ("Assigned To", .owner), ("Resource Names", .owner), ("Dept", .team), ("SIG", .team),
        ("RAG", .status), ("DCA", .status), ("Risk (1-5)", .status), ("% Complete", .progress), ("Percent Done", .progress),
        ("Start Date", .start), ("Baseline Finish", .due), ("Target Date", .due), ("ETA", .forecast), ("Last Check-in", .updated),
        ("As Of", .updated), ("Blocked By", .dependsOn), ("Predecessors", .dependsOn), ("Priority Weight", .weight),
        ("Baseline", .baseline), ("Target", .target), ("Current", .actual), ("Unit", .unit), ("Direction", .direction),
        ("Commentary", .notes), ("  due   DATE ", .due), ("Budget (kEUR)", nil), ("Jira", nil),
        // Release schedules, city and national portfolios (round 18).
        ("Task", .title), ("Contact", .owner), ("Original Completion Date", .due), ("Baseline date", .due),
    ]

    /// Asana names both directions of a dependency: only what the row waits for is its depends-on, whole or by its
    /// last words.
    @Test(arguments: [("Blocked By (Dependencies)", Field.dependsOn), ("Blocking (Dependencies)", nil), ("Successor Dependencies", nil),
                      ("Task Dependencies", .dependsOn)] as [(String, Field?)])
    func dependencyHeadersReadOneWay(_ header: String, _ expected: Field?) {
        #expect(Sheet.candidate(header, .builtIn, SheetOptions())?.field == expected)
    }

    @Test(arguments: headerCases)
    func headerSynonyms(_ header: String, _ expected: Field?) {
        #expect(Conventions.builtIn.field(forHeader: header) == expected)
    }

    @Test func typeVocabulary() {
        let conventions = Conventions.builtIn
        #expect(conventions.type(for: "KPI") == .keyResult)
        #expect(conventions.type(for: "Key Result") == .keyResult)
        #expect(conventions.type(for: "key-result") == .keyResult)
        #expect(conventions.type(for: "Workstream") == .workstream)
        #expect(conventions.type(for: "Epic") == .initiative)
        #expect(conventions.type(for: "Spaceship") == nil)
    }

    @Test func userConventionsAddAndOverride() throws {
        let sheet = "kind,value,means\nstatus,Purple,at-risk\nstatus,Green,at-risk\nfield,Sponsor,owner\nowner,Bob,Robert Smith\nowner,Guild,team\n"
        let conventions = try Conventions.builtIn.adding(csv: Array(sheet.utf8), file: "c.csv")
        #expect(conventions.status(for: "purple") == .atRisk)
        #expect(conventions.status(for: "Green") == .atRisk)
        #expect(conventions.status(for: "Red") == .offTrack)
        #expect(conventions.field(forHeader: "Sponsor") == .owner)
        #expect(conventions.owners["bob"] == .person("Robert Smith"))
        #expect(conventions.owners["guild"] == .team)
    }

    @Test func badConventionsAreLocated() {
        #expect(throws: ThroughlineError.self) {
            _ = try Conventions().adding(csv: Array("kind,value,means\ncolour,Green,on-track\n".utf8), file: "c.csv")
        }
        #expect(throws: ThroughlineError.self) {
            _ = try Conventions().adding(csv: Array("a,b\n".utf8), file: "c.csv")
        }
    }

    @Test func wordKeys() {
        #expect(Conventions.wordKey("  Amber  /  Green!! ") == "amber/green")
        #expect(Conventions.wordKey("On   Track.") == "on track")
        // Only trailing punctuation goes, and a space before it stays; punctuation inside stays.
        #expect(Conventions.wordKey("abc .") == "abc ")
        #expect(Conventions.wordKey("a.b, c?!") == "a.b, c")
        #expect(Conventions.wordKey("\tA /b ") == "a/b")
        #expect(Conventions.wordKey("...") == "")
        #expect(Conventions.headerKey("% Complete") == "percentcomplete")
        #expect(Conventions.headerKey("#") == "number")
        // Accents are left out, precomposed or combining: a French sheet's `Réf` is `Ref`.
        #expect(Conventions.headerKey("Réf") == "ref")
        #expect(Conventions.headerKey("Ref\u{0301}") == "ref")
        #expect(Conventions.headerKey("Échéance") == "echeance")
        #expect(Conventions.headerKey("Straße") == "strasse")
        #expect(Conventions.builtIn.field(forHeader: "Réf") == .id)
    }

    /// `init` writes the same templates the repository ships, and the built-in conventions are that sheet.
    @Test func templatesMatchTheShippedFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../templates").standardized
        for (name, text) in Templates.files {
            let shipped = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(shipped == text, "templates/\(name) differs from the text init writes")
        }
    }
}

@Suite struct FieldTests {
    @Test func positionsFollowTheCanonicalOrder() {
        #expect(Field.allCases.map(\.position) == Array(0..<Field.allCases.count))
    }
}

@Suite struct NumberReadingTests {
    @Test(arguments: [
        ("1250", 1250.0), ("1,250", 1250), ("1 250", 1250), ("1.250,5", 1250.5), ("45,5", 45.5), ("€40.5", 40.5), ("$1,200.75", 1200.75),
        ("0,125", 0.125), ("-12,000", -12_000),
        ("95%", 95), ("-3", -3), ("0.45", 0.45), ("12,345,678", 12_345_678),
    ])
    func reads(_ text: String, _ expected: Double) {
        #expect(NumberReading.read(text) == expected)
    }

    /// KPI cells typed with a currency, a scale, a unit or accounting brackets.
    @Test(arguments: [
        ("$1.2M", 1_200_000.0), ("€40m", 40_000_000), ("950k", 950_000), ("2bn", 2e9), ("£3.5 bn", 3.5e9), ("USD 1,200", 1200),
        ("40 EUR", 40), ("40m EUR", 40_000_000), ("4.5 days", 4.5), ("30 ms", 30), ("1.2M users", 1_200_000), ("(1.5)", -1.5),
        ("(1.0%)", -1), ("15m", 15), ("-$5", -5), ("$-5", -5), ("12 pp", 12), ("3x", 3), ("1 250 tickets", 1250), ("99.9% uptime", 99.9),
        ("NPS 42", 42), ("approx 40", 40), ("CSAT 4.5", 4.5), ("1.2k", 1200), ("$2.5MM", 2_500_000), ("3,5 Mio €", 3_500_000),
        ("1,2 Mrd", 1.2e9), ("\u{2212}5", -5), ("\u{2212}$5", -5), ("500 users", 500), ("500 B", 500),
    ])
    func readsAffixes(_ text: String, _ expected: Double) {
        #expect(NumberReading.read(text) == expected)
    }

    /// In a sheet written with decimal commas, a point groups thousands and a lone comma is the decimal one.
    @Test(arguments: [
        ("1.200", 1200.0), ("1.200.000", 1_200_000), ("1,250", 1.25), ("45,5", 45.5), ("1.250,5", 1250.5), ("800", 800), ("3.5", 3.5),
        ("1.200 €", 1200), ("€1.200", 1200), ("1.200 Kunden", 1200), ("12,345,678", 12_345_678), ("-0,25", -0.25),
        ("0.125", 0.125), ("0.125 kg", 0.125), ("-1.200", -1200),
    ])
    func readsWithADecimalComma(_ text: String, _ expected: Double) {
        #expect(NumberReading.read(text, decimalComma: true) == expected)
    }

    /// The decimal separator a cell shows beyond doubt, if any: what tells a sheet written with decimal commas.
    @Test(arguments: [
        ("4,5", ","), ("0,125", ","), ("1.200,5", ","), ("45,5 %", ","), ("-3,25", ","), ("4.5", "."), ("1,200.5", "."), ("0.125", "."),
        ("1.200", nil), ("1,250", nil), ("1.200.000", nil), ("800", nil), ("abc", nil), ("4,5 days", nil), ("", nil),
    ] as [(String, Character?)])
    func showsItsDecimalSeparator(_ text: String, _ expected: Character?) {
        #expect(NumberReading.decimalSeparator(in: text) == expected)
    }

    @Test(arguments: ["", "abc", "1,2,3", "12.34.5", "1.2,3.4", "heavy", "--", "Q3", "v2", "FY26", "3/6", "2026-01", "TBD", "10+",
                      "Phase 2 of 3", "4.5 / 5", "5 (was 7)", "March 2026", "FY 2026", "Sprint 3", "(-5)", "--5", "()", "(x)", "k", "$", "1.2Mio2"])
    func rejects(_ text: String) {
        #expect(NumberReading.read(text) == nil)
    }

    @Test func typesWithABracketedAbbreviation() {
        #expect(Conventions.builtIn.type(for: "Key Result (KR)") == .keyResult)
        #expect(Conventions.builtIn.type(for: "Work Package") == .workstream)
    }
}

@Suite struct ReadmeTests {
    /// The README's vocabulary tables list every built-in convention, so the documentation cannot drift from the code.
    @Test func readmeListsEveryBuiltInConvention() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized,
                                encoding: .utf8)
        let rows = try CSVReader(source: MemoryByteSource(Conventions.builtInSheet), dialect: .comma).readAll().dropFirst()
        let lines = readme.split(separator: "\n").map(String.init)
        for row in rows {
            // A table row "| `means` | value, value, … |" whose list holds the value exactly.
            let listed = lines.contains { line in
                guard line.hasPrefix("| `\(row[2])` | ") else { return false }
                let list = line.dropFirst("| `\(row[2])` | ".count).dropLast(2)
                return list.components(separatedBy: ", ").contains(row[1].replacingAll("|", with: "\\|"))
            }
            #expect(listed, "README does not list \(row[0]) '\(row[1])' -> \(row[2])")
        }
    }
}

@Suite struct StatusWordsTests {
    @Test(arguments: [
        ("Won’t do", Status.cancelled), ("In-progress", .onTrack), ("🟢 On track", .onTrack), ("Completed ✅", .done), ("⚠️", .atRisk),
        ("✅ Done", .done),
    ])
    func wordsAsTyped(_ typed: String, _ expected: Status) {
        #expect(Conventions.builtIn.status(for: typed) == expected)
    }

    @Test func anEmojiAndAWordThatDisagreeAreUnknown() {
        #expect(Conventions.builtIn.status(for: "🔴 Done") == nil)
    }
}
