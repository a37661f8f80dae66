/// Remembers a value per distinct byte string: a cell's text is read once, and every repeat costs one hash of its bytes,
/// with no String made. Keys are kept in one buffer, so a million short keys are a million slices, not a million objects.
struct ByteMemo<Value> {
    private struct Entry {
        var offset: Int
        var length: Int32
        var hash: UInt32
    }
    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    private var values: [Value] = []
    /// Open addressing: each slot holds an entry index plus one, 0 when empty.
    private var slots: [Int32]
    private var mask: Int

    /// An empty memo sized for about `capacity` keys.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// How many distinct keys are remembered.
    var count: Int { values.count }

    /// The values in the order their keys were first stored.
    var storedValues: [Value] { values }

    /// A hash of the bytes taken eight at a time (cells are short, and read a million times): each word is mixed in
    /// with a multiply and shift, the last partial word padded with zeros, the length mixed in first.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var state = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var tail: UInt64 = 0
        // (An empty buffer may have no address; it hashes as any other empty one.)
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var position = 0
            while position + 8 <= bytes.count {
                state = (state ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
                state ^= state >> 31
                position += 8
            }
            // The last bytes, four, two and one at a time: byte k of them lands at bits 8k, as in a word.
            let left = bytes.count - position
            var shift: UInt64 = 0
            if left & 4 != 0 {
                tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                shift = 32
                position += 4
            }
            if left & 2 != 0 {
                tail |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt16.self))) << shift
                shift += 16
                position += 2
            }
            if left & 1 != 0 { tail |= UInt64(base[position]) << shift }
        }
        state = (state ^ tail) &* 0x94D0_49BB_1331_11EB
        state ^= state >> 29
        return UInt32(truncatingIfNeeded: state >> 32)
    }

    /// Whether `count` bytes at `a` and `b` are the same, eight at a time.
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let (left, right) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        var position = 0
        while position + 8 <= count {
            if left.loadUnaligned(fromByteOffset: position, as: UInt64.self) != right.loadUnaligned(fromByteOffset: position, as: UInt64.self) {
                return false
            }
            position += 8
        }
        // The last bytes four, two and one at a time.
        let rest = count - position
        if rest & 4 != 0 {
            if left.loadUnaligned(fromByteOffset: position, as: UInt32.self) != right.loadUnaligned(fromByteOffset: position, as: UInt32.self) { return false }
            position += 4
        }
        if rest & 2 != 0 {
            if left.loadUnaligned(fromByteOffset: position, as: UInt16.self) != right.loadUnaligned(fromByteOffset: position, as: UInt16.self) { return false }
            position += 2
        }
        return rest & 1 == 0 || a[position] == b[position]
    }

    /// The value stored for `bytes`, if any.
    func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let hash = Self.hash(bytes)
        var slot = Int(hash) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let found = Int(slots[slot])
                if found == 0 { return nil }
                let entry = entries[found - 1]
                if entry.hash == hash && Int(entry.length) == bytes.count
                    && (bytes.isEmpty || Self.same(stored.baseAddress! + entry.offset, bytes.baseAddress!, bytes.count)) {
                    return values[found - 1]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `value` for `bytes`, replacing any earlier one.
    mutating func store(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        let hash = Self.hash(bytes)
        var slot = Int(hash) & mask
        while true {
            let found = Int(slots[slot])
            if found == 0 { break }
            let entry = entries[found - 1]
            if entry.hash == hash && Int(entry.length) == bytes.count && keyBytes.withUnsafeBufferPointer({ stored in
                bytes.isEmpty || Self.same(stored.baseAddress! + entry.offset, bytes.baseAddress!, bytes.count)
            }) {
                values[found - 1] = value
                return
            }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(offset: keyBytes.count, length: Int32(bytes.count), hash: hash))
        keyBytes.append(contentsOf: bytes)
        values.append(value)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    /// The value for `bytes`, computed and stored the first time.
    @inline(__always)
    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, _ compute: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        if let known = value(for: bytes) { return known }
        let value = compute(bytes)
        store(value, for: bytes)
        return value
    }

    /// Calls `body` with each key, in the order stored.
    func forEachKey(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        keyBytes.withUnsafeBufferPointer { stored in
            for entry in entries { body(UnsafeBufferPointer(rebasing: stored[entry.offset..<entry.offset + Int(entry.length)])) }
        }
    }

    /// Forgets every key, keeping the storage.
    mutating func removeAll() {
        keyBytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var grown = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & newMask
            while grown[slot] != 0 { slot = (slot + 1) & newMask }
            grown[slot] = Int32(index + 1)
        }
        slots = grown
        mask = newMask
    }
}
