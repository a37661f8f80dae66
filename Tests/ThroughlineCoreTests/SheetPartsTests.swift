import Foundation
import Testing
@testable import ThroughlineCore

/// A large sheet is read in two halves on two threads: what the halves see, joined, must be exactly what one pass sees.
@Suite struct SheetPartsTests {
    /// Two parts where there are two processors to read them.
    static let split = ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1

    /// Writes `bytes` to a file of its own and opens it as a sheet that splits at any size.
    static func splittingSheet(_ bytes: [UInt8], name: String = "t.csv") throws -> (Sheet, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("throughline-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        let sheet = try Sheet(input: try CSVInput(path: url.path, displayName: name), conventions: .builtIn)
        sheet.minimumSplitSize = 1
        return (sheet, folder)
    }

    /// A cell that cannot be read is named by its header, in the first rows, in one pass and in either half.
    @Test(arguments: [5, 150, 390])
    func anUnclosedQuoteIsNamedByItsHeader(_ row: Int) throws {
        var text = "Tracker export\nID,Title,Owner\n"
        for index in 0..<400 { text += index == row ? "T\(index),Task \(index),\"Ana\n" : "T\(index),Task \(index),Ana Lopez\n" }
        let expected = ThroughlineError.data(SourceLocation(file: "t.csv", line: row + 3, column: "Owner"),
                                             "unclosed quote: the quoted cell that opens here never closes before the end of the file",
                                             hint: "a cell that starts with \" must end with \"; write a quote inside a quoted cell as \"\"")
        for splitting in [true, false] {
            #expect(throws: expected) {
                let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
                defer { try? FileManager.default.removeItem(at: folder) }
                if !splitting { sheet.minimumSplitSize = .max }
                _ = try sheet.readDataRows(parts: { 0 }) { count, _ in count += 1 }
            }
        }
    }

