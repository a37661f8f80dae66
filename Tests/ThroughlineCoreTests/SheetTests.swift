import Testing
@testable import ThroughlineCore

func sheet(_ text: String, options: SheetOptions = SheetOptions()) throws -> Sheet {
    try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: "t.csv"), conventions: .builtIn, options: options)
}

@Suite struct SheetTests {
    /// A cell of notes in the first rows is never taken for a column's name, however it reads; a long cell near the top
    /// of a sheet is read past, not matched word by word.
    @Test func longCellsNameNoColumn() throws {
        #expect(Sheet.candidate("Owner", .builtIn, SheetOptions())?.field == .owner)
        #expect(Sheet.candidate("Owner " + String(repeating: "x", count: 5_000), .builtIn, SheetOptions()) == nil)
        let note = String(repeating: "Owner status due ", count: 100_000)
        let read = try sheet("ID,Title,Owner,Notes\nA,Alpha,Ana,\"\(note)\"\n")
        #expect(read.layout.headerRow == 1)
        #expect(read.layout.column(for: .owner)?.index == 2)
    }

    @Test(arguments: [
        ("Total,,,,,\"1,234\"", false), (",,Grand Total,,£1.2m,", false), ("Sum,5,10%", false), ("  Subtotal Q3 ,,12", false),
        ("Total,40 EUR,", false), (",,Total (weighted),,0.52,", false), ("Sum (kEUR),,,,350,", false), ("Total (Phase 2),Ana Lopez,Green", true), ("Total rewards,Ana Lopez,Green", true), ("Total,,Phase 2", true), ("T1,Total,,5", true), ("Total,Ana Lopez", true), ("Totally new app,,3", true),
        // The header repeated, and a group's sums with no id or title (Monday.com), are not items either.
        ("ID,Title,Owner,Status,Cost,Share", false), (" ID ,Title,,,,", false), ("ID,Title,Ana,,,", true),
        (",,,,\"$231,000\",42%", false), (",,,Green,5,", true), ("7,,,,5,", true), (",Ship,,,5,", true),
        // A lone cell where the first column holds ids is an item's id, ragged, and so is a row with only its id and the
        // delimiters; unless the cell reads as words, not as an id (a section's label such as `SIG Node`, a footnote).
        ("T-15", true), ("IN 07,,,,,", true), ("Phase 2,,,,,", true), ("OKR-3,,,,,", true),
        ("Next month", false), ("Next month,,,,,", false), ("SIG API Machinery,,,,,", false),
        ("\"Whole life costs are nominal, in GBP millions.\",,,,,", false),
        // A sentence alone outside the id and title columns is a note (a source line under the table); a lone status is not.
        (",,,,\"Source: entity submissions, September 2026.\",", false), (",,,Green,,", true), (",,,,Figures may not sum,", false),
        // The same rows in the languages whose dates and decimal commas are read (a German, French or Dutch sheet).
        ("Summe,,,,6,", false), ("Gesamtsumme,,,,\"1.234,5\",", false), ("Zwischensumme Q3,,,,5,", false), ("Sous-total,,,,5 €,", false),
        ("Somme,,,,5,", false), ("Totaal,,,,5,", false), ("Gesamt,Ana Lopez,Green", true), ("Gesamtplan,,,,5,", true),
        (",,,,\"Hinweis: Gewichte als Dezimalzahl\",", false), (",Remarque : voir l'onglet Budget,,,,", false), (",Quelle: SAP,,,,", false),
        (",Nota bene app,Ana,,,", true), (",Hinweis:,Ana,,,", true), (",Growth initiatives,,,,", false),
    ])
    func totalsRowsAreNotItems(_ row: String, _ holdsItem: Bool) throws {
        var found: [Bool] = []
        let read = try sheet("ID,Title,Owner,Status,Cost,Share\n\(row)\n")
        try read.forEachRecord { record, role in
            if role == .data { found.append(read.holdsItem(record)) }
            return true
        }
        #expect(found == [holdsItem])
    }

