/// A canonical field of a tracker row (SPEC section 2).
public enum Field: String, CaseIterable, Sendable, Hashable {
    case id, type, title, objective, parent, owner, team, status, progress, start, due, forecast, updated
    case dependsOn = "depends-on"
    case weight, baseline, target, actual, unit, direction, notes

    /// The field's place in a canonical row (`Field.allCases` order), without a lookup.
    public var position: Int {
        switch self {
        case .id: return 0
        case .type: return 1
        case .title: return 2
        case .objective: return 3
        case .parent: return 4
        case .owner: return 5
        case .team: return 6
        case .status: return 7
        case .progress: return 8
        case .start: return 9
        case .due: return 10
        case .forecast: return 11
        case .updated: return 12
        case .dependsOn: return 13
        case .weight: return 14
        case .baseline: return 15
        case .target: return 16
        case .actual: return 17
        case .unit: return 18
        case .direction: return 19
        case .notes: return 20
        }
    }

    /// The fields that hold dates.
    public var isDate: Bool { self == .start || self == .due || self == .forecast || self == .updated }

    /// Which end of a month or quarter a period-only date in this field means: starts take the first day, the rest the last.
    public var periodEdge: PeriodEdge { self == .start ? .start : .end }

    /// The fields `normalize` rewrites: statuses, dates, percentages and owners.
    public var isNormalized: Bool { self == .status || self == .progress || self == .owner || isDate }
}

/// The kind of a tracker item.
public enum ItemType: String, CaseIterable, Sendable, Hashable {
    case objective
    case keyResult = "key-result"
    case initiative, workstream, milestone, task
}

/// A canonical status (SPEC section 3).
public enum Status: String, CaseIterable, Sendable, Hashable {
    case notStarted = "not-started"
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"
    case blocked, done, cancelled
    case onHold = "on-hold"
}