    /// The rows left out (headings, notes, totals) are told in file order from either half, as one pass tells them.
    @Test func leftOutRowsAreToldInOrderFromBothHalves() throws {
        var text = "ID,Title,Owner,Status\n"
        for index in 0..<400 {
            text += index % 50 == 7 ? "SIG Node Group,,,\n" : index == 399 ? "Source: entity submissions,,,\n" : "T\(index),Task \(index),Ana,Green\n"
        }
        var wanted: [String] = []
        let (whole, wholeFolder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: wholeFolder) }
        try whole.forEachDataRow(leftOut: { wanted.append("\($0): \($1)") }) { _ in true }
        #expect(wanted.count == 9 && wanted.first == "9: a heading" && wanted.last == "401: a note")
        let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        var told: [String] = []
        let parts = try sheet.readDataRows(parts: { 0 }, leftOut: { told.append("\($0): \($1)") }) { count, _ in count += 1 }
        #expect(parts.count == Self.split)
        #expect(parts.reduce(0, +) == 391)
        #expect(told == wanted)
    }

    /// Rows read into a quoted cell after a stray quote are the item's `ragged-row`, located where the quote opens, from
    /// either half as from one pass; they are not told as rows left out as well.
    @Test(arguments: [20, 300])
    func rowsInsideAStrayQuoteAreARaggedRowFromEitherHalf(_ row: Int) throws {
        var text = "ID,Title,Owner,Status,Notes\n"
        for index in 0..<400 {
            text += index == row ? "T\(index),Task,Ana,Green,\"see below\n" : index == row + 2 ? "T\(index),Task,Ana,Green,ok\"\n" : "T\(index),Task \(index),Ana,Green,\n"
        }
        var found: [[String]] = []
        for split in [false, true] {
            let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
            defer { try? FileManager.default.removeItem(at: folder) }
            if !split { sheet.minimumSplitSize = .max }
            var told: [String] = []
            let parts = try sheet.readDataRows(parts: { 0 }, leftOut: { told.append("\($0): \($1)") }) { count, _ in count += 1 }
            #expect(parts.count == (split ? 2 : 1))
            #expect(parts.reduce(0, +) == 398)
            #expect(told.isEmpty)
            let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: "t.csv")
            let source = ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)
            let loaded = try LoadedTracker(sources: [source], conventions: .builtIn)
            found.append(loaded.findings.filter { $0.code == .raggedRow }.map { "\($0.location.line ?? 0):\($0.location.column ?? ""): \($0.message)" })
        }
        #expect(found[0] == ["\(row + 2):Notes: the quoted cell under Notes runs on past its line, and lines \(row + 3)–\(row + 4) read as rows inside it (a stray quote?): not as items"])
        #expect(found[1] == found[0])
    }

    /// A note written over several lines, with a few commas or another separator, is a note, not rows swallowed.
    @Test(arguments: ["\"Risks:\nvendor, budget, staffing\nlegal, travel\"", "\"a;b;c;d;e;f;g\nh;i;j;k;l;m\"", "\"see below\nT9,Task,O1,Ana,Green,2026-12-01,\""])
    func aNoteOverSeveralLinesIsNoRaggedRow(_ notes: String) throws {
        let text = "ID,Title,Parent,Owner,Status,Due,Notes\nO1,Goal,,Ana,Green,2027-01-31,\nT1,Task,O1,Ana,Green,2026-12-01,\(notes)\n"
        let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: "t.csv")
        let loaded = try LoadedTracker(sources: [ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)], conventions: .builtIn)
        // Only the last, a row's worth of the sheet's own delimiter, reads as a row inside the cell.
        #expect(loaded.findings.filter { $0.code == .raggedRow }.map(\.location.line) == (notes.contains("T9") ? [3] : []))
    }

    /// Every data row as its line and cells, read in parts, with the number of parts; and as one pass reads it.
    static func rows(_ text: String) throws -> (parts: Int, split: [String], whole: [String]) {
        let (sheet, folder) = try splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let parts = try sheet.readDataRows(parts: { [String]() }) { part, record in
            part.append("\(record.line): \(record.strings)")
        }
        // A second pass starts from the split the first one found, or knows there is none.
        let again = try sheet.readDataRows(parts: { [String]() }) { part, record in
            part.append("\(record.line): \(record.strings)")
        }
        #expect(again == parts)
        #expect(sheet.split != nil || Self.split == 1)
        // A search for the split started ahead of the first pass gives the same parts and split.
        let (early, earlyFolder) = try splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: earlyFolder) }
        early.startFindingSplit()
        #expect(early.pendingSplit != nil || Self.split == 1)
        let ahead = try early.readDataRows(parts: { [String]() }) { part, record in
            part.append("\(record.line): \(record.strings)")
        }
        #expect(ahead == parts)
        #expect(early.split == sheet.split)
        var whole: [String] = []
        try sheet.forEachDataRow { record in
            whole.append("\(record.line): \(record.strings)")
            return true
        }
        return (parts.count, parts.flatMap { $0 }, whole)
    }

    static func body(rows: Int, _ row: (Int) -> String) -> String {
        (0..<rows).map(row).joined()
    }

    @Test func plainSheetIsReadInTwoHalves() throws {
        let text = "Tracker export\n\nID,Title,Status\n" + Self.body(rows: 400) { "T\($0),Task \($0),Green\n" }
        let result = try Self.rows(text)
        #expect(result.parts == Self.split)
        #expect(result.split == result.whole)
        #expect(result.whole.count == 400)
    }

    @Test func quotedLineBreaksAndCarriageReturnsKeepTheirLineNumbers() throws {
        // A BOM, a sep= line, CR LF ends, lone CRs and cells that run over several lines, with doubled quotes.
        let rows = Self.body(rows: 300) { index in
            switch index % 4 {
            case 0: return "T\(index),\"Line one\r\nline \"\"two\"\"\",Amber\r\n"
            case 1: return "T\(index),\"a\rb\nc\",Red\r"
            case 2: return "\r\n"
            default: return "T\(index),Plain,Green\n"
            }
        }
        let text = "\u{FEFF}sep=,\r\nID,Title,Status\r\n" + rows
        let result = try Self.rows(text)
        #expect(result.parts == Self.split)
        #expect(result.split == result.whole)
        #expect(result.whole.last?.hasPrefix("527: ") == true)
    }

    /// A file from `EncodingDetector.halfScanThreshold` on is scanned for its encoding in two halves at once. The first
    /// half's counts give the split: a record starts there, on the line the counts say (line ends within cells, CR LF
    /// and lone CRs counted as the reader counts them), and the halves read from there are the rows one pass reads.
    @Test func aLargeFileIsSplitWhereItsEncodingScanCut() throws {
        // Cells with line breaks in the first and last quarters; plain rows around the middle, where the scan cuts.
        let rows = Self.body(rows: 200_000) { index in
            switch (50_000..<150_000).contains(index) ? 3 : index % 4 {
            case 0: return "T\(index),\"Zoë's line one\r\nline \"\"two\"\"\",Amber\r\n"
            case 1: return "T\(index),\"a\rb\nc\",Red\r"
            case 2: return "\r\n"
            default: return "T\(index),Plain task,Green\n"
            }
        }
        let text = "\u{FEFF}sep=,\r\nID,Title,Status\r\n" + rows
        #expect(text.utf8.count > EncodingDetector.halfScanThreshold)
        let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        guard Self.split == 2 else {
            #expect(sheet.input.scannedSplit == nil)
            return
        }
        let point = try #require(sheet.input.scannedSplit)
        #expect(point.offset > text.utf8.count / 3 && point.offset < text.utf8.count * 2 / 3)
        var starts: [Int: Int] = [:]
        try sheet.input.makeReader().forEach { record in
            starts[record.offset] = record.line
            return true
        }
        #expect(starts[point.offset] == point.line)
        sheet.startFindingSplit()
        #expect(sheet.pendingSplit == nil)
        let parts = try sheet.readDataRows(parts: { [String]() }) { part, record in part.append("\(record.line): \(record.strings)") }
        #expect(parts.count == 2)
        #expect(sheet.split == .some(point))
        var whole: [String] = []
        try sheet.forEachDataRow { record in
            whole.append("\(record.line): \(record.strings)")
            return true
        }
        #expect(parts.flatMap { $0 } == whole)
        #expect(whole.count == 175_000 && whole.last?.hasPrefix("275002: ") == true)
    }

    /// Wherever the line feed past the middle of the file falls, the sheet is read in two halves: with a byte order mark
    /// and a `sep=` line before the records, the middle of the file comes before the middle of the records, and a cut
    /// between the two is no split (the search then finds one past the records' middle).
    @Test func theSplitIsFoundWhereverTheMiddleFalls() throws {
        let rows = Self.body(rows: 300_000) { "T\(100_000 + $0),Task,Green\n" } + "\n"
        // With 18 spaces, the file's first line feed past its middle is 2 bytes before the middle of the records.
        for padding in [0, 18] {
            let text = "\u{FEFF}sep=,\n" + "ID,Title,Status" + String(repeating: " ", count: padding) + "\n" + rows
            let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
            defer { try? FileManager.default.removeItem(at: folder) }
            if let point = sheet.input.scannedSplit { #expect(point.offset >= (text.utf8.count - 9) / 2) }
            let parts = try sheet.readDataRows(parts: { 0 }) { count, _ in count += 1 }
            #expect(parts.count == Self.split, "padding \(padding)")
            #expect(parts.reduce(0, +) == 300_000)
        }
    }

    /// A quote left open where the encoding scan cut (a cell running over many lines) gives no split there: the search
    /// looks further, and the rows are still one pass's.
    @Test func anOpenQuoteAtTheCutLeavesTheSearchToFindTheSplit() throws {
        let cell = "\"" + (0..<300_000).map { "note line \($0)" }.joined(separator: "\n") + "\""
        let text = "ID,Title,Notes\nT1,Long,\(cell)\n" + Self.body(rows: 40_000) { "T\($0 + 2),Task,Green\n" }
        #expect(text.utf8.count > EncodingDetector.halfScanThreshold)
        let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(sheet.input.scannedSplit == nil)
        let parts = try sheet.readDataRows(parts: { [String]() }) { part, record in part.append("\(record.line): \(record.strings.prefix(2))") }
        var whole: [String] = []
        try sheet.forEachDataRow { record in
            whole.append("\(record.line): \(record.strings.prefix(2))")
            return true
        }
        #expect(parts.flatMap { $0 } == whole)
        #expect(whole.count == 40_001 && whole.last == "340001: [\"T40001\", \"Task\"]")
    }

    @Test func aSplitInsideAQuotedCellIsCaughtAndReadInOnePass() throws {
        // A stray quote early on leaves the count of quotes odd, so the middle of a long quoted cell looks like a place
        // to split; the first half finds no record starting there.
        let cell = "\"" + (0..<400).map { "note line \($0)" }.joined(separator: "\n") + "\""
        let text = "ID,Title,Notes\nT0,5\" screen,x\nT1,Long,\(cell)\nT2,After,y\n"
        let result = try Self.rows(text)
        #expect(result.parts == 1)
        #expect(result.split == result.whole)
        #expect(result.whole.map { $0.prefix(3) } == ["2: ", "3: ", "403"])
    }

    @Test func aMiddleAboveTheHeaderIsNotASplit() throws {
        let preamble = Self.body(rows: 20) { "Exported by the PMO, note \($0): " + String(repeating: "do not edit ", count: 30) + "\n" }
        let text = preamble + "ID,Title,Status\nT1,One,Green\nT2,Two,Red\n"
        let result = try Self.rows(text)
        #expect(result.parts == 1)
        #expect(result.split == result.whole)
        #expect(result.whole.count == 2)
    }

    @Test func anUnclosedQuoteInTheSecondHalfIsTheSameError() throws {
        let text = "ID,Title\n" + Self.body(rows: 300) { "T\($0),Task\n" } + "T9,\"never closed\n"
        let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        var splitError = "", wholeError = ""
        do { _ = try sheet.readDataRows(parts: { 0 }) { count, _ in count += 1 } } catch { splitError = "\(error)" }
        do { try sheet.forEachDataRow { _ in true } } catch { wholeError = "\(error)" }
        #expect(!wholeError.isEmpty)
        #expect(splitError == wholeError)
    }

    /// A tracker whose second half holds what only the whole sheet decides: a day-first date, `Lopez, Ana` for the
    /// `Ana Lopez` of the first half, bare fractions in the progress column.
    @Test func loadingInTwoHalvesReadsEveryItemAsOnePassDoes() throws {
        var text = "ID,Type,Title,Parent,Owner,Status,% Complete,Due,Updated\n"
        for index in 0..<600 {
            let firstHalf = index < 300
            let owner = firstHalf ? "Ana Lopez" : "\"Lopez, Ana\""
            let due = firstHalf ? "3/4/2026" : "25/4/2026"
            let status = index % 7 == 0 ? "Tbc" : index % 2 == 0 ? "G" : "amber"
            text += "T\(index),Task,Task \(index),T\(max(0, index - 1)),\(owner),\(status),0.\(index % 10),\(due),1/\(index % 12 + 1)/2026\n"
        }
        let (whole, wholeFolder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: wholeFolder) }
        whole.minimumSplitSize = .max
        let (split, splitFolder) = try Self.splittingSheet(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: splitFolder) }

        func load(_ sheet: Sheet) throws -> LoadedTracker {
            let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: "t.csv")
            return try LoadedTracker(sources: [ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)], conventions: .builtIn)
        }
        let one = try load(whole), two = try load(split)
        // The halves did join: the comparison below is between two readings, not one reading twice.
        #expect((split.split ?? nil) != nil || Self.split == 1)
        #expect(two.items.map(ItemReaderTests.describe) == one.items.map(ItemReaderTests.describe))
        #expect(two.items.map(\.line) == one.items.map(\.line))
        #expect(two.findings.map { "\($0.location.line ?? 0) \($0.code.name) \($0.message)" } == one.findings.map { "\($0.location.line ?? 0) \($0.code.name) \($0.message)" })
        #expect(two.owners == one.owners && two.teams == one.teams)
        // The whole sheet's evidence decides: day first, fractions, and one owner.
        #expect(one.items[0].due?.iso == "2026-04-03")
        #expect(one.items[0].progress == 0)
        #expect(one.items[1].progress == 10)
        #expect(one.owners == ["Ana Lopez"])
        #expect(one.findings.contains { $0.code == .unknownStatus })
    }

    @Test func workInHalvesCoversTheRangeOnceInOrder() {
        let halves = inHalves(10, minimum: 1) { Array($0) }
        #expect(halves.joined().map { $0 } == Array(0..<10))
        #expect(halves.count == Self.split)
        #expect(inHalves(10, minimum: 11) { Array($0) } == [Array(0..<10)])
    }

    @Test func pipelinedPartsAreTakenInOrder() {
        var taken: [Int] = []
        pipelined(5, make: { $0 * 10 }, take: { taken.append($0) })
        #expect(taken == [0, 10, 20, 30, 40])
        pipelined(0, make: { $0 }, take: { taken.append($0) })
        #expect(taken.count == 5)
    }

    @Test func aPipelineStopsWhereTakingThrows() {
        struct Stop: Error {}
        var taken: [Int] = []
        #expect(throws: Stop.self) { try pipelined(5, make: { $0 }, take: { if $0 == 2 { throw Stop() }; taken.append($0) }) }
        #expect(taken == [0, 1])
    }

    /// References looked up in two halves at once resolve as in one go: ids, titles in another case, ids in another
    /// case, duplicates, unknown references and dependencies.
    @Test func aPortfolioResolvedInHalvesIsTheSame() throws {
        var text = "id,type,title,parent,objective,depends-on\nO1,objective,Grow revenue,,,\nO2,objective,Cut churn,,,\n"
        for index in 0..<400 {
            // Titles and ids in another case from both halves of the sheet.
            let parent = index % 29 == 0 ? "TASK \(399 - index)" : index % 31 == 0 ? "w\(399 - index)" : index % 5 == 0 ? "grow  REVENUE" : index % 7 == 0 ? "o2" : index % 11 == 0 ? "W\(index + 1)" : index % 13 == 0 ? "Nowhere" : "O\(index % 2 + 1)"
            let dependsOn = index % 17 == 0 ? "W\(index / 2)" : index % 19 == 0 ? "task \(index / 3)" : ""
            text += "W\(index),workstream,Task \(index),\(parent),\(index % 23 == 0 ? "Cut Churn" : ""),\(dependsOn)\n"
        }
        text += "W3,workstream,Again,O1,,\n"
        let loaded = try analyse(text).derivation.portfolio.items
        let one = Portfolio(items: loaded, sharedFrom: .max), two = Portfolio(items: loaded, sharedFrom: 1)
        #expect(Array(two.parent) == Array(one.parent))
        #expect(Array(two.objective) == Array(one.objective))
        #expect(two.dependencies.map(Array.init) == one.dependencies.map(Array.init))
        #expect(two.findings.map(\.message) == one.findings.map(\.message))
        #expect(one.findings.contains { $0.code == .unknownReference } && one.findings.contains { $0.code == .duplicateID })
        #expect(one.parent[7].map { one.items[$0].id } == "O1")
        #expect(one.parent[9].map { one.items[$0].id } == "O2")
        #expect(one.parent[2 + 29].map { one.items[$0].id } == "W370")
        #expect(one.parent[2 + 31].map { one.items[$0].id } == "W368")
    }

    /// Items that rest on nothing, derived in two halves at once, come out as in one go, with the facts kept apart
    /// (a KPI's sentence, an over-allocated owner) from both halves, and the parents and dependents above them.
    @Test func aDerivationInHalvesIsTheSame() throws {
        let capacity = try plan("person,period,allocated\nPriya,2026-12,1.3\nOmar,2027-01,1.5\n")
        var text = "id,type,title,parent,owner,status,progress,start,due,forecast,depends-on,baseline,target,actual\n"
        text += "O1,objective,Grow,,,,,,,,,,,\nO2,objective,Keep,,,,,,,,,,,\n"
        for index in 0..<300 {
            let parent = "O\(index % 2 + 1)"
            switch index % 6 {
            case 0: text += "K\(index),key result,Revenue \(index),\(parent),,,,2026-01-01,2026-12-31,,,10,20,\(index % 4 == 0 ? 12 : 25)\n"
            case 1: text += "M\(index),milestone,Beta \(index),\(parent),\(index % 12 == 1 ? "Priya" : "Omar"),Green,40,2026-10-01,2027-01-31,,,,,\n"
            case 2: text += "M\(index),milestone,Late \(index),\(parent),Ben,Green,,2026-09-01,2026-11-\(10 + index % 9),,,,,\n"
            case 3: text += "M\(index),milestone,Slip \(index),\(parent),Ana,Amber,,2026-11-01,2026-12-10,2026-12-\(12 + index % 15),\(index % 12 == 3 ? "M\(index - 1)" : ""),,,\n"
            case 4: text += "M\(index),milestone,Idle \(index),\(parent),Ana,\(index % 4 == 0 ? "Cancelled" : "On hold"),,,,,,,,\n"
            default: text += "M\(index),milestone,Done \(index),\(parent),Ana,Done,,,2026-10-01,,,,,\n"
            }
        }
        let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: "t.csv"), conventions: .builtIn)
        let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: "t.csv")
        let loaded = try LoadedTracker(sources: [ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)], conventions: .builtIn)
        let portfolio = Portfolio(items: loaded.items)
        let settings = RollupSettings(asOf: CalendarDate(year: 2026, month: 11, day: 21)!)
        let one = Derivation(portfolio: portfolio, settings: settings, capacity: capacity, sharedFrom: .max)
        let two = Derivation(portfolio: portfolio, settings: settings, capacity: capacity, sharedFrom: 1)
        #expect(Array(two.results) == Array(one.results))
        #expect(portfolio.items.indices.map(two.reason) == portfolio.items.indices.map(one.reason))
        #expect(portfolio.items.indices.map(two.impactReason) == portfolio.items.indices.map(one.impactReason))
        #expect(portfolio.items.indices.map(two.rootCause) == portfolio.items.indices.map(one.rootCause))
        // Every kind of result is there, on both sides of the middle.
        let reasons = portfolio.items.indices.map(one.reason)
        for (index, expected) in [(3, "M1 owner Priya is allocated 130% in 2026-12"), (297, "M295 owner Omar is allocated 150% in 2027-01"), (301, "M299 done"), (4, "M2 overdue 9 days (due 2026-11-12)"),
                                  (294, "M292 typed cancelled"), (300, "M298 typed on-hold"),
                                  (293, "M291 blocked (waits for M290) <- M290 overdue 9 days (due 2026-11-12)")] {
            #expect(reasons[index] == expected)
        }
        #expect(one.impactReason(2) == "K0 actual 12 vs target 20 (baseline 10, higher is better): behind pace (expected 18.9 by now)")
        #expect(one.impactReason(296) == "K294 actual 25 vs target 20 (baseline 10, higher is better): target met")
        #expect(one.results[0].status == .offTrack)
    }

    /// A normalizer planned from a sheet's first rows, checked as the items are read, reads every cell as one planned
    /// from the whole sheet: when the later rows change the plan (a day-first date, a percentage above 1, an owner
    /// named alone after `Lopez, Ana`), the sheet is read again.
    @Test(arguments: [
        // Nothing later changes the plan.
        "id,title,owner,due,progress\nA,a,Ana Lopez,13/1/2026,40\nB,b,Ben Ode,3/1/2026,50\nC,c,Ana Lopez,4/2/2026,60\n",
        // The first rows do not say the order; a later one does (3/1 is 3 January, not an ambiguous date).
        "id,title,due\nA,a,3/1/2026\nB,b,4/2/2026\nC,c,25/12/2026\n",
        // Fractions first, then a whole percentage: 0.5 is 0.5%, not 50%.
        "id,title,progress\nA,a,0.5\nB,b,0.25\nC,c,40\n",
        // `Lopez, Ana` before `Ana Lopez` is named alone.
        "id,title,owner\nA,a,\"Lopez, Ana\"\nB,b,Ben Ode\nC,c,Ana Lopez\n",
    ])
    func aPlanFromTheFirstRowsReadsAsTheWholeSheets(_ text: String) throws {
        let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: "t.csv"), conventions: .builtIn)
        let plan: @Sendable (ColumnProfile) -> CellNormalizer = { [layout = sheet.layout] profile in
            CellNormalizer(layout: layout, profile: profile, conventions: .builtIn, file: "t.csv")
        }
        let whole = try LoadedTracker(sources: [ImportSource(sheet: sheet, normalizer: plan(try ColumnProfile(sheet: sheet)), defaultType: nil)],
                                      conventions: .builtIn)
        let early = try LoadedTracker(sources: [ImportSource(sheet: sheet, defaultType: nil, firstRows: 2, plan: plan)], conventions: .builtIn)
        #expect(early.items.map(ItemReaderTests.describe) == whole.items.map(ItemReaderTests.describe))
        #expect(early.findings.map(\.message) == whole.findings.map(\.message))
        #expect(early.owners == whole.owners)
    }

    /// Loading the items learns the same profile as a pass of its own over the whole sheet, in one part and in two:
    /// also when a column has so many distinct dates that the normalizer stops remembering it part way.
    @Test func theProfileLearnedWhileLoadingIsTheWholeSheets() throws {
        var text = "id,title,owner,start,due,progress\n"
        for index in 0..<3_000 {
            // 2,500 distinct dates first (so the memo of the column is let go), then repeats; day-first dates only late.
            let day = index < 2_500 ? index : index % 700
            let date = CalendarDate(year: 2020, month: 1, day: 1)!.adding(days: day)
            let start = index > 2_900 ? "\(date.day)/\(date.month)/\(date.year)" : "\(date.month)/\(date.day)/\(date.year)"
            let owner = index % 3 == 0 ? "\"Lopez, Ana\"" : index % 5 == 0 ? "Ana Lopez" : "Person \(index % 40)"
            text += "T\(index),Task \(index),\(owner),\(start),\(date.iso),\(Double(index % 1_300) / 1_000)\n"
        }
        for splitting in [false, true] {
            let (sheet, folder) = try Self.splittingSheet(Array(text.utf8))
            defer { try? FileManager.default.removeItem(at: folder) }
            if !splitting { sheet.minimumSplitSize = .max }
            let whole = try ColumnProfile(sheet: sheet)
            let normalizer = CellNormalizer(layout: sheet.layout, profile: ColumnProfile(), conventions: .builtIn, file: "t.csv")
            let learned = try LoadedTracker.learnedProfile(ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil), conventions: .builtIn)
            #expect(learned == whole)
            #expect(whole.dates.values.contains { $0.dayFirstVotes > 0 })
            #expect(whole.commaOwners == ["Lopez, Ana"] && whole.soleOwners["ana lopez"] == "Ana Lopez")
        }
    }
}
