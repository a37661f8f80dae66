/// Which way a KPI improves.
public enum KPIDirection: String, Sendable {
    /// Higher is better.
    case up
    /// Lower is better.
    case down

    /// Reads `up`, `higher`, `increase`, `↑`, `down`, `lower`, `decrease`, `↓` …, and OKR tools' metric types: `Increase
    /// to`, `Maintain above`, `At least`; `Decrease to`, `Maintain below`, `At most`.
    public init?(typed: String) {
        switch Conventions.wordKey(typed) {
        case "up", "higher", "increase", "higher is better", "more", "max", "maximise", "maximize", "↑", "+",
             "increase to", "maintain above", "stay above", "keep above", "at least", "above", "grow", "grow to": self = .up
        case "down", "lower", "decrease", "lower is better", "less", "min", "minimise", "minimize", "↓", "-",
             "decrease to", "maintain below", "stay below", "keep below", "at most", "below", "reduce", "reduce to": self = .down
        default: return nil
        }
    }
}

/// The values few rows have, kept apart so the others do not carry their space: a key result's measure, and a
/// progress or weight its record cannot hold exactly (see `ItemRecord`).
final class ItemExtras: Sendable {
    let baseline: Double?, target: Double?, actual: Double?
    let unit: String
    let direction: KPIDirection?
    let progress: Double?, weight: Double?

    init(baseline: Double?, target: Double?, actual: Double?, unit: String, direction: KPIDirection?, progress: Double?, weight: Double?) {
        self.baseline = baseline
        self.target = target
        self.actual = actual
        self.unit = unit
        self.direction = direction
        self.progress = progress
        self.weight = weight
    }
}

/// One row of the tracker, its cells read into values: a view of one record of an `ItemTable`. Its numbers, dates and
/// codes are the record's; its texts are read from the table's text arena when asked for.
public struct Item: Sendable {
    let record: ItemRecord
    let texts: ItemTexts

    init(record: ItemRecord, texts: ItemTexts) {
        self.record = record
        self.texts = texts
    }

    /// The id as typed (trimmed); may be empty.
    public var id: String { texts.text(record.text, .id) }
    /// The title.
    public var title: String { texts.text(record.text, .title) }
    /// The objective it serves, as typed (an id or a title).
    public var objectiveReference: String { texts.text(record.text, .objective) }
    /// Its parent, as typed (an id or a title).
    public var parentReference: String { texts.text(record.text, .parent) }
    /// What it waits for: the cell as typed (trimmed), one reference or several separated by `;` or `,`.
    public var dependsOn: String { texts.text(record.text, .dependsOn) }
    /// The owner, canonical.
    public var owner: String { texts.names[Int(record.owner)] }
    /// The owning team.
    public var team: String { texts.names[Int(record.team)] }
    /// The file the row is in.
    public var file: String { texts.files[Int(record.file)] }
    /// Its weight in rollups (1 when not given).
    public var weight: Double { record.weight.isNaN ? extras!.weight! : Double(record.weight) }
    /// Start date.
    public var start: CalendarDate? { ItemRecord.date(record.start) }
    /// Committed due date.
    public var due: CalendarDate? { ItemRecord.date(record.due) }
    /// Current forecast finish.
    public var forecast: CalendarDate? { ItemRecord.date(record.forecast) }
    /// Last status update.
    public var updated: CalendarDate? { ItemRecord.date(record.updated) }
    /// The item type, when known.
    public var type: ItemType? { ItemType(recordCode: record.type) }
    /// The status as typed, canonical; nil when empty or unknown.
    public var typedStatus: Status? { Status(recordCode: record.status) }
    /// Whether the status cell holds a word no convention maps (reported `unknown-status`).
    public var statusUnread: Bool { record.flags & ItemRecord.statusUnread != 0 }
    /// Whether the notes cell says anything (the text itself is not kept: a million notes would double the memory).
    public var hasNotes: Bool { record.flags & ItemRecord.hasNotes != 0 }
    /// An objective the sheet names in its objective column but has no row for.
    public var isImplicit: Bool { record.flags & ItemRecord.isImplicit != 0 }

    /// Percent complete, 0–100.
    public var progress: Double? {
        record.progress >= 0 ? Double(record.progress) / 100 : record.progress == ItemRecord.noProgress ? nil : extras!.progress
    }
    /// The line the row starts on (0 for an implicit objective, which has no row).
    public var line: Int { Int(record.line) }
    private var extras: ItemExtras? { record.extras < 0 ? nil : texts.extras[Int(record.extras)] }
    /// KPI baseline.
    public var baseline: Double? { extras?.baseline }
    /// KPI target.
    public var target: Double? { extras?.target }
    /// KPI actual value.
    public var actual: Double? { extras?.actual }
    /// KPI unit.
    public var unit: String { extras?.unit ?? "" }
    /// Which way the KPI improves.
    public var direction: KPIDirection? { extras?.direction }

    /// What it waits for, one reference each, as split on `;` and `,` (the portfolio first tries the whole cell).
    var dependencyReferences: [String] { Item.splitReferences(dependsOn) }

    /// The id, or the title when there is no id, or `line 12` when the row has neither: how the item is named in
    /// reasons and findings.
    public var label: String {
        let id = self.id
        if !id.isEmpty { return id }
        let title = self.title
        return !title.isEmpty ? title : "line \(line)"
    }

    /// Known not to have started: typed not-started, or progress given as 0 with no status typed or an on-track one (a
    /// Green typed over work at 0% is the watermelon the late-start rule is there to catch; at-risk and worse already
    /// say something is wrong). An empty row says nothing either way, so it is not taken for work that has not started.
    public var isNotStarted: Bool { typedStatus == .notStarted || (typedStatus == nil || typedStatus == .onTrack) && progress == 0 }

    /// Cancelled or on hold: kept out of rollups (SPEC 4, rule 1).
    public var isInactive: Bool { typedStatus == .cancelled || typedStatus == .onHold }

    /// Whether the item has KPI values to judge impact by.
    public var hasKPI: Bool { target != nil && actual != nil }
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

    /// A weight a rollup can use: from 0 (counts for nothing) to a million, so weighted sums stay finite.
    static func isUsableWeight(_ weight: Double) -> Bool { weight >= 0 && weight <= 1_000_000 }

    /// Splits `A; B, C` into references; blank parts are dropped.
    static func splitReferences(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\n" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
