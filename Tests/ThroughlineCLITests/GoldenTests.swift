import Foundation
import Testing
@testable import ThroughlineCLI
import ThroughlineCore

/// Golden end-to-end cases: each folder under `Golden/` holds `cmd` (the arguments, one line), its input files, an
/// optional `stdin`, and the expected `expected-stdout`, `expected-stderr`, `expected-exit` and `expected-files/`
/// (files the command must leave in its working folder). Each case runs in-process in a fresh temporary folder with
/// today fixed at 2026-11-21. `THROUGHLINE_RECORD=1 swift test` rewrites the expectations for review in git.
@Suite struct GoldenTests {
    static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let record = ProcessInfo.processInfo.environment["THROUGHLINE_RECORD"] == "1"

    static var cases: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: goldenRoot.path).filter { !$0.hasPrefix(".") }.sorted()) ?? []
    }

    @Test func thereAreGoldenCases() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let caseFolder = Self.goldenRoot.appendingPathComponent(name)
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("throughline-golden-\(name)-\(UUID().uuidString)")
        try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: work) }
        for entry in try fileManager.contentsOfDirectory(atPath: caseFolder.path)
        where !entry.hasPrefix("expected-") && entry != "cmd" && entry != "stdin" {
            try fileManager.copyItem(at: caseFolder.appendingPathComponent(entry), to: work.appendingPathComponent(entry))
        }
        // Cases that read the repository's own sample data or templates get a fresh copy of that folder.
        let repository = Self.goldenRoot.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for shared in ["sample-data", "templates"] where fileManager.fileExists(atPath: caseFolder.appendingPathComponent("uses-" + shared).path) {
            try fileManager.copyItem(at: repository.appendingPathComponent(shared), to: work.appendingPathComponent(shared))
            try? fileManager.removeItem(at: work.appendingPathComponent("uses-" + shared))
        }
        let commandLine = try String(contentsOf: caseFolder.appendingPathComponent("cmd"), encoding: .utf8)
        let arguments = try ShellWords.split(commandLine.trimmingCharacters(in: .newlines))
        let stdinBytes = (try? Data(contentsOf: caseFolder.appendingPathComponent("stdin"))).map { [UInt8]($0) } ?? []
        let stdout = MemorySink()
        let stderr = MemorySink()
        let context = Context(stdout: stdout, stderr: stderr, readStandardInput: { MemoryByteSource(stdinBytes) },
                              workingDirectory: work.path, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                              temporaryDirectory: work.path)
        let exit = Throughline.run(arguments, context: context)

        let expectedFiles = caseFolder.appendingPathComponent("expected-files")
        if Self.record {
            try Data(stdout.bytes).write(to: caseFolder.appendingPathComponent("expected-stdout"))
            try Data(stderr.bytes).write(to: caseFolder.appendingPathComponent("expected-stderr"))
            try "\(exit)\n".write(to: caseFolder.appendingPathComponent("expected-exit"), atomically: true, encoding: .utf8)
            if fileManager.fileExists(atPath: expectedFiles.path) {
                for file in try Self.files(under: expectedFiles) {
                    let produced = work.appendingPathComponent(file)
                    let target = expectedFiles.appendingPathComponent(file)
                    try? fileManager.removeItem(at: target)
                    if fileManager.fileExists(atPath: produced.path) { try fileManager.copyItem(at: produced, to: target) }
                }
            }
            return
        }
        let expectedExit = try String(contentsOf: caseFolder.appendingPathComponent("expected-exit"), encoding: .utf8)
        #expect("\(exit)" == expectedExit.trimmingCharacters(in: .whitespacesAndNewlines), "exit code of \(name)")
        let expectedStdout = try [UInt8](Data(contentsOf: caseFolder.appendingPathComponent("expected-stdout")))
        #expect(stdout.text == String(decoding: expectedStdout, as: UTF8.self), "stdout of \(name)")
        let sameBytes = stdout.bytes == expectedStdout
        #expect(sameBytes, "stdout bytes of \(name)")
        let expectedStderr = try String(contentsOf: caseFolder.appendingPathComponent("expected-stderr"), encoding: .utf8)
        #expect(stderr.text == expectedStderr, "stderr of \(name)")
        if fileManager.fileExists(atPath: expectedFiles.path) {
            for file in try Self.files(under: expectedFiles) {
                let produced = try? Data(contentsOf: work.appendingPathComponent(file))
                let expected = try Data(contentsOf: expectedFiles.appendingPathComponent(file))
                #expect(produced == expected, "file \(file) written by \(name)")
            }
        }
        // No command leaves its temporary files behind.
        let leftovers = try fileManager.subpathsOfDirectory(atPath: work.path).filter { $0.contains(".throughline-") || $0.hasPrefix("throughline-stdin") }
        #expect(leftovers.isEmpty, "temporary files left by \(name): \(leftovers)")
    }
}

extension GoldenTests {
    /// Paths of the regular files below `folder`, relative to it.
    static func files(under folder: URL) throws -> [String] {
        var isFolder: ObjCBool = false
        return try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }
}

/// Splits a command line the way a shell would for simple cases: spaces separate words, single or double quotes group them.
enum ShellWords {
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw ThroughlineError.usage("unclosed quote in cmd") }
        if inWord { words.append(current) }
        return words
    }
}
