/// A tracker read, resolved and derived: everything `rollup` and `check` report.
public struct TrackerAnalysis: Sendable {
    /// The derived portfolio.
    public let derivation: Derivation
    /// Findings from reading the cells and resolving references (data problems), before any check runs.
    public let dataFindings: [Finding]
    /// The capacity plan, when one was given.
    public let capacity: CapacityPlan?
    /// The tracker sheets read, in the order read, and how many items each gave.
    public let files: [String], itemCounts: [String: Int]
    private let owners: OwnerClassifier
    private let headerNames: [String: [Field: String]]
    private let underAllocatedAt: Double

    /// Reads, resolves and derives a loaded tracker; the checks run only when `findings()` is asked for.
    public init(_ loaded: LoadedTracker, settings: RollupSettings, people: PeopleDirectory, conventions: Conventions,
                capacity: CapacityPlan? = nil, underAllocatedAt: Double = 0.75) {
        let portfolio = Portfolio(items: loaded.items)
        derivation = Derivation(portfolio: portfolio, settings: settings, capacity: capacity)
        self.capacity = capacity
        self.underAllocatedAt = underAllocatedAt
        owners = OwnerClassifier(owners: loaded.owners, teams: loaded.teams, people: people, conventions: conventions)
        headerNames = loaded.headerNames
        files = loaded.files
        itemCounts = loaded.itemCounts
        // References are found by field; name the column as the sheet does ("Belongs To", not "parent").
        let located = portfolio.findings.map { finding -> Finding in
            var finding = finding
            if let column = finding.location.column, let field = Field(rawValue: column), let header = loaded.headerNames[finding.location.file]?[field] {
                finding.location.column = header
            }
            return finding
        }
        dataFindings = loaded.findings + located
    }

    /// Calls `body` with every finding whose code `wanted` keeps, in the order `findings()` lists them, one at a time:
    /// the checks run item by item in sheet order, so a sheet with millions of findings never holds them all. Only the
    /// checks whose codes are wanted run.
    public func forEachFinding(where wanted: (FindingCode) -> Bool = { _ in true }, _ body: (Finding) throws -> Void) rethrows {
        let items = derivation.portfolio.items
        // The findings of reading, resolving and capacity are sorted here, as their positions in those lists (a sheet
        // may have a finding in every row: they are not copied); the checks' are merged in as they come.
        let data = dataFindings, extra = capacityFindings()
        let found = { (position: Int32) -> Finding in position < data.count ? data[Int(position)] : extra[Int(position) - data.count] }
        // The files in name order: findings are listed file by file, then by line, then in catalogue order.
        var names = Set(items.texts.files)
        for list in [data, extra] {
            var lastFile: String?
            for finding in list where finding.location.file != lastFile {
                names.insert(finding.location.file)
                lastFile = finding.location.file
            }
        }
        let fileRank = Dictionary(uniqueKeysWithValues: names.sorted().enumerated().map { ($1, UInt64($0)) })
        var sheet: [(place: UInt64, rank: Int32, position: Int32)] = []
        for position in 0..<Int32(data.count + extra.count) {
            let finding = found(position)
            guard wanted(finding.code) else { continue }
            let place = fileRank[finding.location.file]! << 32 | UInt64(UInt32(clamping: finding.location.line ?? 0))
            sheet.append((place, Int32(FindingCode.rank(of: finding.code)), position))
        }
        sheet.sort { ($0.place, $0.rank, $0.position) < ($1.place, $1.rank, $1.position) }
        var next = 0
        let checks = Check.all.filter { $0.codes.contains(where: wanted) }
        // A check that finds several codes (team-owner and shared-owner) runs when one is wanted: its others are left out.
        let unwantedCodes = checks.contains { !$0.codes.allSatisfy(wanted) }
        let input = CheckInput(derivation: derivation, owners: owners, headerNames: headerNames, wanted: wanted)
        let itemPlace = items.texts.files.map { fileRank[$0]! << 32 }
        let rows = Self.rowOrder(items, itemPlace)
        // The checks of the next rows run on a second thread while the findings of these are handed over.
        let partSize = 32_768
        try pipelined((rows.count + partSize - 1) / partSize, make: { part -> (first: Int, findings: [Finding], ends: [Int]) in
            var found: [Finding] = [], ends: [Int] = []
            for index in rows[part * partSize..<min(rows.count, (part + 1) * partSize)] {
                let item = items[index]
                for check in checks { check.run(input, index, item, &found) }
                ends.append(found.count)
            }
            return (part * partSize, found, ends)
        }, take: { part in
            var start = 0
            for (offset, end) in part.ends.enumerated() {
                let record = items.record(rows[part.first + offset])
                let here = itemPlace[Int(record.file)] | UInt64(UInt32(clamping: Int(record.line)))
                while next < sheet.count, sheet[next].place < here { try body(found(sheet[next].position)); next += 1 }
                let sameRow = next
                while next < sheet.count, sheet[next].place == here { next += 1 }
                let own = part.findings[start..<end]
                if next > sameRow {
                    // The row's own cell findings come first among equals, as they were found first.
                    let row = sheet[sameRow..<next].map { found($0.position) } + own.filter { !unwantedCodes || wanted($0.code) }
                    for finding in Self.inCatalogueOrder(row) { try body(finding) }
                } else {
                    for finding in own where !unwantedCodes || wanted(finding.code) { try body(finding) }
                }
                start = end
            }
        })
        while next < sheet.count { try body(found(sheet[next].position)); next += 1 }
    }

