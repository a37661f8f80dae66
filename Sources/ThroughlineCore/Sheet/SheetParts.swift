#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

extension Sheet {
    /// Sheets with fewer bytes than this are read in one part: a second thread would cost more than it saves.
    static let partThreshold = 4 << 20

    /// Calls `body` with every data row that has a non-empty cell, as `forEachDataRow` does; a large sheet on disk is
    /// read in two halves on two threads. Each part has its own state, made by `makePart`; `body` sees one part's rows
    /// in order, with that part's state. Returns the states in file order: every row of the first comes before every
    /// row of the second, so joining them gives what one pass would.
    ///
    /// `body` runs on both threads at once: it must touch nothing but its part's state and values no one changes.
    ///
    /// The second half starts after a line end past the middle where the quotes seen so far are balanced. The first
    /// half is read from the start and confirms that a record starts exactly there, on the line the second half was
    /// numbered from; when it does not (a quote that opens no quoted cell, say), the second half is stopped and
    /// dropped, and the first goes on to the end.
    /// Starts finding where this sheet splits in two on a thread of its own, when it is large enough to be read in two
    /// halves: the first `readDataRows` then starts its first half at once, and its second half as soon as the search
    /// is done, which by then it usually is.
    func startFindingSplit() {
        guard split == nil, pendingSplit == nil, input.scannedSplit == nil, let whole = input.body, whole.count >= minimumSplitSize,
              sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return }
        pendingSplit = PendingSplit(input: input, from: whole.count / 2)
    }

    /// `leftOut` is told of each data row that holds no item and is not blank, with why (`RowFilter.leftOutReason`), in
    /// file order, once the rows are read.
    func readDataRows<Part>(parts makePart: () -> Part, leftOut: (Int, String) -> Void = { _, _ in },
                            _ body: (inout Part, CSVRecord) throws -> Void) throws -> [Part] {
        var first = makePart()
        // The rows left out by the first part (or the one pass), by line.
        var firstLeftOut: [(line: Int, why: String)] = []
        defer { for row in firstLeftOut { leftOut(row.line, row.why) } }
        func onePass() throws -> [Part] {
            try forEachDataRow(leftOut: { firstLeftOut.append(($0, $1)) }) { record in
                try body(&first, record)
                return true
            }
            return [first]
        }
        // An outline sheet's rows are read in order: a row may sit under the last row above it, or take a cell from it.
        guard let whole = input.body, whole.count >= minimumSplitSize, !layout.readsInOrder, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else {
            return try onePass()
        }
        let middle = whole.count / 2
        let second = Handoff(makePart())
        let input = self.input
        let filter = self.rows
        // The split is the same for every pass over the sheet: found once, by the encoding scan, by the first pass's
        // second thread, or by a search started ahead of it.
        let known = split ?? input.scannedSplit.map { .some($0) }
        let pending = pendingSplit
        pendingSplit = nil
        return try withoutActuallyEscaping(body) { body in
            let shared = Unchecked(body)
            let started = SecondThread {
                var reader: CSVReader?
                do {
                    if let point = try known ?? pending?.wait() ?? SplitPoint.find(in: input, from: middle) {
                        reader = try input.makeReader(from: point.offset, line: point.line)
                        second.point = reader == nil ? nil : point
                    }
                } catch {
                    // No second half, then: the first reads the whole sheet, and meets any real problem itself.
                    second.point = nil
                }
                second.found.signal()
                guard let reader else { return }
                do {
                    var rows = 0
                    try reader.forEach { record in
                        if filter.holdsItem(record, leftOut: { second.leftOut.append(($0, $1)) }) { try shared.value(&second.part, record) }
                        rows += 1
                        return rows & 1023 != 0 || !second.stop.isSet
                    }
                } catch {
                    second.error = error
                }
            }
            guard let thread = started else { return try onePass() }
            // The second thread uses `body` and `second`: whatever happens here, it has finished before they go.
            var finished = false
            defer {
                if !finished {
                    second.stop.set()
                    thread.join()
                }
            }

            var pending = true
            var point: SplitPoint?
            var joined = false
            try forEachRecord { record, role in
                if pending && record.offset >= middle {
                    second.found.wait()
                    point = second.point
                    pending = false
                }
                if let start = point, record.offset >= start.offset {
                    // Past the header, at the very byte and line the second half began with: the halves join here.
                    if record.offset == start.offset && record.line == start.line && role == .data {
                        joined = true
                        return false
                    }
                    point = nil
                    second.stop.set()
                }
                if role == .data, rows.holdsItem(record, leftOut: { firstLeftOut.append(($0, $1)) }) { try body(&first, record) }
                return true
            }
            thread.join()
            finished = true
            self.split = .some(joined ? second.point : nil)
            guard joined else { return [first] }
            if let error = second.error { throw layout.namingColumn(of: error) }
            firstLeftOut += second.leftOut
            return [first, second.part]
        }
    }
}

