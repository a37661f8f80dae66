import Testing
@testable import ThroughlineCLI
import ThroughlineCore

/// The progress line on a terminal's standard error (SPEC 7): drawn over itself, erased before any other line and at
/// the end, never drawn without a phase.
@Suite struct ProgressTests {
    @Test func theLineIsErasedBeforeANoteAndAtTheEnd() throws {
        let sink = MemorySink()
        let progress = Progress(sink: sink)
        progress.draw()
        #expect(sink.text.isEmpty, "nothing to say before a phase is named")
        progress.phase("reading a.csv")
        progress.draw()
        try progress.write("a.csv:3:Due: warning: …\n")
        progress.phase("checking")
        progress.draw()
        progress.finish()
        let erase = "\r\u{1B}[K"
        #expect(sink.text == erase + "throughline: reading a.csv /" + erase + "a.csv:3:Due: warning: …\n"
                + erase + "throughline: checking -" + erase)
        progress.draw()
        #expect(sink.text.hasSuffix("checking -" + erase), "nothing is drawn once the run is over")
    }

    /// Cut to the terminal's width (a wrapped line would leave its first part behind when erased), and ended for good
    /// once output starts on the same terminal.
    @Test func theLineFitsTheTerminalAndEndsWhenOutputStarts() throws {
        let sink = MemorySink()
        let progress = Progress(sink: sink, width: 30)
        progress.phase("reading a-very-long-file-name-of-a-sheet.csv")
        progress.draw()
        var table = "table\n"
        try table.withUTF8 { try progress.ending(before: sink).write(UnsafeRawBufferPointer($0)) }
        progress.draw()
        #expect(sink.text == "\r\u{1B}[Kthroughline: reading a-ver… /\r\u{1B}[Ktable\n")
    }

    @Test func aContextWritesItsNotesThroughTheProgressLine() throws {
        let out = MemorySink(), err = MemorySink()
        let progress = Progress(sink: err)
        let context = Context(stdout: out, stderr: err, readStandardInput: { MemoryByteSource([]) }, workingDirectory: "/tmp",
                              today: CalendarDate(year: 2026, month: 11, day: 21)!, stderrIsTerminal: true, progress: progress)
        context.phase("reading t.csv")
        progress.draw()
        try context.note("t.csv: note: one")
        #expect(err.text == "\r\u{1B}[Kthroughline: reading t.csv /\r\u{1B}[Kt.csv: note: one\n")
    }
}
