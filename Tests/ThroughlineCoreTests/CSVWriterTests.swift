import Testing
@testable import ThroughlineCore

@Suite struct CSVWriterTests {
    func written(_ body: (CSVWriter) throws -> Void, dialect: CSVDialect = .comma) rethrows -> String {
        let sink = MemorySink()
        let out = OutputBuffer(sink)
        try body(CSVWriter(out, dialect: dialect))
        try? out.flush()
        return sink.text
    }

    @Test func quotesOnlyWhatNeedsIt() throws {
        let text = try written { try $0.writeRecord(["plain", "a,b", "say \"hi\"", "line\nbreak", " space ", ""], terminator: .crlf) }
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\", space ,\r\n")
    }

    @Test func aLoneEmptyCellIsQuotedSoItIsNotABlankLine() throws {
        #expect(try written { try $0.writeRecord([""], terminator: .lf) } == "\"\"\n")
    }

    @Test func tabDialectQuotesTabs() throws {
        #expect(try written({ try $0.writeRecord(["a\tb", "c,d"], terminator: .lf) }, dialect: .tab) == "\"a\tb\"\tc,d\n")
    }

    /// Reading a file and writing its records back gives the same bytes, for well-formed files in any line-end style.
    @Test(arguments: [
        "a,b,c\r\n1,2,3\r\n", "a,b\n1,2", "\"quoted\",plain,\"with \"\"q\"\"\"\r\n\"multi\r\nline\",,\r\n", "x\r\n\r\ny\r\n",
        "only\n", "a,\"\"\n\"\",b\n", "é,日本,🟢\n", "mixed\nends\r\nhere\rdone",
    ])
    func roundTripIsByteExact(_ text: String) throws {
        let reader = CSVReader(source: MemoryByteSource(text), dialect: .comma)
        let output = try written { writer in try reader.forEach { try writer.writeRecord($0); return true } }
        #expect(output == text)
    }

    /// Property: random records written then read give the same cells.
    @Test func randomRecordsSurviveAWriteReadCycle() throws {
        var generator = SeededGenerator(seed: 42)
        let alphabet: [String] = ["a", "b", " ", ",", "\"", "\n", "\r\n", "é", "😀", ";", "\t", "\r"]
        for _ in 0..<300 {
            let rows = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
                }
            }
            let text = try written { writer in for row in rows { try writer.writeRecord(row, terminator: .lf) } }
            let back = try CSVReader(source: MemoryByteSource(text), dialect: .comma, chunkSize: 16).readAll()
            #expect(back == rows, "\(text.debugDescription)")
        }
    }
}

/// A small deterministic random number generator (SplitMix64) so property tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct OutputBufferTests {
    /// Characters cut by a flush must not be mangled when the output is re-encoded.
    @Test(arguments: [TextEncoding.utf16LE, .utf16BE, .windows1252])
    func encodingAcrossFlushesKeepsEveryCharacter(_ encoding: TextEncoding) throws {
        let text = String(repeating: "aé€", count: 200_000)
        let sink = MemorySink()
        let out = OutputBuffer(sink, encoding: encoding)
        for piece in [text, "x", text] { try out.append(piece) }
        try out.flush()
        var expected: [UInt8] = []
        var all = text + "x" + text
        all.withUTF8 { TextEncoder.encode($0, as: encoding, into: &expected) }
        #expect(sink.bytes == expected)
    }
}
