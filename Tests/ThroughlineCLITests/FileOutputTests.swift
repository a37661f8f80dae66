#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import ThroughlineCLI
import ThroughlineCore

/// `-o` puts a file in place only when it is complete, by renaming a temporary file over it; a pipe or a device
/// (`/dev/null`) is not a file to replace, and is written to as it is.
@Suite struct FileOutputTests {
    @Test func aPipeIsWrittenToNotReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("throughline-fifo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/out.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Open for reading first (without waiting for a writer), so the write end opens at once.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let context = Context(stdout: MemorySink(), stderr: MemorySink(), readStandardInput: { MemoryByteSource([]) }, workingDirectory: folder,
                              today: CalendarDate(year: 2026, month: 11, day: 21)!)
        try context.write("hello\n", to: "out.fifo")
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "hello\n")
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the pipe is still a pipe")
        #expect(throws: ThroughlineError.self) { try context.write("x", to: ".") }
    }
}
