/// Which way a KPI improves.
public enum KPIDirection: String, Sendable {
    /// Higher is better.
    case up
    /// Lower is better.
    case down

    /// Reads `up`, `higher`, `increase`, `↑`, `down`, `lower`, `decrease`, `↓` …
    public init?(typed: String) {
        switch Conventions.wordKey(typed) {
        case "up", "higher", "increase", "higher is better", "more", "max", "maximise", "maximize", "↑", "+": self = .up
        case "down", "lower", "decrease", "lower is better", "less", "min", "minimise", "minimize", "↓", "-": self = .down
        default: return nil
        }
    }
}

/// A key result's measure: the values few rows have, kept apart so the others do not carry their space.
final class KPIValues: Sendable {
    let baseline: Double?, target: Double?, actual: Double?
    let unit: String
    let direction: KPIDirection?

    init(baseline: Double?, target: Double?, actual: Double?, unit: String, direction: KPIDirection?) {
        self.baseline = baseline
        self.target = target
        self.actual = actual
        self.unit = unit
        self.direction = direction
    }
}

/// One row of the tracker, its cells read into values. A class, so passing an item around costs one reference, not a copy
/// of every field; its stored fields are ordered and packed so that a million items stay near 200 bytes each.
public final class Item: Sendable {
    /// The id as typed (trimmed); may be empty.
    public let id: String
    /// The title.
    public let title: String
    /// The objective it serves, as typed (an id or a title).
    public let objectiveReference: String
    /// Its parent, as typed (an id or a title).
    public let parentReference: String
    /// The owner, canonical.
    public let owner: String
    /// The owning team.
    public let team: String
    /// The file the row is in.
    public let file: String
    /// What it waits for: the cell as typed (trimmed), one reference or several separated by `;` or `,`.
    public let dependsOn: String
    /// Its weight in rollups (1 when not given).
    public let weight: Double
    private let kpi: KPIValues?
    /// Percent complete, NaN when not given.
    private let storedProgress: Double
    /// Start date.
    public let start: CalendarDate?
    /// Whether the status cell holds a word no convention maps (reported `unknown-status`). Declared here, it takes the
    /// byte a seven-byte date leaves free rather than widening the item.
    public let statusUnread: Bool
    /// Committed due date.
    public let due: CalendarDate?
    /// Current forecast finish.
    public let forecast: CalendarDate?
    /// Last status update.
    public let updated: CalendarDate?
    private let storedLine: Int32
    /// The item type, when known.
    public let type: ItemType?
    /// The status as typed, canonical; nil when empty or unknown.
    public let typedStatus: Status?
    /// Whether the notes cell says anything (the text itself is not kept: a million notes would double the memory).
    public let hasNotes: Bool
    /// An objective the sheet names in its objective column but has no row for.
    public let isImplicit: Bool

    /// Percent complete, 0–100.
    public var progress: Double? { storedProgress.isNaN ? nil : storedProgress }
    /// The line the row starts on (0 for an implicit objective, which has no row).
    public var line: Int { Int(storedLine) }
    /// KPI baseline.
    public var baseline: Double? { kpi?.baseline }
    /// KPI target.
    public var target: Double? { kpi?.target }
    /// KPI actual value.
    public var actual: Double? { kpi?.actual }
    /// KPI unit.
    public var unit: String { kpi?.unit ?? "" }
    /// Which way the KPI improves.
    public var direction: KPIDirection? { kpi?.direction }

    /// What it waits for, one reference each, as split on `;` and `,` (the portfolio first tries the whole cell).
    var dependencyReferences: [String] { Item.splitReferences(dependsOn) }

    /// The id, or the title when there is no id, or `line 12` when the row has neither: how the item is named in
    /// reasons and findings.
    public var label: String { !id.isEmpty ? id : !title.isEmpty ? title : "line \(line)" }

    /// Known not to have started: typed not-started, or no status typed and progress given as 0. An empty row says
    /// nothing either way, so it is not taken for work that has not started.
    public var isNotStarted: Bool { typedStatus == .notStarted || typedStatus == nil && progress == 0 }

    /// Cancelled or on hold: kept out of rollups (SPEC 4, rule 1).
    public var isInactive: Bool { typedStatus == .cancelled || typedStatus == .onHold }

    /// Whether the item has KPI values to judge impact by.
    public var hasKPI: Bool { target != nil && actual != nil }

    /// An objective known only by the name rows give it in their objective column.
    convenience init(implicitObjective title: String, file: String) {
        var values = ItemValues()
        values.type = .objective
        values.title = title
        self.init(values, file: file, line: 0, isImplicit: true)
    }

    /// An item from the values a row was read into.
    init(_ values: ItemValues, file: String, line: Int, isImplicit: Bool = false) {
        self.isImplicit = isImplicit
        id = values.id
        type = values.type
        title = values.title
        objectiveReference = values.objectiveReference
        parentReference = values.parentReference
        owner = values.owner
        team = values.team
        typedStatus = values.typedStatus
        storedProgress = values.progress ?? .nan
        start = values.start
        due = values.due
        forecast = values.forecast
        updated = values.updated
        dependsOn = values.dependsOn
        weight = values.weight
        let hasMeasure = values.baseline != nil || values.target != nil || values.actual != nil || !values.unit.isEmpty || values.direction != nil
        kpi = hasMeasure ? KPIValues(baseline: values.baseline, target: values.target, actual: values.actual, unit: values.unit, direction: values.direction) : nil
        hasNotes = values.hasNotes
        statusUnread = values.statusUnread
        self.file = file
        storedLine = Int32(clamping: line)
    }
}

/// One row's values as they are read, before they become an item.
struct ItemValues {
    var id = "", type: ItemType?, title = "", objectiveReference = "", parentReference = "", owner = "", team = ""
    var typedStatus: Status?, progress: Double?
    var start: CalendarDate?, due: CalendarDate?, forecast: CalendarDate?, updated: CalendarDate?
    var dependsOn = ""
    var weight = 1.0
    var baseline: Double?, target: Double?, actual: Double?
    var unit = "", direction: KPIDirection?, hasNotes = false, statusUnread = false
}

extension Item {

    /// A weight a rollup can use: above 0 and at most a million, so weighted sums stay finite.
    static func isUsableWeight(_ weight: Double) -> Bool { weight > 0 && weight <= 1_000_000 }

    /// Splits `A; B, C` into references; blank parts are dropped.
    static func splitReferences(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\n" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
