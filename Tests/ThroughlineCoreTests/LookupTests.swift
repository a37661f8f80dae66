import Testing
@testable import ThroughlineCore

/// The tables cells and items are looked up in: they must find exactly what a dictionary of strings would.
@Suite struct LookupTests {
    static let words = ["", " ", "a", "A", "ab", "ba", "On track", "on  TRACK.", "Ready?!", "x / y", "x/ y ", "abc .", ". .",
                        "...", "a.b", "Grüne Ampel", "Won’t do", "\tTabbed\ttext\t", "WS-001", "ws-001", "é", "e\u{301}"]

    @Test func byteMemoAgreesWithADictionary() {
        var memo = ByteMemo<Int>(capacity: 1)
        var reference: [[UInt8]: Int] = [:]
        // Many more keys than the starting size, so the table grows several times; some keys are stored twice.
        var generator = SeededGenerator(seed: 7)
        for round in 0..<5_000 {
            let length = Int(generator.next() % 6)
            let key = (0..<length).map { _ in UInt8(97 + generator.next() % 4) }
            key.withUnsafeBufferPointer { memo.store(round, for: $0) }
            reference[key] = round
        }
        #expect(memo.count == reference.count)
        for (key, value) in reference {
            #expect(key.withUnsafeBufferPointer { memo.value(for: $0) } == value)
        }
        #expect([UInt8]("zz".utf8).withUnsafeBufferPointer { memo.value(for: $0) } == nil)
    }

    /// Every byte of a key counts in its hash, the last ones (read four, two and one at a time) as much as the rest, and
    /// nothing after the key does.
    @Test func byteMemoHashesEveryByteAndNoMore() {
        var bytes = (0..<40).map { UInt8(0x41 + $0) }
        for length in 0...24 {
            let hash = bytes.withUnsafeBufferPointer { ByteMemo<Int>.hash(UnsafeBufferPointer(rebasing: $0[0..<length])) }
            for position in 0..<length {
                bytes[position] ^= 0x20
                #expect(bytes.withUnsafeBufferPointer { ByteMemo<Int>.hash(UnsafeBufferPointer(rebasing: $0[0..<length])) } != hash)
                bytes[position] ^= 0x20
            }
            bytes[length] ^= 0x20
            #expect(bytes.withUnsafeBufferPointer { ByteMemo<Int>.hash(UnsafeBufferPointer(rebasing: $0[0..<length])) } == hash)
            bytes[length] ^= 0x20
        }
    }

    @Test func byteMemoComputesEachKeyOnce() {
        var memo = ByteMemo<String>()
        var computed = 0
        for word in ["x", "y", "x", "x", "", ""] {
            _ = Array(word.utf8).withUnsafeBufferPointer { memo.value(for: $0) { computed += 1; return String(decoding: $0, as: UTF8.self) } }
        }
        #expect(computed == 3)
        #expect(memo.storedValues == ["x", "y", ""])
    }

    @Test(arguments: words)
    func wordKeyHashesAreTheHashesOfWordKeys(_ text: String) {
        let key = Conventions.wordKey(text)
        #expect(KeyHash.wordKey(text) == (key.isEmpty ? nil : KeyHash.of(key.utf8)))
    }

