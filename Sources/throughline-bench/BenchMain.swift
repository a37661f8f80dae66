import ThroughlineCore
#if canImport(Glibc)
import Glibc
#endif

/// Entry point: picks the hidden `count` child or the full benchmark.
enum BenchMain {
    /// Runs the command line and returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        if arguments.first == CountCommand.name {
            return CountCommand.run(Array(arguments.dropFirst()))
        }
        do {
            let options = try BenchOptions.parse(arguments)
            if options.showHelp {
                Console.out(BenchOptions.usage)
                return 0
            }
            return try Benchmark(options: options).run()
        } catch let failure as BenchFailure {
            Console.err("throughline-bench: error: \(failure.message)")
            return 1
        } catch {
            Console.err("throughline-bench: error: \(error)")
            return 1
        }
    }
}

/// A failure that ends the benchmark with a message meant for the person running it.
struct BenchFailure: Error {
    /// What went wrong and, where possible, what to do about it.
    let message: String
}

/// Writes straight to the standard descriptors, so progress shows at once and Swift 6 needs no shared `FILE*`.
enum Console {
    /// Writes a line to standard output.
    static func out(_ text: String) { write(descriptor: 1, text + "\n") }

    /// Writes a line to standard error.
    static func err(_ text: String) { write(descriptor: 2, text + "\n") }

    /// Writes every byte of `text`, retrying short writes.
    private static func write(descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// `throughline-bench count FILE`: reads every record with `CSVReader` and prints how many there were.
enum CountCommand {
    /// The hidden subcommand's name.
    static let name = "count"

    /// Counts the records of the one file named in `arguments`.
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1 else {
            Console.err("usage: throughline-bench count FILE")
            return 2
        }
        do {
            Console.out(String(try countRecords(path: arguments[0])))
            return 0
        } catch {
            Console.err("throughline-bench count: \(error)")
            return 1
        }
    }

    /// Opens the file the way the commands do (encoding and delimiter detection included) and counts its records.
    static func countRecords(path: String) throws -> Int {
        let input = try CSVInput(path: path)
        let reader = try input.makeReader()
        var count = 0
        try reader.forEach { _ in
            count += 1
            return true
        }
        return count
    }
}
