#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThroughlineCLI
import ThroughlineCore

// The only place that reads the clock, the environment and argv, and the only caller of exit.
let now = Date()
let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: now)
let today = CalendarDate(year: components.year!, month: components.month!, day: components.day!)!
let environment = ProcessInfo.processInfo.environment
let context = Context(
    stdout: DescriptorSink(descriptor: 1, name: "standard output"),
    stderr: DescriptorSink(descriptor: 2, name: "standard error"),
    readStandardInput: { try FileByteSource(path: "/dev/stdin", displayName: "-") },
    workingDirectory: FileManager.default.currentDirectoryPath,
    today: today,
    stdoutIsTerminal: isatty(1) == 1,
    stderrIsTerminal: isatty(2) == 1,
    noColor: environment["NO_COLOR"] != nil,
    temporaryDirectory: environment["TMPDIR"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "/tmp"
)
// A closed pipe on standard output ends the run quietly instead of killing it mid-write.
signal(SIGPIPE, SIG_IGN)
exit(Throughline.run(Array(CommandLine.arguments.dropFirst()), context: context))
