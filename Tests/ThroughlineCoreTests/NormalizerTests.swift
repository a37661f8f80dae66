import Testing
@testable import ThroughlineCore

/// Opens `text` as a sheet and normalizes it, returning the output text and the finding codes.
func normalized(_ text: String, people: PeopleDirectory = PeopleDirectory(), dateOrder: DateOrder? = nil) throws -> (String, [String]) {
    let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: "t.csv"), conventions: .builtIn)
    let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn,
                                    people: people, dateOrder: dateOrder, file: "t.csv")
    let sink = MemorySink()
    var codes: [String] = []
    _ = try SheetRewriter.normalize(sheet, with: normalizer, to: sink) { codes.append($0.code.name) }
    return (sink.text, codes)
}

@Suite struct NormalizerTests {
    @Test func rewritesOnlyTheCellsItReads() throws {
        let input = "Title row,,\r\nid,Status,Due,Notes\r\n\"A\",Green,12/31/2026,\"keep, \"\"this\"\"\"\r\nB,done,2026-01-05,  spaced  \r\n"
        let (output, codes) = try normalized(input)
        #expect(output == "Title row,,\r\nid,Status,Due,Notes\r\n\"A\",on-track,2026-12-31,\"keep, \"\"this\"\"\"\r\nB,done,2026-01-05,  spaced  \r\n")
        #expect(codes.isEmpty)
    }

    /// A status typed with a note reads as the status; normalize writes the canonical word and keeps the note, and
    /// rollup counts it, so a "Red – vendor slipped" row is off-track, not an unknown word rolled up as on-track.
    @Test func aStatusWithANoteKeepsTheNote() throws {
        let input = "id,status\nA,Amber - waiting on legal\nB,\"Red – vendor slipped\"\nC,Purple - x\n"
        let (output, codes) = try normalized(input)
        #expect(output == "id,status\nA,at-risk - waiting on legal\nB,\"off-track – vendor slipped\"\nC,Purple - x\n")
        #expect(codes == ["unknown-status"])
        let analysis = try analyse(input)
        #expect(analysis.status("B") == .offTrack)
        #expect(analysis.reason("B") == "B typed off-track")
    }

    /// A completion column (Asana's `Completed At`, a checkbox `Done`) is the status where no plainer column is: a date
    /// or a ticked box is done work, an unticked box or a placeholder is not, a status word reads as one; `normalize`
    /// keeps every cell as typed, and `import` writes `done` or nothing in the status column.
    @Test(arguments: [
        ("2026-10-02", Status.done), ("14/11/2026", .done), ("\"Nov 3, 2026\"", .done), ("checked", .done), ("TRUE", .done),
        ("✅", .done), ("x", .done), ("unchecked", nil), ("FALSE", nil), ("", nil), ("n/a", nil),
    ] as [(String, Status?)])
    func aCompletionColumnReadsDatesAndBoxesAsDone(cell: String, expected: Status?) throws {
        let input = "id,title,Completed At,due\nA,Launch,\(cell),2026-10-01\n"
        let (output, codes) = try normalized(input)
        #expect(output == input)
        #expect(codes.isEmpty)
        let analysis = try analyse(input)
        #expect(analysis.derivation.portfolio.items[0].typedStatus == expected)
        #expect(analysis.status("A") == (expected == .done ? .done : .offTrack))
    }

    @Test func aCompletionColumnGivesWayToAStatusColumnAndSaysWhatItCannotRead() throws {
        let both = try analyse("id,Status,Done,due\nA,Amber,checked,2026-12-31\n")
        #expect(both.status("A") == .atRisk)
        let (output, codes) = try normalized("id,Completed At\nA,soon\nB,In progress\n")
        #expect(output == "id,Completed At\nA,soon\nB,on-track\n")
        #expect(codes == ["unknown-status"])
    }

    /// A formula that failed shows `#N/A` or `#REF!`: not the `N/A` that means cancelled, and not a status at all.
    @Test func spreadsheetErrorsAreNotStatuses() throws {
        let input = "id,status\nA,#N/A\nB,N/A\nC,#REF!\nD,Err:502\n"
        let (output, codes) = try normalized(input)
        #expect(output == "id,status\nA,#N/A\nB,cancelled\nC,#REF!\nD,Err:502\n")
        #expect(codes == ["unknown-status", "unknown-status", "unknown-status"])
        #expect(try analyse(input).status("A") == .onTrack)
    }

