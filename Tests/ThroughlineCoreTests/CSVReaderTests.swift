import Testing
@testable import ThroughlineCore

/// Reads `text` with the given delimiter and tiny chunks, so records cross chunk boundaries.
func readRecords(_ text: String, delimiter: CSVDialect = .comma, chunkSize: Int = 1 << 20) throws -> [[String]] {
    try CSVReader(source: MemoryByteSource(text), dialect: delimiter, chunkSize: chunkSize).readAll()
}

struct CSVReaderCase: CustomTestStringConvertible, Sendable {
    let input: String
    let expected: [[String]]
    var testDescription: String { input.debugDescription }
}

@Suite struct CSVReaderTests {
    static let cases: [CSVReaderCase] = [
        .init(input: "", expected: []),
        .init(input: "a", expected: [["a"]]),
        .init(input: "a,b,c\n1,2,3\n", expected: [["a", "b", "c"], ["1", "2", "3"]]),
        .init(input: "a,b\r\n1,2\r\n", expected: [["a", "b"], ["1", "2"]]),
        .init(input: "a,b\r1,2\r", expected: [["a", "b"], ["1", "2"]]),
        .init(input: "a,b\n1,2", expected: [["a", "b"], ["1", "2"]]),
        .init(input: "a,,\n", expected: [["a", "", ""]]),
        .init(input: ",", expected: [["", ""]]),
        .init(input: "\"a,b\",c", expected: [["a,b", "c"]]),
        .init(input: "\"a\"\"b\",c", expected: [["a\"b", "c"]]),
        .init(input: "\"\"\"\"", expected: [["\""]]),
        .init(input: "\"\"", expected: [[""]]),
        .init(input: "\"line1\nline2\",x\n", expected: [["line1\nline2", "x"]]),
        .init(input: "\"line1\r\nline2\",x\r\n", expected: [["line1\r\nline2", "x"]]),
        .init(input: "\"cr\rinside\"", expected: [["cr\rinside"]]),
        .init(input: "a\"b,c", expected: [["a\"b", "c"]]),
        .init(input: "\"a\"b,c", expected: [["ab", "c"]]),
        .init(input: "\"a\"\"b\"c\"d,e", expected: [["a\"bc\"d", "e"]]),
        .init(input: " \"a\" ,b", expected: [[" \"a\" ", "b"]]),
        .init(input: "  lead,trail  ", expected: [["  lead", "trail  "]]),
        .init(input: "a\n\nb\n", expected: [["a"], [], ["b"]]),
        .init(input: "a\r\n\r\nb", expected: [["a"], [], ["b"]]),
        .init(input: "\n", expected: [[]]),
        .init(input: "a,b\n1\n1,2,3\n", expected: [["a", "b"], ["1"], ["1", "2", "3"]]),
        .init(input: "é,ü,日本\n", expected: [["é", "ü", "日本"]]),
    ]

    @Test(arguments: cases)
    func readsRecords(_ test: CSVReaderCase) throws {
        #expect(try readRecords(test.input) == test.expected)
        // Records that cross every possible chunk boundary read the same.
        #expect(try readRecords(test.input, chunkSize: 16) == test.expected)
    }

    @Test func readsWithTinyChunksEverywhere() throws {
        let text = "id,\"note, with comma\",x\r\n1,\"multi\r\nline \"\"quoted\"\"\",\r\n2,plain,\"\"\r\n"
        let expected = try readRecords(text)
        for size in 16...40 {
            #expect(try readRecords(text, chunkSize: size) == expected)
        }
    }

    @Test func otherDelimiters() throws {
        #expect(try readRecords("a;b;\"c;d\"\n", delimiter: .semicolon) == [["a", "b", "c;d"]])
        #expect(try readRecords("a\tb\t\"c\td\"\n", delimiter: .tab) == [["a", "b", "c\td"]])
        #expect(try readRecords("a|b\n", delimiter: .pipe) == [["a", "b"]])
    }

    @Test func linesWhereRecordsStart() throws {
        let reader = CSVReader(source: MemoryByteSource("h1,h2\n\"a\nb\nc\",x\r\nnext,1\rlast,2"), dialect: .comma)
        var lines: [Int] = []
        var terminators: [LineTerminator] = []
        try reader.forEach { lines.append($0.line); terminators.append($0.terminator); return true }
        #expect(lines == [1, 2, 5, 6])
        #expect(terminators == [.lf, .crlf, .cr, .none])
    }

    @Test func unclosedQuoteNamesTheLineItOpened() throws {
        let text = "a,b\n1,2\nx,\"never\ncloses\n"
        #expect(throws: ThroughlineError.data(SourceLocation(file: "t.csv", line: 3, column: "B"),
                                              "unclosed quote: the quoted cell that opens here never closes before the end of the file",
                                              hint: "a cell that starts with \" must end with \"; write a quote inside a quoted cell as \"\"")) {
            _ = try CSVReader(source: MemoryByteSource(text), dialect: .comma, file: "t.csv").readAll()
        }
    }

    @Test func rawBytesAndQuotingAreKept() throws {
        let reader = CSVReader(source: MemoryByteSource("\"a\",b,\"c\"\"d\"\n"), dialect: .comma)
        try reader.forEach { record in
            #expect(String(decoding: record.rawRecord, as: UTF8.self) == "\"a\",b,\"c\"\"d\"")
            #expect(String(decoding: record.rawBytes(2), as: UTF8.self) == "\"c\"\"d\"")
            #expect([record.wasQuoted(0), record.wasQuoted(1), record.wasQuoted(2)] == [true, false, true])
            #expect(record.rawRange(1) == 4..<5)
            return true
        }
    }

    @Test func hugeFieldGrowsTheBuffer() throws {
        let big = String(repeating: "x", count: 3_000_000)
        let rows = try readRecords("a,\"\(big)\"\nb,c\n", chunkSize: 1024)
        #expect(rows.count == 2)
        #expect(rows[0][1].utf8.count == 3_000_000)
        #expect(rows[1] == ["b", "c"])
    }

    @Test func stopsEarlyWhenAsked() throws {
        let reader = CSVReader(source: MemoryByteSource("1\n2\n3\n"), dialect: .comma)
        var seen = 0
        try reader.forEach { _ in seen += 1; return seen < 2 }
        #expect(seen == 2)
    }
}