    /// The rows of the table's items (implicit objectives, which have none, left out) in file and line order: the
    /// table's own order, unless its files were read out of name order.
    private static func rowOrder(_ items: ItemTable, _ filePlace: [UInt64]) -> [Int] {
        let place = { (index: Int) -> UInt64 in
            let record = items.record(index)
            return filePlace[Int(record.file)] | UInt64(UInt32(clamping: Int(record.line)))
        }
        var rows = items.indices.filter { items.record($0).line != 0 }
        if zip(rows, rows.dropFirst()).contains(where: { place($0) > place($1) }) {
            rows = rows.map { (place($0), $0) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
        }
        return rows
    }

    /// The objectives taken from the objective column of a sheet with no objective rows.
    public var implicitObjectives: [String] {
        let items = derivation.portfolio.items
        return items.indices.filter { items.record($0).flags & ItemRecord.isImplicit != 0 }.map { items[$0].title }
    }

    /// The capacity findings alone: the capacity sheet's cells, over- and under-allocation, unstaffed owners.
    public func capacityFindings() -> [Finding] {
        guard let capacity else { return [] }
        return capacity.sheet.findings + capacity.findings(underAllocatedAt: underAllocatedAt) + unstaffed(capacity)
    }

    /// Every finding: cells, references, then the checks; in file and line order, then in catalogue order.
    public func findings() -> [Finding] {
        var all: [Finding] = []
        forEachFinding { all.append($0) }
        return all
    }

    /// The findings of one row in catalogue order, equals in the order given.
    private static func inCatalogueOrder(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { (FindingCode.rank(of: $0.element.code), $0.offset) < (FindingCode.rank(of: $1.element.code), $1.offset) }
            .map(\.element)
    }

    /// `unstaffed`: each person who owns open work but has no capacity in the plan, found at their first open item.
    func unstaffed(_ capacity: CapacityPlan) -> [Finding] {
        let items = derivation.portfolio.items
        var firstItem: [String: Int] = [:]
        var count: [String: Int] = [:]
        var order: [String] = []
        for (index, item) in items.enumerated() {
            let status = derivation.results[index].status
            guard status != .done, !status.isInactive, owners.classify(item.owner) == .person, capacity.person(named: item.owner) == nil else { continue }
            let key = Conventions.wordKey(item.owner)
            if firstItem[key] == nil { firstItem[key] = index; order.append(key) }
            count[key, default: 0] += 1
        }
        return order.map { key in
            let item = items[firstItem[key]!]
            let column = headerNames[item.file]?[.owner] ?? Field.owner.rawValue
            return Finding(.unstaffed, at: SourceLocation(file: item.file, line: item.line, column: column), id: item.id, owner: item.owner,
                           message: "\(item.owner) owns \(count[key]!) open item\(count[key]! == 1 ? "" : "s") but has no capacity in \(capacity.sheet.file)")
        }
    }
}