    @Test(arguments: words)
    func aTextAndItsWordKeyHaveOneLetterSum(_ text: String) {
        let sum = { (text: String) in Array(text.utf8).withUnsafeBufferPointer(LetterSum.of) }
        let key = Conventions.wordKey(text)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(sum(text) != nil && sum(text) == sum(key))
            #expect(sum(text.uppercased()) == sum(key))
        } else {
            #expect(sum(text) == nil)
        }
    }

    @Test func letterSumsTellTextsApart() {
        let sum = { (text: String) in Array(text.utf8).withUnsafeBufferPointer(LetterSum.of) }
        #expect(sum("Launch") != sum("Lunch"))
        #expect(sum("ws-001") != sum("ws-002"))
        #expect(sum("a b") == sum("ab"))
    }

    @Test(arguments: words)
    func lowercaseHashesAreTheHashesOfLowercasedText(_ text: String) {
        #expect(KeyHash.lowercased(text) == KeyHash.of(text.lowercased().utf8))
    }

    @Test func itemIndexFindsTheFirstItemPerKey() {
        // Keys repeat and many share a slot: every lookup must still land on the first item with that key.
        let keys = (0..<3_000).map { "K\($0 % 1_000)" }
        var index = ItemIndex(capacity: 4)
        var earlier: [Int?] = []
        for (position, key) in keys.enumerated() {
            earlier.append(index.insert(position, hash: KeyHash.of(key.utf8), matches: { keys[$0] == key }))
        }
        #expect(index.count == 1_000)
        #expect(earlier[0..<1_000].allSatisfy { $0 == nil })
        #expect(earlier[1_000...].enumerated().allSatisfy { $1 == $0 % 1_000 })
        for probe in ["K0", "K999", "K500"] {
            #expect(index.find(KeyHash.of(probe.utf8), matches: { keys[$0] == probe }) == Int(probe.dropFirst()))
        }
        #expect(index.find(KeyHash.of("K1000".utf8), matches: { keys[$0] == "K1000" }) == nil)
    }

    @Test func theIDIndexFindsTheFirstRowPerIdOnOneCoreOrTwo() {
        // Ids repeat, some rows have none: both ways of building give each row's first, and every repeat in sheet order.
        let ids = (0..<5_000).map { $0 % 7 == 0 ? "" : "ID-\($0 % 1_300)" }
        let items = LoadedTracker(values: ids.map { id in
            var values = ItemValues()
            values.id = id
            return values
        }, file: "t.csv").items
        var first: [String: Int] = [:]
        var expected: [(row: Int, first: Int)] = []
        for (row, id) in ids.enumerated() where !id.isEmpty {
            if let earlier = first[id] { expected.append((row, earlier)) } else { first[id] = row }
        }
        for sharedFrom in [Int.max, 1] {
            let (index, repeats) = IDIndex.build(items, sharedFrom: sharedFrom)
            #expect(repeats.map(\.row) == expected.map(\.row))
            #expect(repeats.map(\.first) == expected.map(\.first))
            for (id, row) in first {
                var bytes = Array(id.utf8)
                let found = bytes.withUnsafeMutableBufferPointer { bytes in
                    index.find(IDIndex.hash(UnsafeBufferPointer(bytes)), matches: { items[$0].id == id })
                }
                #expect(found == row)
            }
            #expect(index.find(IDIndex.hash(UnsafeBufferPointer(start: nil, count: 0)), matches: { items[$0].id.isEmpty }) == nil)
        }
    }

    @Test func theResolverFindsAnnouncedAndUnannouncedReferences() {
        let items = LoadedTracker(values: [("A1", "Grow revenue"), ("B2", "Cut churn"), ("C3", "Grow Revenue"), ("D4", "Hire")].map { id, title in
            var values = ItemValues()
            values.id = id
            values.title = title
            return values
        }, file: "t.csv").items
        var resolver = ReferenceResolver(items: items, byID: IDIndex.build(items, sharedFrom: .max).index, repeatedIDs: [])
        #expect(resolver.exactIDOrAnnounce("B2") == 1)
        #expect(resolver.exactIDOrAnnounce("grow  REVENUE") == -1)
        // Only the announced title is indexed at first; it is found with the count of items sharing it.
        #expect(resolver.lookup("grow revenue")?.index == 0)
        #expect(resolver.lookup("grow revenue")?.sharedBy == 2)
        // Neither was announced: the index is rebuilt with every title and id, and both are still found.
        #expect(resolver.lookup("hire")?.index == 3)
        #expect(resolver.lookup("d4")?.index == 3)
        #expect(resolver.lookup("Grow Revenue")?.sharedBy == 2)
        #expect(resolver.lookup("nothing") == nil)
    }
}

