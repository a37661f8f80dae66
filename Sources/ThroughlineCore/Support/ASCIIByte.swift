/// The byte tests used on ASCII text, defined once.
extension UInt8 {
    /// ASCII white space as `trimmingSpaces` trims it: space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always)
    var isASCIISpace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }

    /// The byte with an ASCII capital letter lower-cased; any other byte as it is.
    @inline(__always)
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 0x20 : self }
}