    /// Where the first column is the title, a row of one cell and no delimiter is a group's heading, not an item. So is a
    /// title alone padded with delimiters (monday.com's group, saved from a spreadsheet) in a sheet whose items have ids
    /// or types; in a sheet of neither, a title alone may be an item not filled in yet, and stays one. monday.com's
    /// header of subitems is no item either.
    @Test func aLoneCellUnderATitleColumnIsAHeading() throws {
        func items(_ text: String) throws -> [String] {
            let read = try sheet(text)
            var found: [String] = []
            try read.forEachDataRow { record in found.append(record.string(0)); return true }
            return found
        }
        #expect(try items("Name,Owner,Status,Item ID\nNext month\nShip,Ana,Green,7\nReview,,,\n") == ["Ship"])
        #expect(try items("Name,Owner,Status,Type\nGrowth,,,\nShip,Ana,Green,task\n,Ana,,\n") == ["Ship", ""])
        #expect(try items("Name,Owner,Status,Due\nShip,Ana,Green,\nReview,,,\n") == ["Ship", "Review"])
        #expect(try items("Name,Subitems,Owner,Status,Item ID\nShip,Docs,Ana,Green,7\nSubitems,Name,Owner,Status,\n,Docs,Ben,Done,\n") == ["Ship", ""])
        var left: [String] = []
        try sheet("Name,Owner,Status,Item ID\nGrowth initiatives,,,\nExported from monday.com on 19 Nov. Ask Maya before moving groups.,,,\n")
            .forEachDataRow(leftOut: { left.append($1) }) { _ in true }
        #expect(left == ["a heading", "a note"])
    }

    /// Annotate's `Derived Status` and `Progress (derived)` are never the sheet's status or progress, even when the team
    /// dropped or moved annotate's other columns: the typed `% Complete` stays the progress.
    @Test func annotatesDerivedColumnsAreNotReadBackWhenTheBlockIsBroken() throws {
        let edited = try sheet("ID,Title,Status,% Complete,Derived Status,Progress (derived),Findings\nT1,Work,WIP,90%,at-risk,10%,behind-pace\n").layout
        #expect(edited.columns.map(\.field) == [.id, .title, .status, .progress, nil, nil, nil])
        let alone = try sheet("ID,Title,Progress (Derived)\nT1,Work,10%\n").layout
        #expect(alone.columns.map(\.field) == [.id, .title, nil])
    }

    /// The word that opens monday.com's subitems, however it is spaced or hyphenated; nothing longer or shorter.
    @Test(arguments: [("Subitems", true), ("Sub-items", true), (" sub items ", true), ("SUBITEMS", true), ("Subitem", false),
                      ("Subitems list", false), ("Sub-item s", true), ("Subitemss", false), ("Rollout subitems", false)])
    func theSubitemsWord(_ cell: String, _ expected: Bool) {
        #expect(Sheet.isSubitemsWord(Array(cell.utf8)) == expected)
    }

    /// Microsoft Planner's Progress column holds status words: with no status column, it is the status.
    @Test func aProgressColumnOfStatusWordsIsTheStatus() throws {
        let planner = try sheet("Task Name,Progress,Due Date\nA,Not started,2026-12-01\nB,Completed,2026-11-01\nC,In progress,\n").layout
        #expect(planner.columns.map(\.field) == [.title, .status, .due])
        #expect(planner.notes == ["column 'Progress' holds status words, not percentages: it is read as the status"])
        #expect(try sheet("Task Name,Progress\nA,45%\nB,Completed\n").layout.columns.map(\.field) == [.title, .progress])
        // Half status words and no percentage (Asana's `Waiting` is no built-in word): still the status, `Waiting` then
        // an unknown status rather than every cell a bad number. Fewer than half is no status column.
        #expect(try sheet("Name,Task Progress\nA,In Progress\nB,Waiting\n").layout.columns.map(\.field) == [.title, .status])
        #expect(try sheet("Name,Task Progress\nA,In Progress\nB,Waiting\nC,Later\n").layout.columns.map(\.field) == [.title, .progress])
        #expect(try sheet("Task Name,Progress,Status\nA,Completed,Done\n").layout.columns.map(\.field) == [.title, .progress, .status])
        var options = SheetOptions()
        options.map = [Conventions.headerKey("Progress"): Field.progress]
        #expect(try sheet("Task Name,Progress\nA,Completed\n", options: options).layout.columns.map(\.field) == [.title, .progress])
    }