/// `rollup` reads cells straight into items; `import` writes them as canonical text. Both must say the same of every cell.
@Suite struct ItemReaderTests {
    static func source(_ text: String) throws -> ImportSource {
        let sheet = try Sheet(input: try CSVInput(bytes: Array(text.utf8), file: "t.csv"), conventions: .builtIn)
        let normalizer = CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: .builtIn, file: "t.csv")
        return ImportSource(sheet: sheet, normalizer: normalizer, defaultType: nil)
    }

    /// What an item holds, read back from a canonical row the way a second program would read `import`'s output.
    static func fromCanonical(_ cells: [String]) -> [String] {
        func cell(_ field: Field) -> String { cells[field.position] }
        let progress = cell(.progress).hasSuffix("%") ? Double(cell(.progress).dropLast()) : nil
        let weight = NumberReading.read(cell(.weight)).flatMap { Item.isUsableWeight($0) ? $0 : nil } ?? 1
        return [cell(.id), ItemType(rawValue: cell(.type))?.rawValue ?? "-", cell(.title), cell(.objective), cell(.parent), cell(.owner),
                cell(.team), Status(rawValue: cell(.status))?.rawValue ?? "-", progress.map { "\($0)" } ?? "-",
                CalendarDate(iso: cell(.start))?.iso ?? "-", CalendarDate(iso: cell(.due))?.iso ?? "-",
                CalendarDate(iso: cell(.forecast))?.iso ?? "-", CalendarDate(iso: cell(.updated))?.iso ?? "-",
                Item.splitReferences(cell(.dependsOn)).joined(separator: "|"), "\(weight)",
                NumberReading.read(cell(.baseline)).map { "\($0)" } ?? "-", NumberReading.read(cell(.target)).map { "\($0)" } ?? "-",
                NumberReading.read(cell(.actual)).map { "\($0)" } ?? "-", cell(.unit),
                KPIDirection(typed: cell(.direction))?.rawValue ?? "-", "\(!cell(.notes).trimmingSpaces.isEmpty)"]
    }

    static func describe(_ item: Item) -> [String] {
        [item.id, item.type?.rawValue ?? "-", item.title, item.objectiveReference, item.parentReference, item.owner, item.team,
         item.typedStatus?.rawValue ?? "-", item.progress.map { "\($0)" } ?? "-", item.start?.iso ?? "-", item.due?.iso ?? "-",
         item.forecast?.iso ?? "-", item.updated?.iso ?? "-", item.dependencyReferences.joined(separator: "|"), "\(item.weight)",
         item.baseline.map { "\($0)" } ?? "-", item.target.map { "\($0)" } ?? "-", item.actual.map { "\($0)" } ?? "-", item.unit,
         item.direction?.rawValue ?? "-", "\(item.hasNotes)"]
    }

    @Test func itemsHoldWhatImportWrites() throws {
        let text = """
        Ref,Level,Name,Parent,Lead,Dept,RAG,% Complete,Start,Due,Forecast,Updated,Blocked By,Weight,Baseline,Target,Current,Unit,Direction,Comments
        O1,Objective,  Grow  ARR ,,"Lopez, Ana",Growth,Green,74%,2026-01-02,5/1/2026,,14/11/2026,,,,,,,,
        KR1,Key Result,Reach 40m,O1,ana lopez,Payments ,Amber,0.695,,30/6/2026,,1/12/2026,,2,31.5,40,"35,1",EUR m,higher is better," note "
        I1,Initiative,Pricing,KR1,Ana Lopez,Payments,🟢 On track,1/3,2026-02-01,2026-12-31,2027-01-15,,"KR1; O1 ,",0,,,,,,
        M1,Mile stone,Launch,I1,Platform Team,,Tbc,45 %,Q1 2026,March 2026,45000,yesterday,,1e9,,,,,sideways,\u{00A0}
        M2,,Ship,I1,  Ben   Okafor ,Ops,done,,,,,,,abc,,,,,,
        """
        let source = try Self.source(text + "\n")
        var canonical: [[String]] = []
        var importFindings: [String] = []
        _ = try TrackerImport.rows([source], conventions: .builtIn, onFinding: { importFindings.append("\($0.location.line ?? 0) \($0.code.name)") }) { cells, _, _ in
            canonical.append(Self.fromCanonical(cells))
        }
        let loaded = try LoadedTracker(sources: [try Self.source(text + "\n")], conventions: .builtIn)
        #expect(loaded.items.map(Self.describe) == canonical)
        #expect(loaded.findings.map { "\($0.location.line ?? 0) \($0.code.name)" } == importFindings)
        #expect(importFindings.contains("6 bad-number"))
    }

    @Test func progressOutsideTheScaleIsReportedAndNotUsed() throws {
        let analysis = try analyse("id,type,title,progress,due\nM,milestone,x,150%,2026-12-31\n")
        #expect(analysis.codes("M").contains("bad-number"))
        #expect(analysis.derivation.portfolio.items[0].progress == nil)
        #expect(analysis.status("M") == .onTrack)
    }
}

