/// Finds items by a key (an id, a title's word key) without keeping a copy of any key: each slot holds the key's hash
/// and the first item with it, and a hit is confirmed by asking whether that item's key is the one looked for.
/// A million ids cost 16 MB here, against about 50 MB as a dictionary of strings.
struct ItemIndex {
    private var hashes: [UInt64]
    private var positions: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// An index sized for `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = [UInt64](repeating: 0, count: size)
        positions = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The first item stored under `hash` whose key `matches`.
    func find(_ hash: UInt64, matches: (Int) -> Bool) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while positions[slot] >= 0 {
            if hashes[slot] == hash, matches(Int(positions[slot])) { return Int(positions[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `position` under `hash` unless an item whose key `matches` is there already; returns that earlier item.
    mutating func insert(_ position: Int, hash: UInt64, matches: (Int) -> Bool) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while positions[slot] >= 0 {
            if hashes[slot] == hash, matches(Int(positions[slot])) { return Int(positions[slot]) }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        positions[slot] = Int32(position)
        count += 1
        if count * 2 > positions.count { grow() }
        return nil
    }

    private mutating func grow() {
        let size = positions.count * 2
        var newHashes = [UInt64](repeating: 0, count: size)
        var newPositions = [Int32](repeating: -1, count: size)
        let newMask = size - 1
        for slot in positions.indices where positions[slot] >= 0 {
            var target = Int(truncatingIfNeeded: hashes[slot]) & newMask
            while newPositions[target] >= 0 { target = (target + 1) & newMask }
            newHashes[target] = hashes[slot]
            newPositions[target] = positions[slot]
        }
        hashes = newHashes
        positions = newPositions
        mask = newMask
    }
}

/// Hashes of the keys items are found by.
enum KeyHash {
    /// FNV-1a over the bytes, then mixed so that the low bits, which pick the slot, depend on every byte.
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }

    /// The hash of a text as typed.
    static func exact(_ text: String) -> UInt64 { of(text.utf8) }

    /// The hash of a text's word key (`Conventions.wordKey`), nil when the key is empty; no string is made for ASCII text.
    static func wordKey(_ text: String, scratch: inout [UInt8]) -> UInt64? {
        if Conventions.asciiWordKey(text.utf8, into: &scratch) { return scratch.isEmpty ? nil : of(scratch) }
        let key = Conventions.wordKey(text)
        return key.isEmpty ? nil : of(key.utf8)
    }

    /// The hash of a text in lower case, with no string made for ASCII text.
    static func lowercased(_ text: String) -> UInt64 {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return of(text.utf8.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }) }
        return of(text.lowercased().utf8)
    }
}
