/// A tracker read, resolved, derived and checked: everything `rollup` and `check` report.
public struct TrackerAnalysis: Sendable {
    /// The derived portfolio.
    public let derivation: Derivation
    /// Every finding: cells, references, then the checks; in file and line order.
    public let findings: [Finding]

    /// Runs the whole pipeline over a loaded tracker.
    public init(_ loaded: LoadedTracker, settings: RollupSettings, people: PeopleDirectory, conventions: Conventions) {
        let portfolio = Portfolio(items: loaded.items)
        derivation = Derivation(portfolio: portfolio, settings: settings)
        let owners = OwnerClassifier(items: loaded.items, people: people, conventions: conventions)
        let checks = Check.runAll(CheckInput(derivation: derivation, owners: owners, headerNames: loaded.headerNames))
        let rank = Dictionary(uniqueKeysWithValues: FindingCode.all.enumerated().map { ($1.name, $0) })
        // A stable order: by file and line, then by the code's place in the catalogue.
        let all = (loaded.findings + portfolio.findings + checks).enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.location.file != y.location.file { return x.location.file < y.location.file }
            if (x.location.line ?? 0) != (y.location.line ?? 0) { return (x.location.line ?? 0) < (y.location.line ?? 0) }
            let (rx, ry) = (rank[x.code.name] ?? 0, rank[y.code.name] ?? 0)
            return rx != ry ? rx < ry : a.offset < b.offset
        }
        findings = all.map(\.element)
    }
}