@Test func recordCodesStandForEachTypeAndStatus() {
    #expect(ItemType.allCases.allSatisfy { ItemType(recordCode: $0.recordCode) == $0 })
    #expect(Set(ItemType.allCases.map(\.recordCode)).count == ItemType.allCases.count)
    #expect(Status.allCases.allSatisfy { Status(recordCode: $0.recordCode) == $0 })
    #expect(Set(Status.allCases.map(\.recordCode)).count == Status.allCases.count)
    #expect(ItemType(recordCode: 0) == nil && Status(recordCode: 0) == nil)
}

/// A million items are a million records: their size is what rollup's memory on a large sheet is made of.
@Test func aRecordTakesFiftySixBytes() {
    #expect(MemoryLayout<ItemRecord>.stride == 56)
}

/// Progress and weight are kept in fewer bytes when that gives them back exactly, and apart when it does not.
@Test(arguments: [(45.5, 1.0), (33.33, 2.5), (0, 0.1), (100, 3), (12.345, 1), (0.001, 1_000_000), (-0.0, 1), (7, 0.3)])
func progressAndWeightReadBackExactly(_ progress: Double, _ weight: Double) {
    var values = ItemValues()
    values.id = "A"
    values.progress = progress
    values.weight = weight
    let item = LoadedTracker(values: [values], file: "t.csv").items[0]
    #expect(item.progress?.bitPattern == progress.bitPattern)
    #expect(item.weight.bitPattern == weight.bitPattern)
    #expect(item.target == nil)
}

/// A finding on a row whose id cell is empty names no id, as every finding does.
@Test func aFindingOnARowWithNoIDNamesNone() throws {
    let analysis = try analyse("ID,Title,Owner,Due\n  ,Launch site,Ana Lopez,31/31/2026\n")
    let bad = analysis.findings().first { $0.code == .badDate }
    #expect(bad != nil)
    #expect(bad?.id == nil)
    #expect(bad?.owner == "Ana Lopez")
}

/// Any date a `CalendarDate` can be is held by an item and given back.
@Test func anItemHoldsTheFarthestDates() {
    for year in [4_950_000, -4_950_000, 1900, 2026] {
        var values = ItemValues()
        values.due = CalendarDate(year: year, month: 12, day: 31)
        #expect(LoadedTracker(values: [values], file: "t.csv").items[0].due == values.due)
    }
}

/// An empty key is one key, whether its buffer has an address or not.
@Test func anEmptyMemoKeyIsOneKey() {
    var memo = ByteMemo<Int>()
    memo.store(1, for: UnsafeBufferPointer(start: nil, count: 0))
    let found = [UInt8(1), 2].withUnsafeBufferPointer { memo.value(for: UnsafeBufferPointer(rebasing: $0[0..<0])) }
    #expect(found == 1)
    #expect(memo.count == 1)
}

/// A hash filter holds what was put in it, 0 included, and says no to the rest.
@Test func aHashFilterHoldsWhatWasPutIn() {
    var filter = HashFilter()
    #expect(!filter.contains(42))
    let held: [UInt64] = [0, 1, 42, .max, 0xFFFF_F000_0000_0000] + (0..<5_000).map { KeyHash.of(Array("key \($0)".utf8)) }
    for hash in held { filter.insert(hash) }
    #expect(held.allSatisfy(filter.contains))
    #expect(filter.count == held.count - 1)  // 0 is kept as 1
    let others = (0..<5_000).map { KeyHash.of(Array("other \($0)".utf8)) }
    #expect(others.filter(filter.contains).isEmpty)
}

/// References read from their bytes (dependency cells of ids, titles and ids in another case) resolve as the string
/// path resolves them, and every other form still falls to it: CRs, letters beyond ASCII, shared titles, names of nothing.
@Suite struct ReferenceFormTests {
    static let rows = "id,type,title,parent,depends-on\nA,task,\"Pricing, packaging\",,\nB,task,Launch,,\nC,task,Won\u{2019}t fix,,\n"
        + "É1,task,Été,,\nD,task,Phase 1,,\nE,task,Phase 1,,\n"

