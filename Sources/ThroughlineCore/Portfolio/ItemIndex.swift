/// Finds items by a key (an id, a title's word key) without keeping a copy of any key: each slot holds the key's hash
/// and the first item with it, and a hit is confirmed by asking whether that item's key is the one looked for.
/// A million ids cost 16 MB here, against about 50 MB as a dictionary of strings.
struct ItemIndex {
    /// A slot: the item (-1 when empty) and the high half of its key's hash, which picks the slot and screens candidates;
    /// side by side, so a probe touches one cache line.
    private struct Slot {
        var position: Int32
        var tag: UInt32
    }
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    /// An index sized for `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(position: -1, tag: 0), count: size)
        mask = size - 1
    }

    /// The first item stored under `hash` whose key `matches`.
    func find(_ hash: UInt64, matches: (Int) -> Bool) -> Int? {
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        var index = Int(tag) & mask
        while true {
            let slot = slots[index]
            if slot.position < 0 { return nil }
            if slot.tag == tag, matches(Int(slot.position)) { return Int(slot.position) }
            index = (index + 1) & mask
        }
    }

    /// Stores `position` under `hash` unless an item whose key `matches` is there already; returns that earlier item.
    mutating func insert(_ position: Int, hash: UInt64, matches: (Int) -> Bool) -> Int? {
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        var index = Int(tag) & mask
        while true {
            let slot = slots[index]
            if slot.position < 0 { break }
            if slot.tag == tag, matches(Int(slot.position)) { return Int(slot.position) }
            index = (index + 1) & mask
        }
        slots[index] = Slot(position: Int32(position), tag: tag)
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        // The tag picks the slot, so the kept tags are enough to re-place every item.
        let size = slots.count * 2
        var grown = [Slot](repeating: Slot(position: -1, tag: 0), count: size)
        let newMask = size - 1
        for slot in slots where slot.position >= 0 {
            var index = Int(slot.tag) & newMask
            while grown[index].position >= 0 { index = (index + 1) & newMask }
            grown[index] = slot
        }
        slots = grown
        mask = newMask
    }
}