    /// A release tracker's Milestone names the release on every row: the column whose titles differ is the title.
    @Test func aTitleColumnOfOneValueGivesWayToOneThatDiffers() throws {
        let tracker = try sheet("#,Enhancement Title,Owner,Milestone\n#1,Pod scaling,@ana,v1.35\n#2,Sidecars,@ben,v1.35\n#3,DRA,@cy,v1.35\n").layout
        #expect(tracker.columns.map(\.field) == [.id, .title, .owner, nil])
        #expect(tracker.notes == ["column 'Milestone' also reads as title, but holds 'v1.35' on every row: 'Enhancement Title' is used, 'Milestone' is kept as an extra column"])
        // Milestones that differ are titles, named more plainly; so are two rows alike, too few to say.
        #expect(try sheet("#,Enhancement Title,Milestone\n#1,a,Beta\n#2,b,GA\n#3,c,GA\n").layout.columns.map(\.field) == [.id, nil, .title])
        #expect(try sheet("#,Enhancement Title,Milestone\n#1,a,v1.35\n#2,b,v1.35\n").layout.columns.map(\.field) == [.id, nil, .title])
    }

    /// The columns `annotate` adds are not counted among the known fields a header names.
    @Test func annotatedColumnsAreNotCountedInTheHeader() throws {
        let annotated = try sheet("id,title,owner,Derived Status,Progress (derived),Findings,Why\nA,a,Ana,on-track,,,A no status typed\n").layout
        #expect(annotated.headerReason == "it names 3 known fields")
    }

    /// Smartsheet's Level holds outline numbers: not types. A Level of type words is the type.
    @Test func aTypeColumnOfNumbersIsAnOutlineLevel() throws {
        let smartsheet = try sheet("Task Name,Level,Parent,Status\nPlatform,0,,Green\nIngest,1,Platform,Green\n").layout
        #expect(smartsheet.columns.map(\.field) == [.title, nil, .parent, .status])
        #expect(smartsheet.notes == ["column 'Level' holds numbers (outline levels), not item types: it is kept as is"])
        #expect(try sheet("Task Name,Level\nPlatform,Initiative\nIngest,Milestone\n").layout.columns.map(\.field) == [.title, .type])
    }

    /// Jira's Parent holds the parent's numeric Issue id while the ids are Issue keys: Parent summary names the parent.
    @Test func aParentColumnOfNumbersGivesWayToOneThatNamesTheParent() throws {
        let jira = try sheet("Summary,Issue key,Issue id,Parent,Parent summary\nCheckout,PAY-1,10001,,\nCart,PAY-2,10002,10001,Checkout\n").layout
        #expect(jira.columns.map(\.field) == [.title, .id, nil, nil, .parent])
        #expect(jira.notes.first == "column 'Parent' holds numbers, not the ids in 'Issue key': 'Parent summary' is read as the parent")
        // Where the ids are numbers too, the parent column of numbers names them.
        #expect(try sheet("Summary,ID,Parent,Parent summary\nCheckout,1,,\nCart,2,1,Checkout\n").layout.columns.map(\.field) == [.title, .id, .parent, nil])
    }

    @Test(arguments: [
        ("https://github.com/acme/widget/issues/1200", "acme/widget#1200"), ("https://github.com/acme/widget/pull/7", "acme/widget#7"),
        (" http://GitHub.example.com/Acme/Widget/issues/12/ ", "Acme/Widget#12"), ("https://github.com/acme/widget/issues/12#issuecomment-1", "acme/widget#12"),
        ("https://gitlab.com/gitlab-org/gitlab/-/issues/345", "gitlab-org/gitlab#345"), ("https://gitlab.com/a/b/c/-/merge_requests/9", "a/b/c!9"),
        ("https://gitlab.example.org/group/project/-/work_items/3?x=1", "group/project#3"),
        ("https://github.com/acme/widget/issues", nil), ("https://github.com/acme/widget/pull/7/files", nil), ("https://github.com/acme/issues/12", nil),
        ("https://github.com/acme/widget/milestone/3", nil), ("github.com/acme/widget/issues/12", nil), ("https://gitlab.com/a/b/-/pipelines/9", nil),
        ("https://github.com/acme/widget/pull/1, https://github.com/acme/widget/pull/2", nil), ("acme/widget#12", nil), ("", nil),
    ] as [(String, String?)])
    func issueLinksHaveAShortForm(_ link: String, _ short: String?) {
        #expect(IssueLink.shortForm(link) == short)
    }

