import Foundation
import Testing
@testable import ThroughlineCore

func input(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> CSVInput {
    try CSVInput(bytes: bytes, file: "t.csv", encoding: encoding)
}

@Suite struct EncodingTests {
    @Test func utf8WithByteOrderMark() throws {
        let source = try input([0xEF, 0xBB, 0xBF] + Array("a,b\n1,é\n".utf8))
        #expect(source.encoding.encoding == .utf8)
        #expect(source.encoding.hasByteOrderMark)
        #expect(try source.makeReader().readAll() == [["a", "b"], ["1", "é"]])
    }

    @Test func windows1252IsDetectedAndDecoded() throws {
        // "Zoë;€5;“q”" in Windows-1252.
        let bytes: [UInt8] = Array("id;name\n1;Zo".utf8) + [0xEB, 0x3B, 0x80, 0x35, 0x3B, 0x93, 0x71, 0x94, 0x0A]
        let source = try input(bytes)
        #expect(source.encoding.encoding == .windows1252)
        #expect(source.dialect == .semicolon)
        #expect(try source.makeReader().readAll() == [["id", "name"], ["1", "Zoë", "€5", "“q”"]])
    }

    @Test func utf16WithAndWithoutMark() throws {
        let text = "a\tb\r\n1\té𝄞\r\n"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        var bare: [UInt8] = []
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bare += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        for bytes in [little, big, bare] {
            let source = try input(bytes)
            #expect(try source.makeReader().readAll() == [["a", "b"], ["1", "é𝄞"]])
        }
    }

    @Test func decodingAcrossTinyChunksKeepsSurrogatesAndSequences() throws {
        var bytes: [UInt8] = []
        for unit in "𝄞é,x\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reader = CSVReader(source: DecodingByteSource(MemoryByteSource(bytes), encoding: .utf16LE), dialect: .comma, chunkSize: 16)
        #expect(try reader.readAll() == [["𝄞é", "x"]])
    }

    @Test func straysInUTF8AreReadAsWindows1252() throws {
        let bytes: [UInt8] = Array("id,name\n1,café\n2,na".utf8) + [0xEF, 0x76, 0x65, 0x0A] + Array("3,Zoë\n4,über\n".utf8)
        let source = try input(bytes)
        #expect(source.encoding.encoding == .utf8)
        #expect(source.encoding.strayBytesLine == 3)
        #expect(try source.makeReader().readAll()[2] == ["2", "naïve"])
    }

    /// A Windows-1252 sheet that also holds a UTF-8 character says so, with its line; two Windows-1252 characters that
    /// happen to form a UTF-8 sequence (`ß“` is DF 93, `É’` is C9 92) do not.
    @Test func utf8CharactersInAWindows1252SheetAreNoted() throws {
        let mixed = try input([UInt8]("id,name\n1,Men".utf8) + [0xFC, 0x0A, 0x32, 0x2C, 0xE4, 0x0A] + Array("3,café\n".utf8))
        #expect(mixed.encoding.encoding == .windows1252 && mixed.encoding.utf8AlsoSeen)
        #expect(mixed.encoding.reason.contains("(at line 4)"))
        let german = try input([UInt8]("id,name\n1,".utf8) + [0x84, 0x7A, 0x75, 0x20, 0x67, 0x72, 0x6F, 0xDF, 0x93, 0x0A, 0x32, 0x2C, 0x43, 0x41, 0x46, 0xC9, 0x92, 0x53, 0x0A]
                               + Array("3,Gr".utf8) + [0xFC, 0xDF, 0x65, 0x20, 0x66, 0xFC, 0x72, 0x0A])
        #expect(german.encoding.encoding == .windows1252 && !german.encoding.utf8AlsoSeen)
        #expect(try german.makeReader().readAll()[1] == ["1", "„zu groß“"])
    }

    /// A large file is scanned in two halves at once; what it is read as, and the line named, are one pass's. The bytes
    /// go in a line of the second half, or of both: a stray in UTF-8 text, a stray in ASCII text, a NUL, or nothing.
    @Test(arguments: [([0xE9], true, false), ([0xE9], false, false), ([0x00], true, false), ([], true, false), ([0xE9], true, true),
                      ([0x00], false, true)] as [([UInt8], Bool, Bool)])
    func twoHalvesFindWhatOnePassFinds(_ inserted: [UInt8], _ accented: Bool, _ alsoFirstHalf: Bool) throws {
        var bytes: [UInt8] = Array("ID,Title,Status\n".utf8)
        for index in 0..<220_000 {
            bytes += Array("T\(index),\(accented ? "Zoë" : "Zoe") task,Green\n".utf8)
            if index == 170_000 || alsoFirstHalf && index == 40_000 { bytes += Array("T,bad ".utf8) + inserted + [0x0A] }
        }
        #expect(bytes.count > EncodingDetector.halfScanThreshold)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("throughline-halves-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        func outcome(_ scan: () throws -> EncodingReport?) -> String {
            do { return try scan().map { "\($0)" } ?? "none" } catch { return "\(error)" }
        }
        let onePass = outcome { try EncodingDetector.scan(FileByteSource(path: url.path), file: "t.csv") }
        let halves = outcome {
            try EncodingDetector.scanInHalves(opener: { try FileByteSource(path: url.path) }, seeker: { try FileByteSource(path: url.path, offset: $0) },
                                              size: bytes.count, file: "t.csv")?.report
        }
        #expect(halves == (ProcessInfo.processInfo.activeProcessorCount > 1 ? onePass : "none"))
        #expect(inserted.isEmpty || onePass.contains(alsoFirstHalf ? "40003" : "170003"))
    }

    @Test func explicitUTF8RejectsInvalidBytes() {
        #expect(throws: ThroughlineError.self) { _ = try input(Array("a\n".utf8) + [0xFF, 0x0A], encoding: .utf8) }
    }

    @Test func nulBytesAndWorkbooksAreRefused() {
        #expect(throws: ThroughlineError.self) { _ = try input(Array("a,b\nc,".utf8) + [0, 0x0A]) }
        #expect(throws: ThroughlineError.self) { _ = try input([0x50, 0x4B, 0x03, 0x04, 0, 0]) }
        #expect(throws: ThroughlineError.self) { _ = try input([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]) }
    }

    @Test func encodingBackGivesTheOriginalBytes() throws {
        let original: [UInt8] = Array(0x20...0xFF).map(UInt8.init)
        let decoded = try DecodingByteSource(MemoryByteSource(original), encoding: .windows1252).readAll()
        var back: [UInt8] = []
        decoded.withUnsafeBufferPointer { TextEncoder.encode($0, as: .windows1252, into: &back) }
        #expect(back == original)
    }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", CSVDialect.comma), ("a;b;c\n1,5;2;3\n", .semicolon), ("a\tb\n1\t2\n", .tab), ("a|b\n1|2\n", .pipe),
        ("name,notes\nA,\"x;y;z\"\nB,w\n", .comma), ("single\nvalue\n", .comma),
    ])
    func delimiterSniffing(_ text: String, _ expected: CSVDialect) throws {
        #expect(try input(Array(text.utf8)).dialect == expected)
    }

    @Test func separatorLineSetsTheDelimiter() throws {
        let source = try input(Array("sep=|\r\na|b\r\n".utf8))
        #expect(source.dialect == .pipe)
        #expect(source.separatorLine == Array("sep=|\r\n".utf8))
        var lines: [Int] = []
        try source.makeReader().forEach { lines.append($0.line); return true }
        #expect(lines == [2])
    }
}

@Suite struct DecodedSeparatorLineTests {
    /// A `sep=` line is skipped with a small read; decoded sources must serve any read size.
    @Test func windows1252AndUTF16WithASeparatorLine() throws {
        let latin: [UInt8] = Array("sep=;\nID;Title\n1;a".utf8) + [0xE9] + Array(";x\n".utf8)
        #expect(try input(latin).makeReader().readAll() == [["ID", "Title"], ["1", "aé", "x"]])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "sep=;\r\nID;Title\r\n1;é\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try input(utf16).makeReader().readAll() == [["ID", "Title"], ["1", "é"]])
    }

    @Test func tinyReadsFromADecodingSource() throws {
        let source = DecodingByteSource(MemoryByteSource(Array(repeating: 0xE9, count: 100)), encoding: .windows1252)
        var collected: [UInt8] = []
        while true {
            let piece = try source.readPrefix(3)
            if piece.isEmpty { break }
            collected += piece
        }
        #expect(String(decoding: collected, as: UTF8.self) == String(repeating: "é", count: 100))
    }
}
