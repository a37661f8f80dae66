/// How a parent's status comes from its children's (SPEC 4).
public enum ParentRule: String, Sendable, CaseIterable {
    /// Any off-track, blocked or at-risk child makes the parent at-risk; more than a set weighted share of off-track or blocked children makes it off-track.
    case escalate
    /// The worst child wins.
    case worst
    /// A weighted score of the children against two thresholds.
    case average
}

/// Every threshold of the status rules, with its default. All are options and documented in the README.
public struct RollupSettings: Sendable {
    /// The day the sheet is read at.
    public var asOf: CalendarDate
    /// The parent rule.
    public var rule: ParentRule = .escalate
    /// An active item not updated for more than this many days is `stale`.
    public var staleDays = 30
    /// An item not started this many days after its start date is at risk (`late-start`).
    public var lateStartGraceDays = 7
    /// Progress trailing the share of time elapsed by more than this many percentage points is at risk (`behind-pace`).
    public var paceMargin = 20.0
    /// A forecast later than the due date by more than this share of the planned duration is off-track, not at-risk.
    public var slipShare = 0.5
    /// Under `escalate`, more than this weighted share of off-track or blocked children makes the parent off-track.
    public var escalateShare = 0.5
    /// Under `average`, a score below this is at-risk (on-track and done score 1, at-risk 0.5, off-track and blocked 0).
    public var averageAtRisk = 0.8
    /// Under `average`, a score below this is off-track.
    public var averageOffTrack = 0.5

    /// Default settings read at `asOf`.
    public init(asOf: CalendarDate) { self.asOf = asOf }
}

extension Status {
    /// How bad a status is, for choosing the worst: done 0, not-started 1, on-track 2, at-risk 3, blocked 4, off-track 5.
    public var severity: Int {
        switch self {
        case .done: return 0
        case .notStarted: return 1
        case .onTrack: return 2
        case .atRisk: return 3
        case .blocked: return 4
        case .offTrack: return 5
        case .cancelled, .onHold: return -1
        }
    }

    /// Whether it needs attention: at-risk, blocked or off-track.
    public var isTrouble: Bool { severity >= 3 }

    /// How many of each status, worst first, leaving out those with none.
    public static func counts(_ statuses: some Sequence<Status>) -> [(status: Status, count: Int)] {
        var counts: [Status: Int] = [:]
        for status in statuses { counts[status, default: 0] += 1 }
        return allCases.sorted { $0.severity > $1.severity }.compactMap { status in counts[status].map { (status, $0) } }
    }

    /// "2 at-risk, 3 on-track": the counts in words.
    public static func countText(_ statuses: some Sequence<Status>) -> String {
        counts(statuses).map { "\($0.count) \($0.status.rawValue)" }.joined(separator: ", ")
    }
}