    /// GitHub Projects' export has no id column; each row's URL links it to its issue, and its Parent issue names the
    /// parent by the link's short form. A sparse column of linked pull requests gives no ids, nor does a sheet with ids.
    @Test func aColumnOfIssueLinksGivesTheIdsOfASheetWithout() throws {
        let github = try sheet("Title,URL,Status,Parent issue\nRelease,https://github.com/acme/widget/issues/1,Todo,\nDocs,,Todo,acme/widget#1\nFix,https://github.com/acme/widget/issues/3,Done,acme/widget#1\n").layout
        #expect(github.linkColumn == 1)
        #expect(github.columns.map(\.field) == [.title, nil, .status, .parent])
        #expect(github.notes == ["no column holds ids, and column 'URL' links each row to its issue: a row's id is its link's short form (acme/widget#1), as references to it are written"])
        let pulls = "Title,Linked pull requests\nA,https://github.com/acme/widget/pull/9\nB,\nC,\n"
        #expect(try sheet(pulls).layout.linkColumn == nil)
        #expect(try sheet("Title,Link\nA,https://github.com/acme/widget/pull/9\nB,\nC,\n").layout.linkColumn == 1)
        #expect(try sheet("ID,Title,URL\nA-1,A,https://github.com/acme/widget/issues/1\n").layout.linkColumn == nil)
        #expect(try sheet("Title,URL\nA,https://example.com/page\n").layout.linkColumn == nil)
    }

    /// Microsoft Project's Finish beside its Baseline Finish is the finish planned now: the forecast.
    @Test func aFinishBesideABaselineFinishIsTheForecast() throws {
        let project = try sheet("Name,Finish_Date,Baseline_Finish\nA,2027-02-01,2026-12-01\n").layout
        #expect(project.columns.map(\.field) == [.title, .forecast, .due])
        #expect(project.notes.contains("column 'Finish_Date' is the finish planned now, beside the baseline in 'Baseline_Finish': it is read as the forecast"))
        #expect(try sheet("Name,Finish,Baseline Finish,Forecast\nA,2027-02-01,2026-12-01,2027-01-01\n").layout.columns.map(\.field) == [.title, nil, .due, .forecast])
        #expect(try sheet("Name,Finish,Due\nA,2027-02-01,2026-12-01\n").layout.columns.map(\.field) == [.title, nil, .due])
        // A second baseline, or a target, is a commitment, not the plan of now.
        #expect(try sheet("Name,Baseline Finish,Target Completion Date\nA,2026-12-01,2027-02-01\n").layout.columns.map(\.field) == [.title, .due, nil])
    }

    @Test func headerIsFoundBelowPreambleRows() throws {
        let layout = try sheet("Company tracker\nExported 2026-11-20,,\n\nRef,Name,RAG,Owner\nA,Alpha,G,Ana\n").layout
        #expect(layout.headerRow == 4)
        #expect(layout.headerLine == 4)
        #expect(layout.columns.map(\.field) == [.id, .title, .status, .owner])
    }

    @Test func headerWithFewKnownNamesFallsBackToTheFirstFullRow() throws {
        let layout = try sheet("Report\nAlpha,Beta,Gamma\n1,2,3\n").layout
        #expect(layout.headerRow == 2)
        #expect(layout.columns.map(\.name) == ["Alpha", "Beta", "Gamma"])
    }

    @Test func duplicateHeadersAreKeptDistinct() throws {
        let layout = try sheet("ID,Notes,Notes,notes,Owner,Lead\n").layout
        #expect(layout.columns.map(\.name) == ["ID", "Notes", "Notes (2)", "notes (3)", "Owner", "Lead"])
        #expect(layout.columns.map(\.field) == [.id, .notes, nil, nil, .owner, nil])
        #expect(layout.notes.count == 5)
    }

    @Test func theStrongerSynonymWinsWhateverTheColumnOrder() throws {
        let layout = try sheet("Project,ID,Task Name,Risk,Status\n").layout
        #expect(layout.columns.map(\.field) == [nil, .id, .title, nil, .status])
    }

    /// A column empty in every row read does not take the field from a filled one that names it too.
    @Test func anEmptyColumnDoesNotWinAField() throws {
        var options = SheetOptions()
        options.fileType = .initiative
        let layout = try sheet("Initiative,Name,Owner\n,Pricing,Ana\n,Billing,Ben\n", options: options).layout
        #expect(layout.columns.map(\.field) == [nil, .title, .owner])
        #expect(try sheet("Initiative,Name,Owner\n,,Ana\n", options: options).layout.columns.map(\.field) == [.title, nil, .owner])
        // A column mapped with --map keeps its field, empty or not.
        options.map = [Conventions.headerKey("Initiative"): Field.title]
        #expect(try sheet("Initiative,Name,Owner\n,Pricing,Ana\n", options: options).layout.columns.map(\.field) == [.title, nil, .owner])
    }