    @Test func alreadyCanonicalSheetsComeBackByteForByte() throws {
        let input = "id,status,progress,due,owner\nA,on-track,45%,2026-03-01,Ana Lopez\n\nB,done,100%,2026-04-30,Ben\n"
        #expect(try normalized(input).0 == input)
    }

    @Test func dayMonthOrderIsInferredPerColumn() throws {
        let input = "id,due,updated\nA,11/30/2026,14/11/2026\nB,11/12/2026,02/10/2026\n"
        let (output, codes) = try normalized(input)
        #expect(output == "id,due,updated\nA,2026-11-30,2026-11-14\nB,2026-11-12,2026-10-02\n")
        #expect(codes.isEmpty)
    }

    @Test func ambiguousColumnsAreNeverGuessed() throws {
        let input = "id,due\nA,3/1/2026\n"
        let (output, codes) = try normalized(input)
        #expect(output == input)
        #expect(codes == ["ambiguous-date"])
        #expect(try normalized(input, dateOrder: .monthFirst).0 == "id,due\nA,2026-03-01\n")
    }

    @Test func dateOrderSettlesOnlyColumnsTheirOwnValuesDoNot() throws {
        // start proves month-first (9/14); due proves nothing of its own. --date-order reads due, never start.
        let input = "id,start,due\nA,9/14/2026,3/1/2027\nB,1/2/2026,4/5/2027\n"
        #expect(try normalized(input, dateOrder: .dayFirst).0 == "id,start,due\nA,2026-09-14,2027-01-03\nB,2026-01-02,2027-05-04\n")
        // Without it, due stays ambiguous (SPEC 3: never a silent guess), and its findings name the order start proves.
        let (output, codes) = try normalized(input)
        #expect(output == "id,start,due\nA,2026-09-14,3/1/2027\nB,2026-01-02,4/5/2027\n")
        #expect(codes == ["ambiguous-date", "ambiguous-date"])
        // A column with evidence both ways is read in the order given, and what cannot be read so is bad-date.
        #expect(try normalized("id,due\nA,13/1/2026\nB,1/13/2026\nC,3/1/2026\n", dateOrder: .dayFirst).1 == ["bad-date"])
    }

    @Test func ratingsAreMatchedAsWordsAre() throws {
        let (output, codes) = try normalized("id,Risk (1-5)\nA,1.\nB,5!\nC, 3 \nD,1.5\n")
        #expect(output == "id,Risk (1-5)\nA,on-track\nB,off-track\nC,at-risk\nD,1.5\n")
        #expect(codes == ["unknown-status"])
    }

