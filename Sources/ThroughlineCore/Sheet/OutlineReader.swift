/// Reads the rows of an outline sheet (`SheetLayout.outline`) in order: each row's type, the column of its title, and
/// what it sits under. A row that fills no outline column is none of these. Rows must be read in sheet order, one
/// reader per sheet: a row with no shallower cell of its own sits under the last row above at a shallower level.
struct OutlineReader {
    /// One row's place in the outline.
    struct Row: Equatable {
        /// Nil in an outline of numbered titles: the type column says.
        var type: ItemType?
        /// The column its title is in.
        var titleColumn: Int
        /// The item it sits under (an id, else a title), when there is one; `objective` when that item is an
        /// objective, as the sheet's objective column would name it.
        var parent: String?
        var underObjective: Bool

        /// The item the outline puts the row under, for a row whose own parent and objective cells are empty: a row
        /// that names its parent itself (Azure DevOps' `Parent` id) is under that item, since a sort can scramble
        /// the rows' order the outline follows.
        func parent(unlessNamedIn parentCell: String, _ objectiveCell: String) -> String? {
            parentCell.isEmpty && objectiveCell.isEmpty ? parent : nil
        }
    }

    private let levels: [SheetLayout.OutlineColumn]
    /// Per level, how the last row at that level is named: its id, else its title.
    private var last: [String?]

    init(_ levels: [SheetLayout.OutlineColumn]) {
        self.levels = levels
        last = [String?](repeating: nil, count: levels.count)
    }

    /// The place of the row on `record`, whose id is `id` (empty when it has none).
    mutating func read(_ record: CSVRecord, id: String) -> Row? {
        let cells = levels.map { $0.index < record.count ? String(decoding: record.bytes($0.index), as: UTF8.self).trimmingSpaces : "" }
        guard let deepest = cells.lastIndex(where: { !$0.isEmpty }) else { return nil }
        // A shallower cell on the row names what it sits under, and stands for its level below it.
        var parentLevel: Int?
        for level in (0..<deepest).reversed() where !cells[level].isEmpty {
            if parentLevel == nil { parentLevel = level }
            last[level] = cells[level]
        }
        if let given = parentLevel {
            // Levels between what the row names and the row itself belong to an item above: not to this one's.
            for between in (given + 1)..<deepest { last[between] = nil }
        } else {
            parentLevel = (0..<deepest).last { last[$0] != nil }
        }
        last[deepest] = id.isEmpty ? cells[deepest] : id
        for deeper in (deepest + 1)..<levels.count { last[deeper] = nil }
        let parent = parentLevel.flatMap { last[$0] }
        return Row(type: levels[deepest].type, titleColumn: levels[deepest].index, parent: parent,
                   underObjective: parentLevel.map { levels[$0].type == .objective } ?? false)
    }
}
