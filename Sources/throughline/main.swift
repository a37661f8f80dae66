#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThroughlineCLI
import ThroughlineCore

// The only place that reads the clock, the environment and argv, and the only caller of exit. The C library does it
// (the local date as `localtime_r` gives it, with TZ honoured): no Foundation to load, whose libraries alone would
// take a dozen megabytes of memory before a sheet is read.
tzset()
var clock = time(nil)
var local = tm()
localtime_r(&clock, &local)
let today = CalendarDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))!
func environmentValue(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
let workingDirectory: String = {
    var size = 4096
    while true {
        var buffer = [CChar](repeating: 0, count: size)
        if getcwd(&buffer, size) != nil { return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        guard errno == ERANGE else { return "." }
        size *= 2
    }
}()
let standardError = DescriptorSink(descriptor: 2, name: "standard error")
// Work longer than a second shows what it is doing on a terminal's standard error, cut to the terminal's width,
// until output shows on the same screen.
var terminalSize = winsize()
let progress = isatty(2) == 1 ? Progress(sink: standardError, width: ioctl(2, UInt(TIOCGWINSZ), &terminalSize) == 0 ? Int(terminalSize.ws_col) : 80) : nil
progress?.start()
let standardOutput = DescriptorSink(descriptor: 1, name: "standard output")
let context = Context(
    stdout: isatty(1) == 1 ? progress?.ending(before: standardOutput) ?? standardOutput : standardOutput,
    stderr: standardError,
    readStandardInput: { try FileByteSource(path: "/dev/stdin", displayName: "-") },
    workingDirectory: workingDirectory,
    today: today,
    stdoutIsTerminal: isatty(1) == 1,
    stderrIsTerminal: isatty(2) == 1,
    noColor: environmentValue("NO_COLOR") != nil,
    temporaryDirectory: environmentValue("TMPDIR").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "/tmp",
    progress: progress
)
#if canImport(Glibc)
// Large blocks (a table's records, a sheet's texts, the working arrays of an analysis) are always mapped on their own,
// so each goes back to the system when freed. Left to itself, glibc raises this threshold after the first such free
// and keeps later blocks in its heap, where what was freed stays resident: 25 MB of rollup's peak on 1M rows.
// Swift does not import <malloc.h>; `mallopt` is found by name (nil is RTLD_DEFAULT), and -3 is M_MMAP_THRESHOLD.
if let mallopt = dlsym(nil, "mallopt") {
    _ = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)(-3, 1 << 20)
}
#endif
// A closed pipe on standard output ends the run quietly instead of killing it mid-write.
signal(SIGPIPE, SIG_IGN)
exit(Throughline.run(Array(CommandLine.arguments.dropFirst()), context: context))
