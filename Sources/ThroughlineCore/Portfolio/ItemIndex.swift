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

    /// The tags `prefetch` read, folded together: kept so that the reads are not left out.
    private(set) var prefetched: UInt32 = 0

    /// Reads the slot an insert under `hash` starts at. Read for a run of keys before inserting them, the slots are
    /// loaded side by side, where one insert at a time waits for each in turn.
    mutating func prefetch(_ hash: UInt64) {
        prefetched ^= slots[Int(UInt32(truncatingIfNeeded: hash >> 32)) & mask].tag
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

/// A set of 64-bit key hashes, for screening: open addressing on the hash itself, with none of `Set`'s rehashing.
/// Hashes are already well mixed; 0 is the empty slot, so a hash of 0 is kept as 1 (a screen may let through a key it
/// should not, never the reverse).
struct HashFilter {
    private var slots: [UInt64] = [UInt64](repeating: 0, count: 16)
    /// One bit per value of a hash's top 20 bits, set for each hash held: most hashes asked for are not held, and a
    /// 128 KiB bit set (made at the first insert) answers them without a probe of the slots.
    private var bits: [UInt64] = []
    /// How many hashes it holds.
    private(set) var count = 0

    init() {}

    @inline(__always)
    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// Whether `hash` was inserted.
    func contains(_ hash: UInt64) -> Bool {
        let key = Self.stored(hash), top = Int(truncatingIfNeeded: key >> 44)
        guard !bits.isEmpty, bits[top >> 6] & (1 << UInt64(top & 63)) != 0 else { return false }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key >> 20) & mask
        while true {
            let slot = slots[index]
            if slot == key { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ hash: UInt64) {
        let key = Self.stored(hash)
        guard !contains(key) else { return }
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            count = 0
            for slot in old where slot != 0 { place(slot) }
        }
        place(key)
    }

    private mutating func place(_ key: UInt64) {
        let top = Int(truncatingIfNeeded: key >> 44)
        if bits.isEmpty { bits = [UInt64](repeating: 0, count: 1 << 14) }
        bits[top >> 6] |= 1 << UInt64(top & 63)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key >> 20) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = key
        count += 1
    }
}

/// The items by exact id, in two indexes split by a bit of the id's hash, so that the two are built at once, each on its
/// own core, and each in sheet order: a repeated id has one hash, so its first row is found in one index as in one.
struct IDIndex {
    private var parts: [ItemIndex]

    /// The hash an id is stored under: never 0, which stands for no id.
    @inline(__always)
    static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = KeyHash.of(id)
        return hash == 0 ? 1 : hash
    }

    /// The first item whose id has `hash` and `matches`.
    @inline(__always)
    func find(_ hash: UInt64, matches: (Int) -> Bool) -> Int? { parts[Int(hash & 1)].find(hash, matches: matches) }

    /// Indexes the ids of `items`; from `sharedFrom` items on, on two cores. Returns each row whose id an earlier row
    /// has already, with that earlier row, in sheet order.
    static func build(_ items: ItemTable, sharedFrom: Int) -> (index: IDIndex, repeats: [(row: Int, first: Int)]) {
        // Every id's hash (0 for none), and how many fall in each part.
        let hashed = inHalves(items.count, minimum: sharedFrom) { range -> (hashes: [UInt64], counts: (Int, Int)) in
            var hashes = [UInt64](repeating: 0, count: range.count)
            var counts = (0, 0)
            for position in range {
                let hash = items.withBytes(position, .id) { $0.isEmpty ? 0 : Self.hash($0) }
                hashes[position - range.lowerBound] = hash
                if hash != 0 { if hash & 1 == 0 { counts.0 += 1 } else { counts.1 += 1 } }
            }
            return (hashes, counts)
        }
        let counts = hashed.reduce((0, 0)) { ($0.0 + $1.counts.0, $0.1 + $1.counts.1) }
        let built = inHalves(2, minimum: items.count >= sharedFrom ? 2 : .max) { parts -> [(ItemIndex, [(row: Int, first: Int)])] in
            parts.map { part in
                var index = ItemIndex(capacity: part == 0 ? counts.0 : counts.1)
                var repeats: [(row: Int, first: Int)] = []
                var start = 0
                for half in hashed {
                    half.hashes.withUnsafeBufferPointer { hashes in
                        for block in stride(from: 0, to: hashes.count, by: 64) {
                            let end = min(block + 64, hashes.count)
                            // The slots the block's inserts start at are read first, side by side (a million ids fill
                            // a table far larger than the caches).
                            for offset in block..<end where hashes[offset] != 0 && Int(hashes[offset] & 1) == part { index.prefetch(hashes[offset]) }
                            for offset in block..<end where hashes[offset] != 0 && Int(hashes[offset] & 1) == part {
                                let row = start + offset
                                let first = index.insert(row, hash: hashes[offset]) { earlier in
                                    items.withBytes(row, .id) { items.idEquals(earlier, $0) }
                                }
                                if let first { repeats.append((row, first)) }
                            }
                        }
                    }
                    start += half.hashes.count
                }
                return (index, repeats)
            }
        }.flatMap { $0 }
        return (IDIndex(parts: built.map(\.0)), built.flatMap(\.1).sorted { $0.row < $1.row })
    }
}