/// Where the second half of a sheet starts: a byte offset from the first record, and the line there.
struct SplitPoint: Equatable {
    let offset: Int
    let line: Int

    /// How far past the middle a split is looked for before giving up.
    static let searchLimit = 32 << 20

    /// `byte` in each of a word's eight bytes.
    @inline(__always)
    static func spread(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The high bit of each byte of `word` that is zero, and no other bit.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word) & ~low
    }

    /// The first line end at or after `target` where the quotes before it are balanced, and the line that follows it.
    /// Lines are counted as the reader counts them: LF, CR LF and a lone CR each end one.
    static func find(in input: CSVInput, from target: Int) throws -> SplitPoint? {
        guard let source = try input.bodyBytes(from: 0) else { return nil }
        let quote = input.dialect.quote
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { chunk.deallocate() }
        var position = 0
        var tally = LineTally(quote: quote)
        while position < target + searchLimit {
            let count = try source.read(into: chunk)
            if count == 0 { return nil }
            let bytes = UnsafeBufferPointer(start: chunk.bindMemory(to: UInt8.self).baseAddress, count: count)
            // The bytes before the target are only counted; from the target on, each line end is a candidate.
            let counted = min(count, max(0, target - position))
            tally.feed(UnsafeBufferPointer(rebasing: bytes[0..<counted]))
            for index in counted..<count {
                let byte = bytes[index]
                tally.feed(byte)
                if byte == 0x0A && tally.quotes & 1 == 0 {
                    return SplitPoint(offset: position + index + 1, line: input.firstLine + tally.lineEnds)
                }
            }
            position += count
        }
        return nil
    }
}

/// Line ends counted as the CSV reader counts them (LF, CR LF and a lone CR each end one line), and quote bytes, over
/// bytes fed in pieces: a CR at the end of one piece and an LF at the start of the next end one line.
struct LineTally {
    let quote: UInt8
    private(set) var lineEnds = 0
    private(set) var quotes = 0
    private var previous: UInt8 = 0

    init(quote: UInt8) { self.quote = quote }

    /// Counts `bytes`, eight at a time.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let feeds = SplitPoint.zeroBytes(word ^ SplitPoint.spread(0x0A)), returns = SplitPoint.zeroBytes(word ^ SplitPoint.spread(0x0D))
            if feeds | returns != 0 {
                // A CR then LF ends one line, within the word or across its start.
                lineEnds += feeds.nonzeroBitCount + returns.nonzeroBitCount - ((returns << 8) & feeds).nonzeroBitCount
                if previous == 0x0D && word & 0xFF == 0x0A { lineEnds -= 1 }
            }
            let quoted = SplitPoint.zeroBytes(word ^ SplitPoint.spread(quote))
            if quoted != 0 { quotes += quoted.nonzeroBitCount }
            previous = UInt8(truncatingIfNeeded: word >> 56)
            index += 8
        }
        while index < bytes.count {
            feed(bytes[index])
            index += 1
        }
    }

    /// Counts one byte.
    @inline(__always)
    mutating func feed(_ byte: UInt8) {
        if byte == 0x0A {
            if previous != 0x0D { lineEnds += 1 }
        } else if byte == 0x0D {
            lineEnds += 1
        } else if byte == quote {
            quotes += 1
        }
        previous = byte
    }
}

/// The second half's state, handed between threads: `point` is written before `found` is signalled and read after
/// it is waited for; `part` and `error` are read only after the thread is joined.
private final class Handoff<Part>: @unchecked Sendable {
    var part: Part
    var point: SplitPoint?
    var error: Error?
    var leftOut: [(line: Int, why: String)] = []
    let found = DispatchSemaphore(value: 0)
    /// Set by the first thread when the second half is no longer wanted.
    let stop = Flag()

