/// The kinds of rows the generated tracker has, top down.
enum TrackerLevel: Int, CaseIterable {
    case objective, keyResult, initiative, workstream, milestone, task

    /// The tier in `TrackerShape`: milestones and tasks share the last one (leaves, numbered together).
    var tier: Int { min(rawValue, TrackerShape.leafTier) }
}

/// How many items each tier of the generated hierarchy has and which item is whose parent, as pure functions of the
/// row count, so any row can name any other (by id or title) without the generator remembering the sheet.
///
/// For 1,000,000 rows: 20 objectives, 100 key results, 2,000 initiatives, 50,000 workstreams and 947,880 milestones
/// and tasks. Each tier's items are spread evenly over the tier above: child `j` of `C` under `P` parents belongs to
/// parent `j * P / C`.
struct TrackerShape {
    /// Objectives, key results, initiatives, workstreams, leaves.
    let counts: [Int]

    /// The tier of milestones and tasks.
    static let leafTier = 4

    /// The split of `rows` over the tiers: 1 objective per 50,000 rows, 1 key result per 10,000, 1 initiative per 500,
    /// 1 workstream per 20 (each at least twice the tier above, so small sheets still branch), the rest leaves.
    init(rows: Int) {
        var remaining = rows
        var counts: [Int] = []
        var above = 1
        for (perRows, atLeast) in [(50_000, 2), (10_000, 2), (500, 2), (20, 2)] {
            let count = min(remaining, max(atLeast * above, rows / perRows))
            counts.append(count)
            remaining -= count
            above = max(count, 1)
        }
        counts.append(remaining)
        self.counts = counts
    }

    /// Items in `tier`.
    func count(_ tier: Int) -> Int { counts[tier] }

    /// The index, in the tier above, of item `index` of `tier` (1 and below).
    @inline(__always)
    func parent(of index: Int, tier: Int) -> Int {
        index * counts[tier - 1] / counts[tier]
    }

    /// The indexes, in the tier below, of the children of item `index` of `tier`.
    @inline(__always)
    func children(of index: Int, tier: Int) -> Range<Int> {
        let below = counts[tier + 1], here = counts[tier]
        guard below > 0 else { return 0..<0 }
        return (index * below + here - 1) / here ..< ((index + 1) * below + here - 1) / here
    }

    /// Whether leaf `index` is a milestone (about 60%) rather than a task: a hash of the index, so it is known everywhere.
    @inline(__always)
    static func isMilestone(leaf index: Int) -> Bool {
        var mixed = UInt64(index) &+ 0x6D69_6C65_7374_6F6E
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return mixed % 100 < 60
    }
}