    /// A CIO's rating (the US federal IT Dashboard's) runs the other way from a risk: 5 is the lowest risk.
    @Test(arguments: ["CIO Rating", "CIO Risk Rating", "CIO Evaluation"])
    func aCIOsRatingReadsFiveAsTheLowestRisk(_ header: String) throws {
        #expect(try normalized("id,\(header)\nA,5\nB,4\nC,3\nD,2\nE,1\n").0
                == "id,\(header)\nA,on-track\nB,on-track\nC,at-risk\nD,off-track\nE,off-track\n")
    }

    /// A rating in words reads on the header's scale: high confidence is on track, high risk off track; under a plain
    /// `Status` the same words are not understood.
    @Test func ratingsInWordsReadOnTheHeadersScale() throws {
        let cells = "A,High\nB,Medium-High\nC,medium\nD,Medium-Low\nE,Low\n"
        #expect(try normalized("id,Delivery Confidence\n" + cells).0
                == "id,Delivery Confidence\nA,on-track\nB,on-track\nC,at-risk\nD,off-track\nE,off-track\n")
        #expect(try normalized("id,Risk Rating\n" + cells).0 == "id,Risk Rating\nA,off-track\nB,off-track\nC,at-risk\nD,on-track\nE,on-track\n")
        #expect(try normalized("id,Status\n" + cells).1 == Array(repeating: "unknown-status", count: 5))
    }

    /// Confidence from 1 to 10, told by the header or by a number above 5 in the first rows, is not read on the 1-5
    /// scale: each number is unknown-status (a 3 out of 10 is not a 3 out of 5). Without either, the scale is 1 to 5.
    @Test func confidenceFromOneToTen() throws {
        let (output, codes) = try normalized("id,Confidence\nA,10\nB,7\nC,3\nD,Green\n")
        #expect(output == "id,Confidence\nA,10\nB,7\nC,3\nD,on-track\n")
        #expect(codes == ["unknown-status", "unknown-status", "unknown-status"])
        #expect(try normalized("id,Confidence (1-10)\nA,3\nB,5\n").1 == ["unknown-status", "unknown-status"])
        #expect(try normalized("id,Confidence\nA,3\nB,5\n").0 == "id,Confidence\nA,at-risk\nB,on-track\n")
    }

    @Test func periodsAsDueDatesMeanTheirLastDay() throws {
        #expect(try normalized("id,due,start\nA,Q2 2026,Q2 2026\n").0 == "id,due,start\nA,2026-06-30,2026-04-01\n")
    }

    @Test(arguments: [
        ("45%", "45%"), ("45", "45%"), ("45.5 %", "45.5%"), (" 100 ", "100%"), ("\"45,5%\"", "\"45.5%\""), ("3/6 (50%)", "50%"),
    ])
    func percentagesInAPercentColumn(_ typed: String, _ expected: String) throws {
        #expect(try normalized("id,progress\nA,\(typed)\nB,60\n").0 == "id,progress\nA,\(expected)\nB,60%\n")
    }

    @Test func fractionColumnsScaleToPercent() throws {
        #expect(try normalized("id,progress\nA,0.45\nB,1\n").0 == "id,progress\nA,45%\nB,100%\n")
    }

    @Test func unreadableCellsStayAndAreReported() throws {
        let input = "id,status,progress,due,weight\nA,Purple,lots,someday,heavy\nB,Green,150%,2026-02-30,2\n"
        let (output, codes) = try normalized(input)
        #expect(output == "id,status,progress,due,weight\nA,Purple,lots,someday,heavy\nB,on-track,150%,2026-02-30,2\n")
        #expect(codes == ["unknown-status", "bad-number", "bad-date", "bad-number", "bad-number", "bad-date"])
    }

    @Test func weightsOutsideTheirRangeAreReported() throws {
        let (_, codes) = try normalized("id,weight\nA,1e308\nB,-2\nC,3\nD,0\nE,-0.5\n")
        #expect(codes == ["bad-number", "bad-number", "bad-number"])
    }

    @Test func ownersMatchThePeopleSheet() throws {
        var people = PeopleDirectory()
        people.add(.init(name: "Priya Sharma", team: "Growth", email: "priya.sharma@example.com", fte: 1))
        let input = "id,owner\nA,Sharma, Priya\nB,PRIYA.SHARMA@example.com\nC,  priya   sharma \nD,Platform Team\n"
        let (output, _) = try normalized(input.replacingOccurrences(of: "Sharma, Priya", with: "\"Sharma, Priya\""), people: people)
        // A cell quoted in the file stays quoted.
        #expect(output == "id,owner\nA,\"Priya Sharma\"\nB,Priya Sharma\nC,Priya Sharma\nD,Platform Team\n")
    }

    /// A people sheet that writes `Silva, Ana` is matched by `Ana Silva`, `Silva,Ana` and `silva ,ana` too, and the
    /// owner becomes the sheet's spelling.
    @Test func peopleWrittenLastFirstAreMatchedEitherWay() throws {
        var people = PeopleDirectory()
        people.add(.init(name: "Silva, Ana", team: "Platform", email: "ana.silva@acme.test", fte: 1))
        people.add(.init(name: "Yuki Nakamura", team: "Data", email: nil, fte: 1))
        let input = "id,owner\nA,Ana Silva\nB,\"Silva,Ana\"\nC,\"silva ,ana\"\nD,ana.silva@acme.test\nE,\"Nakamura,Yuki\"\n"
        let (output, _) = try normalized(input, people: people)
        #expect(output == "id,owner\nA,\"Silva, Ana\"\nB,\"Silva, Ana\"\nC,\"Silva, Ana\"\nD,\"Silva, Ana\"\nE,\"Yuki Nakamura\"\n")
    }

    /// A family name of several words is found written first: `van der Berg, Jan` is the people sheet's `Jan van der
    /// Berg`; each way of cutting the name is tried, none taking the key of another person's name as written.
    @Test func aFamilyNameOfSeveralWordsIsMatchedWrittenFirst() throws {
        var people = PeopleDirectory()
        people.add(.init(name: "Jan van der Berg", team: "Platform", email: nil, fte: 1))
        people.add(.init(name: "Mary Ann Lee", team: "Data", email: nil, fte: 1))
        people.add(.init(name: "Lee, Mary Ann", team: "Data", email: nil, fte: 1))
        let input = "id,owner\nA,\"van der Berg, Jan\"\nB,\"Berg, Jan van der\"\nC,\"Ann Lee, Mary\"\nD,\"Lee, Mary Ann\"\n"
        let (output, _) = try normalized(input, people: people)
        #expect(output == "id,owner\nA,\"Jan van der Berg\"\nB,\"Jan van der Berg\"\nC,\"Mary Ann Lee\"\nD,\"Lee, Mary Ann\"\n")
        // The other order: a name as written keeps its key whichever person came first.
        var reversed = PeopleDirectory()
        reversed.add(.init(name: "Lee, Mary Ann", team: "Data", email: nil, fte: 1))
        reversed.add(.init(name: "Mary Ann Lee", team: "Data", email: nil, fte: 1))
        #expect(reversed.person(matching: "Lee, Mary Ann")?.name == "Lee, Mary Ann")
        #expect(reversed.person(matching: "Mary Ann Lee")?.name == "Mary Ann Lee")
        #expect(people.person(matching: "Mary Ann Lee")?.name == "Mary Ann Lee")
    }

    @Test func ownersWithAnAddressOrInBracketsAreTheirName() throws {
        var people = PeopleDirectory()
        people.add(.init(name: "Aisha Okafor", team: "Platform", email: "aisha@contoso.com", fte: 1))
        let input = "id,owner\nA,Okafor Aisha <aisha@contoso.com>\nB,Ben Ode <ben@contoso.com>\nC,<cy@contoso.com>\nD,[Mei Chen]\nE,[]\nF,\"[Ana, Ben]\"\nG,Tom <not an address>\n"
            + "H,\"[\"\"Ana Ruiz\"\"]\"\nI,\"[\"\"Ana Ruiz\"\",\"\"Ben Okafor\"\"]\"\nJ,\"Pat O'Neil, Sam\"\n"
        let (output, _) = try normalized(input, people: people)
        #expect(output == "id,owner\nA,Aisha Okafor\nB,Ben Ode\nC,cy@contoso.com\nD,Mei Chen\nE,\nF,\"Ana, Ben\"\nG,Tom <not an address>\n"
                + "H,\"Ana Ruiz\"\nI,\"Ana Ruiz, Ben Okafor\"\nJ,\"Pat O'Neil, Sam\"\n")
    }

    /// Microsoft Project writes a resource's share after the name: the owner is the name.
    @Test func aResourceShareIsNotPartOfTheOwner() throws {
        let (output, _) = try normalized("id,owner\nA,Ben Okafor[50%]\nB,\"Ana Silva,Ben Okafor[25.5%]\"\nC,Team [Blue]\n")
        #expect(output == "id,owner\nA,Ben Okafor\nB,\"Ana Silva,Ben Okafor\"\nC,Team [Blue]\n")
    }

    @Test func lastFirstBecomesTheNameTheSheetUsesElsewhere() throws {
        let (output, _) = try normalized("id,owner\nA,Ana Lopez\nB,\"Lopez, Ana\"\nC,\"Ana, Ben\"\n")
        #expect(output == "id,owner\nA,Ana Lopez\nB,\"Ana Lopez\"\nC,\"Ana, Ben\"\n")
    }

    @Test func raggedRowsAreReportedAndKept() throws {
        let input = "id,status\nA,Green,extra\nB\n"
        let (output, codes) = try normalized(input)
        #expect(output == "id,status\nA,on-track,extra\nB\n")
        #expect(codes == ["ragged-row", "ragged-row"])
    }

    @Test func percentFormatting() {
        #expect(CellNormalizer.formatPercent(45) == "45%")
        #expect(CellNormalizer.formatPercent(33.3333) == "33.33%")
        #expect(CellNormalizer.formatPercent(0.5) == "0.5%")
    }

    /// The canonical tracker writes a number cell plainly when it holds only the number; a unit, currency or scale it
    /// carries has no other place there, so such a cell is kept as typed.
    @Test(arguments: [
        ("0,5", 0.5, "0.5"), ("1.250,5", 1250.5, "1250.5"), ("1 250", 1250, "1250"), ("(2.5)", -2.5, "-2.5"), ("40", 40, "40"),
        (" 12,50 ", 12.5, "12.5"), ("€40m", 40_000_000, nil), ("2.8%", 2.8, nil), ("NPS 42", 42, nil),
    ] as [(String, Double, String?)])
    func aNumberOnlyCellIsWrittenPlainly(_ typed: String, _ number: Double, _ written: String?) {
        var typed = typed
        let text = typed.withUTF8 { CellReading.number(number).trackerText(typed: $0) }
        #expect(text == written)
    }
}
