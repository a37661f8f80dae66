/// A tracker read, resolved and derived: everything `rollup` and `check` report.
public struct TrackerAnalysis: Sendable {
    /// The derived portfolio.
    public let derivation: Derivation
    /// Findings from reading the cells and resolving references (data problems), before any check runs.
    public let dataFindings: [Finding]
    private let owners: OwnerClassifier
    private let headerNames: [String: [Field: String]]

    /// Reads, resolves and derives a loaded tracker; the checks run only when `findings()` is asked for.
    public init(_ loaded: LoadedTracker, settings: RollupSettings, people: PeopleDirectory, conventions: Conventions) {
        let portfolio = Portfolio(items: loaded.items)
        derivation = Derivation(portfolio: portfolio, settings: settings)
        owners = OwnerClassifier(items: loaded.items, people: people, conventions: conventions)
        headerNames = loaded.headerNames
        dataFindings = loaded.findings + portfolio.findings
    }

    /// Every finding: cells, references, then the checks; in file and line order, then in catalogue order.
    public func findings() -> [Finding] {
        let checks = Check.runAll(CheckInput(derivation: derivation, owners: owners, headerNames: headerNames))
        let rank = Dictionary(uniqueKeysWithValues: FindingCode.all.enumerated().map { ($1.name, $0) })
        // Sort keys are computed once, not per comparison.
        let all = dataFindings + checks
        let files = Dictionary(Set(all.map(\.location.file)).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = all.enumerated().map { offset, finding in
            (file: files[finding.location.file]!, line: finding.location.line ?? 0, rank: rank[finding.code.name] ?? 0, offset: offset)
        }
        return keys.sorted { ($0.file, $0.line, $0.rank, $0.offset) < ($1.file, $1.line, $1.rank, $1.offset) }.map { all[$0.offset] }
    }
}