    /// The subject X's cells, and what they resolve to.
    struct Case: Sendable, CustomTestStringConvertible {
        let parent: String
        let dependsOn: String
        let expectedParent: String?
        let expectedDependencies: [String]
        let codes: Set<String>
        var testDescription: String { "parent \(parent.debugDescription), depends-on \(dependsOn.debugDescription)" }
    }

    @Test(arguments: [
        Case(parent: "", dependsOn: "A; B", expectedParent: nil, expectedDependencies: ["A", "B"], codes: []),
        Case(parent: "", dependsOn: " A ,\tB ", expectedParent: nil, expectedDependencies: ["A", "B"], codes: []),
        Case(parent: "", dependsOn: "A\nB", expectedParent: nil, expectedDependencies: ["A", "B"], codes: []),
        Case(parent: "", dependsOn: "A;\r\nB", expectedParent: nil, expectedDependencies: ["A", "B"], codes: []),
        Case(parent: "", dependsOn: "A, A", expectedParent: nil, expectedDependencies: ["A"], codes: []),
        Case(parent: "", dependsOn: "B, X", expectedParent: nil, expectedDependencies: ["B"], codes: ["dependency-cycle"]),
        Case(parent: "", dependsOn: "É1", expectedParent: nil, expectedDependencies: ["É1"], codes: []),
        Case(parent: "", dependsOn: "é1", expectedParent: nil, expectedDependencies: ["É1"], codes: []),
        Case(parent: "", dependsOn: "A, launch", expectedParent: nil, expectedDependencies: ["A", "B"], codes: []),
        Case(parent: "", dependsOn: "pricing,  packaging", expectedParent: nil, expectedDependencies: ["A"], codes: []),
        Case(parent: "", dependsOn: ", ;", expectedParent: nil, expectedDependencies: [], codes: []),
        Case(parent: "", dependsOn: "B; Z9", expectedParent: nil, expectedDependencies: ["B"], codes: ["unknown-reference"]),
        Case(parent: "launch", dependsOn: "", expectedParent: "B", expectedDependencies: [], codes: []),
        Case(parent: "  LAUNCH. ", dependsOn: "", expectedParent: "B", expectedDependencies: [], codes: []),
        Case(parent: "won't   FIX", dependsOn: "", expectedParent: "C", expectedDependencies: [], codes: []),
        Case(parent: "phase 1", dependsOn: "", expectedParent: "D", expectedDependencies: [], codes: ["ambiguous-reference"]),
        Case(parent: "a", dependsOn: "", expectedParent: "A", expectedDependencies: [], codes: []),
        Case(parent: "été", dependsOn: "", expectedParent: "É1", expectedDependencies: [], codes: []),
        Case(parent: "Pricing (https://www.notion.so/x)", dependsOn: "", expectedParent: nil, expectedDependencies: [], codes: ["unknown-reference"]),
        Case(parent: "Launch (https://www.notion.so/x)", dependsOn: "", expectedParent: "B", expectedDependencies: [], codes: []),
        Case(parent: "nowhere", dependsOn: "", expectedParent: nil, expectedDependencies: [], codes: ["unknown-reference"]),
    ])
    func aReferenceResolvesAsTyped(_ test: Case) throws {
        let quoted = { (cell: String) in "\"" + cell + "\"" }
        for sharedFrom in [Int.max, 1] {
            let analysis = try analyse(Self.rows + "X,task,x,\(quoted(test.parent)),\(quoted(test.dependsOn))\n")
            let portfolio = Portfolio(items: analysis.derivation.portfolio.items, sharedFrom: sharedFrom)
            let items = portfolio.items
            let subject = items.firstIndex { $0.id == "X" }!
            #expect(portfolio.parent[subject].map { items[$0].id } == test.expectedParent)
            #expect(portfolio.dependencies[subject].map { items[$0].id } == test.expectedDependencies)
            #expect(Set(portfolio.findings.filter { $0.id == "X" }.map(\.code.name)) == test.codes)
        }
    }
}