    init(_ part: Part) { self.part = part }
}

/// `body`, handed to the second thread, which calls it while the first thread calls it too (see `readDataRows`).
final class Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A flag one thread sets and another reads, behind a lock.
private final class Flag: @unchecked Sendable {
    private var lock = pthread_mutex_t()
    private var value = false

    init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }

    func set() {
        pthread_mutex_lock(&lock)
        value = true
        pthread_mutex_unlock(&lock)
    }

    var isSet: Bool {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return value
    }
}

/// A thread running one closure, joined before the closure's captures go.
final class SecondThread: @unchecked Sendable {
    #if canImport(Darwin)
    private var handle: pthread_t?
    #else
    private var handle = pthread_t()
    #endif
    private let work: () -> Void

    /// Starts `work` on a new thread with an 8 MiB stack; nil when the system gives no thread.
    init?(_ work: @escaping () -> Void) {
        self.work = work
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&handle, &attributes, { context in
            let thread = Unmanaged<SecondThread>.fromOpaque((context as UnsafeMutableRawPointer?)!).takeRetainedValue()
            thread.work()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<SecondThread>.fromOpaque(context).release()
            return nil
        }
    }

    /// Waits for the work to finish.
    func join() {
        #if canImport(Darwin)
        if let handle { pthread_join(handle, nil) }
        #else
        pthread_join(handle, nil)
        #endif
    }
}

/// Work over `0..<count` cut in two halves done at once, the second on a second thread, when there is more than one
/// core and at least `minimum` to share; else the whole range in one go. `body` must only read what it shares.
/// Returns each half's result in order (one result when not cut).
func inHalves<Result>(_ count: Int, minimum: Int = 100_000, _ body: (Range<Int>) -> Result) -> [Result] {
    guard count >= minimum, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return [body(0..<count)] }
    let middle = count / 2
    let box = ResultBox<Result>()
    return withoutActuallyEscaping(body) { body in
        let shared = Unchecked(body)
        guard let thread = SecondThread({ box.result = shared.value(middle..<count) }) else { return [body(0..<count)] }
        let first = body(0..<middle)
        thread.join()
        return [first, box.result!]
    }
}

/// Parts `0..<count` made by `make` and handed to `take` in order, the next part made on a second thread while `take`
/// has the one before, when there is more than one core; else one after the other. `make` must only read what it
/// shares: only `take` may write. Memory holds two parts at a time, whatever the count.
func pipelined<Part>(_ count: Int, make: (Int) -> Part, take: (Part) throws -> Void) rethrows {
    guard count > 1, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else {
        for index in 0..<count { try take(make(index)) }
        return
    }
    try withoutActuallyEscaping(make) { make in
        let shared = Unchecked(make)
        var current = make(0)
        for next in 1...count {
            let box = ResultBox<Part>()
            let thread = next < count ? SecondThread({ box.result = shared.value(next) }) : nil
            do {
                try take(current)
            } catch {
                // The part being made is still waited for: `make` must not outlive this call.
                thread?.join()
                throw error
            }
            guard next < count else { break }
            if let thread {
                thread.join()
                current = box.result!
            } else {
                current = make(next)
            }
        }
    }
}

/// What the second thread's half gave, read once it is joined.
private final class ResultBox<Result>: @unchecked Sendable {
    var result: Result?
}

/// A split search running on a thread of its own; `wait` gives its answer (nil for none, or when the search failed: the
/// first pass then reads the whole sheet and meets any real problem itself).
final class PendingSplit: @unchecked Sendable {
    private let thread: SecondThread?
    private let box = ResultBox<SplitPoint?>()
    private var waited = false

    init(input: CSVInput, from middle: Int) {
        let box = self.box
        thread = SecondThread { box.result = try? SplitPoint.find(in: input, from: middle) }
    }

    /// Waits for the search to end; nil when there is no split. Called from one thread at a time.
    func wait() -> SplitPoint?? {
        guard let thread else { return .some(nil) }
        if !waited {
            thread.join()
            waited = true
        }
        return .some(box.result ?? nil)
    }

    deinit { _ = wait() }
}