    @Test func typeHeadersInASheetOfOneType() throws {
        var options = SheetOptions()
        options.fileType = .milestone
        let layout = try sheet("Milestone,Initiative,Objective,Owner\n", options: options).layout
        #expect(layout.columns.map(\.field) == [.title, .parent, .objective, .owner])
        // Linear's tasks: `Project` (a title word, and a higher type) is the parent only when no `Parent` column says so.
        options.fileType = .task
        for header in ["ID,Title,Project,Parent\n", "ID,Title,Parent,Project\n"] {
            let fields = try sheet(header, options: options).layout.columns.map { $0.field.map(\.rawValue) ?? $0.header }
            #expect(fields == ["id", "title", "Project", "parent"] || fields == ["id", "title", "parent", "Project"])
            #expect(fields.firstIndex(of: "parent") == header.dropLast().split(separator: ",").firstIndex(of: "Parent"))
        }
        #expect(try sheet("ID,Title,Project\n", options: options).layout.columns.map(\.field) == [.id, .title, .parent])
        // Among headers naming higher types, the first.
        #expect(try sheet("ID,Task,Milestone,Workstream,Status\n", options: options).layout.columns.map(\.field) == [.id, .title, .parent, nil, .status])
    }

    /// A percent sign after a progress header reads as before it: `Progress %`, `Complete %`.
    @Test func percentSignAfterTheName() throws {
        #expect(try sheet("ID,Title,Progress %\n").layout.columns.map(\.field) == [.id, .title, .progress])
        #expect(try sheet("ID,Title,Complete %\n").layout.columns.map(\.field) == [.id, .title, .progress])
    }

    /// Number cells showing a decimal comma, and none a decimal point or thousands grouped with a comma, make the sheet
    /// one written with decimal commas.
    @Test(arguments: [
        ("ID,Title,Baseline,Target\nA,a,\"4,5\",\"1.200\"\n", true),
        ("ID;Title;Progress\nA;a;45,5 %\nB;b;10 %\n", true),
        ("ID,Title,Baseline,Target\nA,a,\"4,5\",\"12,000\"\n", false),
        ("ID,Title,Baseline,Target\nA,a,\"4,5\",4.5\n", false),
        ("ID,Title,Baseline,Target\nA,a,\"1,250\",\"1.200\"\n", false),
        ("ID,Title,Notes,Target\nA,a,\"4,5\",12\n", false),
    ])
    func decimalCommaSheets(_ text: String, _ expected: Bool) throws {
        #expect(try sheet(text).layout.decimalComma == expected)
    }

    @Test func mapOverridesSynonyms() throws {
        var options = SheetOptions()
        options.map = [Conventions.headerKey("Target"): Field.due, Conventions.headerKey("Status"): Field?.none]
        let layout = try sheet("id,Target,Status\n", options: options).layout
        #expect(layout.columns.map(\.field) == [.id, .due, nil])
    }

