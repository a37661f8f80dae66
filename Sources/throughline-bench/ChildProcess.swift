#if canImport(Glibc)
import Glibc
#endif

/// What one child process did: how long it took, its peak memory, how it ended and what it printed.
struct ChildRun {
    /// Wall time from spawn to reaped exit.
    let seconds: Double
    /// The child's peak resident set size (`ru_maxrss`), in bytes.
    let peakResidentBytes: Int
    /// The exit code, or 128 plus the signal that killed it.
    let exitStatus: Int32
    /// Everything the child wrote to standard output.
    let standardOutput: String
    /// Everything the child wrote to standard error.
    let standardError: String

    /// Whether the child exited with 0.
    var succeeded: Bool { exitStatus == 0 }
}

/// Runs programs as child processes, so the time and peak memory measured are theirs alone.
enum ChildProcess {
    /// Runs `arguments` (the program looked up on `PATH` when it has no slash) and waits for it.
    ///
    /// Standard output and error go to files in `folder` rather than pipes: a pipe the parent had to drain
    /// would put the parent's scheduling into the child's wall time.
    static func run(_ arguments: [String], captureIn folder: String) throws -> ChildRun {
        let outputPath = folder + "/child.stdout"
        let errorPath = folder + "/child.stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }

        let started = monotonicSeconds()
        var pid: pid_t = 0
        let spawnError = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawnError == 0 else {
            throw BenchFailure(message: "cannot start \(arguments[0]): \(String(cString: strerror(spawnError)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw BenchFailure(message: "waiting for \(arguments[0]) failed: \(String(cString: strerror(errno)))")
            }
        }
        let seconds = monotonicSeconds() - started
        return ChildRun(
            seconds: seconds,
            peakResidentBytes: Int(usage.ru_maxrss) * 1024,  // Linux reports kibibytes.
            exitStatus: exitCode(fromWaitStatus: status),
            standardOutput: readText(outputPath),
            standardError: readText(errorPath))
    }

    /// The run of `arguments` when it starts and exits with 0 (a probe for optional tools); nil otherwise.
    static func canStart(_ arguments: [String], captureIn folder: String) -> ChildRun? {
        guard let run = try? run(arguments, captureIn: folder), run.succeeded else { return nil }
        return run
    }

    /// The exit code of a normal exit, or 128 plus the signal, as shells report it (the W* macros are not imported).
    static func exitCode(fromWaitStatus status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Seconds on the monotonic clock, immune to wall-clock adjustments.
    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A small text file's contents; empty when it cannot be read.
    static func readText(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
