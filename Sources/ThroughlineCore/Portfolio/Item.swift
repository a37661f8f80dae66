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

/// One row of the tracker, its cells read into values.
public struct Item: Sendable {
    /// The id as typed (trimmed); may be empty.
    public var id: String
    /// The item type, when known.
    public var type: ItemType?
    /// The title.
    public var title: String
    /// The objective it serves, as typed (an id or a title).
    public var objectiveReference: String
    /// Its parent, as typed (an id or a title).
    public var parentReference: String
    /// The owner, canonical.
    public var owner: String
    /// The owning team.
    public var team: String
    /// The status as typed, canonical; nil when empty or unknown.
    public var typedStatus: Status?
    /// Percent complete, 0–100.
    public var progress: Double?
    /// Start date.
    public var start: CalendarDate?
    /// Committed due date.
    public var due: CalendarDate?
    /// Current forecast finish.
    public var forecast: CalendarDate?
    /// Last status update.
    public var updated: CalendarDate?
    /// What it waits for, as typed.
    public var dependencyReferences: [String]
    /// Its weight in rollups (1 when not given).
    public var weight: Double
    /// KPI baseline, target and actual.
    public var baseline: Double?, target: Double?, actual: Double?
    /// KPI unit.
    public var unit: String
    /// Which way the KPI improves.
    public var direction: KPIDirection?
    /// The notes.
    public var notes: String
    /// The file the row is in.
    public var file: String
    /// The line the row starts on.
    public var line: Int

    /// The id, or the title when there is no id: how the item is named in reasons and findings.
    public var label: String { id.isEmpty ? title : id }

    /// Cancelled or on hold: kept out of rollups (SPEC 4, rule 1).
    public var isInactive: Bool { typedStatus == .cancelled || typedStatus == .onHold }

    /// Whether the item has KPI values to judge impact by.
    public var hasKPI: Bool { target != nil && actual != nil }
}

extension Item {
    /// Reads an item from a canonical tracker row (cells in `TrackerImport.columns` order).
    init(canonical cells: [String], file: String, line: Int) {
        func cell(_ field: Field) -> String { cells[Item.slots[field]!] }
        func number(_ field: Field) -> Double? { Double(cell(field).replacingComma.filter { $0 != " " }) }
        func date(_ field: Field) -> CalendarDate? { CalendarDate(iso: cell(field)) }
        id = cell(.id)
        type = ItemType(rawValue: cell(.type))
        title = cell(.title)
        objectiveReference = cell(.objective)
        parentReference = cell(.parent)
        owner = cell(.owner)
        team = cell(.team)
        typedStatus = Status(rawValue: cell(.status))
        let progressText = cell(.progress)
        progress = progressText.hasSuffix("%") ? Double(progressText.dropLast()) : nil
        start = date(.start)
        due = date(.due)
        forecast = date(.forecast)
        updated = date(.updated)
        dependencyReferences = Item.splitReferences(cell(.dependsOn))
        weight = number(.weight).flatMap { $0 > 0 ? $0 : nil } ?? 1
        baseline = number(.baseline)
        target = number(.target)
        actual = number(.actual)
        unit = cell(.unit)
        direction = KPIDirection(typed: cell(.direction))
        notes = cell(.notes)
        self.file = file
        self.line = line
    }

    /// Each canonical field's position in a canonical row.
    static let slots: [Field: Int] = Dictionary(uniqueKeysWithValues: Field.allCases.enumerated().map { ($1, $0) })

    /// Splits `A; B, C` into references; blank parts are dropped.
    static func splitReferences(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\n" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