    @Test func noHeaderNamesColumnsByLetter() throws {
        var options = SheetOptions()
        options.hasHeader = false
        let layout = try sheet("a,b,c\n", options: options).layout
        #expect(layout.columns.map(\.name) == ["A", "B", "C"])
        #expect(SheetLayout.letters(26) == "AA")
        #expect(SheetLayout.letters(701) == "ZZ")
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: ThroughlineError.self) { _ = try sheet("") }
    }

    @Test func typeFromFileName() {
        #expect(ItemType.fromFileName("sheets/Objectives.csv") == .objective)
        #expect(ItemType.fromFileName("kpis.csv") == .keyResult)
        #expect(ItemType.fromFileName("Key Results (Q3).csv") == .keyResult)
        #expect(ItemType.fromFileName("milestones-2026.tsv") == .milestone)
        #expect(ItemType.fromFileName("export.csv") == nil)
        #expect(ItemType.fromFileName("KeyResults.csv") == .keyResult)
        #expect(ItemType.fromFileName("okr_krs.csv") == .keyResult)
        #expect(ItemType.fromFileName("notion_tasks_all.csv") == .task)
        #expect(ItemType.fromFileName("Project Plan.csv") == .initiative)
        // A type inside a longer word is not the file's type.
        #expect(ItemType.fromFileName("msproject_reseau_fr.csv") == nil)
        #expect(ItemType.fromFileName("taskforce-notes.csv") == nil)
    }

    /// Headers as tools export them (Azure DevOps, Trello, Linear, Monday.com, the US IT Dashboard, Notion) map to fields.
    @Test(arguments: [
        ("ID,Work Item Type,Title,State,Assigned To,Changed Date", [Field.id, .type, .title, .status, .owner, .updated]),
        ("Card ID,Card Name,Members,Due Date,Last Activity Date", [.id, .title, .owner, .due, .updated]),
        ("Issue ID,Title,Parent issue,Status,Assignee", [.id, .title, .parent, .status, .owner]),
        ("Name,Person,Status,Date,Updated Date", [.title, .owner, .status, nil, .updated]),
        ("Project ID,Project Name,Project Manager Name,Project Status,Planned Project Completion Date,Projected/Actual Project Completion Date",
         [.id, .title, .owner, .status, .due, .forecast]),
        ("Project ID,Planned Project Start Date,Projected/Actual Project Start Date,Planned Project Completion Date,Project Name",
         [.id, .start, nil, .due, .title]),
        ("ID,Name,Baseline Start Date,Baseline Finish Date,Forecast Completion Date", [.id, .title, .start, .due, .forecast]),
        ("Task ID,Task Name,Parent Task,Last edited time", [.id, .title, .parent, .updated]),
    ])
    func exportHeadersMapToFields(header: String, fields: [Field?]) throws {
        #expect(try sheet(header + "\n").layout.columns.map(\.field) == fields)
    }

    /// A header no synonym names whole is read by its last words; a header named whole wins over it.
    @Test(arguments: [
        ("Workstream Lead", Field?.some(.owner)), ("Initiative Owner", .owner), ("Delivery Status", .status), ("Overall Progress", .progress),
        ("Status Comments", .notes), ("Revised Due Date", .due), ("Owning Team", .team), ("Strategic Pillar", .objective),
        ("Objective ID", .objective), ("Epic Key", .parent), ("Jira Key", .id), ("Team Name", .team), ("Initiative Name", .title),
        ("Enhancement Title", .title), ("Story Title", .title), ("Job Title", nil), ("List Name", nil), ("Actual Finish", nil), ("Previous Status", nil), ("Last Status", nil), ("Lead Time", nil),
        ("Notes from the weekly steering group call", nil), ("Outline Level", nil), ("lena.fischer@example.org", nil),
    ])
    func headersAreReadByTheirLastWords(_ header: String, _ field: Field?) throws {
        #expect(Conventions.builtIn.fieldByEnding(forHeader: header)?.field == field)
    }

    @Test func aHeaderNamedWholeWinsOverOneReadByItsLastWords() throws {
        let layout = try sheet("Title,Workstream Lead,Owner,Delivery Status\n").layout
        #expect(layout.columns.map(\.field) == [.title, nil, .owner, .status])
        #expect(layout.columns.map(\.mappedBy) == ["synonym", "", "synonym", "last words"])
    }

    /// Only whole names find the header row: a row of data whose cells end in field words is not taken for it.
    @Test func theHeaderRowIsFoundByWholeNames() throws {
        let layout = try sheet("Code,Severity,ID,Owner\nunknown-reference,Delivery Status,error,Team Lead\n").layout
        #expect(layout.headerLine == 1)
        #expect(layout.columns.map(\.field) == [nil, nil, .id, .owner])
    }
}

/// An unclosed quote above the header, where no header has been read, keeps its column letter.
@Test func anUnclosedQuoteAboveTheHeaderIsNamedByItsLetter() {
    let text = "Q3 Portfolio,Exported 2026-11-01\n\"Draft - do not share,\nID,Title,Owner\nA,a,Ana\n"
    #expect(throws: ThroughlineError.data(SourceLocation(file: "t.csv", line: 2, column: "A"),
                                          "unclosed quote: the quoted cell that opens here never closes before the end of the file",
                                          hint: "a cell that starts with \" must end with \"; write a quote inside a quoted cell as \"\"")) {
        _ = try sheet(text)
    }
}
