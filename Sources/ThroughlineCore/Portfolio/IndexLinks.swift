/// One item position or none per item, four bytes each (an `[Int?]` takes sixteen): `links[i]` is nil or a position.
public struct IndexLinks: RandomAccessCollection, Sendable {
    let stored: [Int32]

    init(_ stored: [Int32]) { self.stored = stored }

    public var startIndex: Int { 0 }
    public var endIndex: Int { stored.count }

    public subscript(index: Int) -> Int? {
        let value = stored[index]
        return value < 0 ? nil : Int(value)
    }
}

/// A list of item positions per item, all in one flat run (a list each would be a million small allocations):
/// `lists[i]` is item i's list.
public struct IndexLists: RandomAccessCollection, Sendable {
    /// Where each item's list starts in `members`; one more than the items, the last being the end.
    private var starts: [Int32] = [0]
    private var members: [Int32] = []

    init() {}

    /// Each item's list of the items whose link points to it, in item order: the children of each item, from each
    /// item's parent.
    init(inverting links: [Int32]) {
        var starts = [Int32](repeating: 0, count: links.count + 1)
        for link in links where link >= 0 { starts[Int(link) + 1] += 1 }
        for index in links.indices { starts[index + 1] += starts[index] }
        var fill = starts
        var members = [Int32](repeating: 0, count: Int(starts[links.count]))
        for (index, link) in links.enumerated() where link >= 0 {
            members[Int(fill[Int(link)])] = Int32(index)
            fill[Int(link)] += 1
        }
        self.starts = starts
        self.members = members
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(index: Int) -> IndexList {
        IndexList(members: members, range: Int(starts[index])..<Int(starts[index + 1]))
    }

    /// Starts the next item's list (lists are built in item order).
    mutating func appendList() { starts.append(Int32(members.count)) }

    /// Adds `member` to the list being built (the last one begun with `appendList`), unless it is there already.
    mutating func appendMember(_ member: Int) {
        let begun = Int(starts[starts.count - 2])
        if !members[begun...].contains(Int32(member)) { members.append(Int32(member)) }
        starts[starts.count - 1] = Int32(members.count)
    }
}

/// One item's list of positions.
public struct IndexList: RandomAccessCollection, Sendable {
    let members: [Int32]
    let range: Range<Int>

    public var startIndex: Int { 0 }
    public var endIndex: Int { range.count }

    public subscript(position: Int) -> Int { Int(members[range.lowerBound + position]) }
}
