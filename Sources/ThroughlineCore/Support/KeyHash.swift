/// The one hash for keys made of bytes: cell texts in `ByteMemo`, ids and titles in `ItemIndex`.
enum KeyHash {
    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step.
    @inline(__always)
    private static func mix(_ state: UInt64, _ byte: UInt8) -> UInt64 { (state ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// Spreads FNV-1a's state so that the bits that pick a slot depend on every byte.
    @inline(__always)
    private static func finish(_ state: UInt64) -> UInt64 {
        var hash = state
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }

    /// FNV-1a over the bytes, finished.
    @inline(__always)
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var state = seed
        for byte in bytes { state = mix(state, byte) }
        return finish(state)
    }

    /// The hash of a text's word key (`Conventions.wordKey`), nil when the key is empty.
    static func wordKey(_ text: String) -> UInt64? {
        var text = text
        return text.withUTF8(wordKey(bytes:))
    }

    /// The hash of the word key of UTF-8 `bytes`, nil when the key is empty; ASCII text is hashed as its key is made,
    /// with no key written anywhere.
    static func wordKey(bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var state = seed, length = 0
        if Conventions.asciiWordKey(bytes, emit: { state = mix(state, $0); length += 1 }) { return length == 0 ? nil : finish(state) }
        let key = Conventions.wordKey(String(decoding: bytes, as: UTF8.self))
        return key.isEmpty ? nil : of(key.utf8)
    }

    /// The hash of a text in lower case, with no string made for ASCII text.
    static func lowercased(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8(lowercased(bytes:))
    }

    /// The hash of UTF-8 `bytes` in lower case: `lowercased(String(decoding: bytes, …))`.
    static func lowercased(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = seed
        for byte in bytes {
            guard byte < 0x80 else { return of(String(decoding: bytes, as: UTF8.self).lowercased().utf8) }
            state = mix(state, byte.asciiLowercased)
        }
        return finish(state)
    }
}

/// A sum over a text's bytes that two texts of one word key (`Conventions.wordKey`) always share: each byte adds a
/// fixed random number, the same for a letter in either case, and none for white space or the punctuation a key may
/// drop. Far cheaper than the key's hash (no byte waits on the one before), it screens texts a set of keys cannot name.
enum LetterSum {
    private static let table: [UInt64] = {
        var state: UInt64 = 0x5DEE_CE66_D1CE_4E5B
        var table = [UInt64](repeating: 0, count: 128)
        for byte in 0..<128 {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            table[byte] = value ^ (value >> 31)
        }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = table[Int(byte | 0x20)] }
        for byte in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] + Array(".!,;:?".utf8) { table[Int(byte)] = 0 }
        return table
    }()

    /// The sum of ASCII `bytes`; nil when they are not ASCII (a key made through Unicode may differ in its letters).
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        table.withUnsafeBufferPointer { table in
            var sum: UInt64 = 0, high: UInt8 = 0
            for byte in bytes {
                high |= byte
                sum &+= table[Int(byte & 0x7F)]
            }
            return high >= 0x80 ? nil : sum
        }
    }
}
