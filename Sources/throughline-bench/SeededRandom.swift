/// SplitMix64: tiny and fast, and the same seed gives the same tracker on every machine and toolchain.
struct SeededRandom {
    private var state: UInt64

    /// Starts the sequence at `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound`; the modulo bias is far below anything a benchmark can notice.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True `perMille` times in a thousand.
    @inline(__always)
    mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    /// One element of `choices`, all equally likely.
    @inline(__always)
    mutating func pick<Element>(_ choices: [Element]) -> Element { choices[below(choices.count)] }
}
