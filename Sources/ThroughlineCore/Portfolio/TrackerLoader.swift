/// A tracker read into items, with the findings its cells raised and each file's header names.
public struct LoadedTracker: Sendable {
    /// The items in sheet order.
    public var items: [Item]
    /// Cell-level findings: unreadable dates, statuses and numbers, ragged rows.
    public var findings: [Finding]
    /// Per file, the header each field was read from, so findings can name the column as the sheet does.
    public var headerNames: [String: [Field: String]]
    /// The distinct owners and teams the rows name.
    public var owners: Set<String>, teams: Set<String>

    /// Reads every item of `sources` through the same pipeline as `import`.
    public init(sources: [ImportSource], conventions: Conventions) throws {
        var items: [Item] = []
        var findings: [Finding] = []
        // Owners, teams and units repeat on every row: one copy of each text, shared.
        var pool: [String: String] = [:]
        let interned = { (text: String) -> String in
            if text.isEmpty { return text }
            if let known = pool[text] { return known }
            pool[text] = text
            return text
        }
        var owners = Set<String>(), teams = Set<String>()
        _ = try TrackerImport.rows(sources, conventions: conventions, extras: false, onFinding: { findings.append($0) }) { cells, file, line in
            let item = Item(canonical: cells, file: file, line: line, interned: interned)
            // Consecutive rows usually share owner and team: only a change costs a set insertion.
            if items.last?.owner != item.owner { owners.insert(item.owner) }
            if items.last?.team != item.team { teams.insert(item.team) }
            items.append(item)
        }
        var headerNames: [String: [Field: String]] = [:]
        for source in sources {
            var names: [Field: String] = [:]
            for column in source.sheet.layout.columns { if let field = column.field { names[field] = column.name } }
            headerNames[source.sheet.input.file] = names
        }
        self.items = items
        self.findings = findings
        self.headerNames = headerNames
        self.owners = owners
        self.teams = teams
    }

    /// Items given directly (for tests and callers that build them).
    public init(items: [Item]) {
        self.items = items
        findings = []
        headerNames = [:]
        owners = Set(items.map(\.owner))
        teams = Set(items.map(\.team))
    }
}
