#if canImport(Glibc)
import Glibc
#endif

// `throughline-bench [--rows N] [--keep DIR] [--runs K]` measures the CSV reader and the commands built on it
// against Python's csv module (and DuckDB when it is installed). `throughline-bench count FILE` is the hidden
// child the benchmark spawns to time the reader on its own.
exit(BenchMain.run(Array(CommandLine.arguments.dropFirst())))
