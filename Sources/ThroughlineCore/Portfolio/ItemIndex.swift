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

/// Hashes of the keys items are found by.
enum KeyHash {
    /// FNV-1a over the bytes, then mixed so that the low bits, which pick the slot, depend on every byte.
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return finish(hash)
    }

    /// Spreads FNV-1a's state so that the bits that pick a slot depend on every byte.
    @inline(__always)
    private static func finish(_ state: UInt64) -> UInt64 {
        var hash = state
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }

    /// The hash of a text as typed.
    static func exact(_ text: String) -> UInt64 { of(text.utf8) }

    /// The hash of a text's word key (`Conventions.wordKey`), nil when the key is empty. ASCII text is hashed as its key
    /// is made, with no key written anywhere.
    static func wordKey(_ text: String) -> UInt64? {
        if let hash = text.utf8.withContiguousStorageIfAvailable(asciiWordKey), let ascii = hash { return ascii.isEmpty ? nil : ascii.hash }
        let key = Conventions.wordKey(text)
        return key.isEmpty ? nil : of(key.utf8)
    }

    /// Follows `Conventions.asciiWordKey` byte for byte: white space runs become one space (none at the ends or beside
    /// a slash), letters are lower-cased, trailing `.!,;:?` are dropped. Nil for text that is not ASCII.
    private static func asciiWordKey(_ text: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isEmpty: Bool)? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var written = 0
        var last: UInt8 = 0
        var pendingSpace = false
        // Trailing punctuation is held back until something follows it: it is a run of input bytes, kept as a range.
        var heldStart = 0, heldCount = 0
        @inline(__always) func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        @inline(__always) func commit() {
            for offset in 0..<heldCount { mix(text[heldStart + offset]) }
            heldCount = 0
        }
        for position in 0..<text.count {
            let byte = text[position]
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = written > 0
                continue
            }
            if pendingSpace {
                if byte != 0x2F && last != 0x2F {
                    commit()
                    mix(0x20)
                    written += 1
                    last = 0x20
                }
                pendingSpace = false
            }
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lowered == 0x2E || lowered == 0x21 || lowered == 0x2C || lowered == 0x3B || lowered == 0x3A || lowered == 0x3F {
                if heldCount == 0 { heldStart = position }
                heldCount += 1
            } else {
                commit()
                mix(lowered)
            }
            written += 1
            last = lowered
        }
        return (finish(hash), written - heldCount == 0)
    }

    /// The hash of a text in lower case, with no string made for ASCII text.
    static func lowercased(_ text: String) -> UInt64 {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return of(text.utf8.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }) }
        return of(text.lowercased().utf8)
    }
}
