#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

extension Sheet {
    /// Sheets with fewer bytes than this are read in one part: a second thread would cost more than it saves.
    public static let partThreshold = 4 << 20

    /// Calls `body` with every data row that has a non-empty cell, as `forEachDataRow` does; a large sheet on disk is
    /// read in two halves on two threads. Each part has its own state, made by `makePart`; `body` sees one part's rows
    /// in order, with that part's state. Returns the states in file order: every row of the first comes before every
    /// row of the second, so joining them gives what one pass would.
    ///
    /// The second half starts after a line end past the middle where the quotes seen so far are balanced. The first
    /// half is read from the start and confirms that a record starts exactly there, on the line the second half was
    /// numbered from; when it does not (a quote that opens no quoted cell, say), the second half is dropped and the
    /// first goes on to the end.
    public func readDataRows<Part>(parts makePart: () -> Part, _ body: (inout Part, CSVRecord) throws -> Void) throws -> [Part] {
        var first = makePart()
        guard let whole = input.body, whole.count >= minimumSplitSize, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else {
            try forEachDataRow { record in
                try body(&first, record)
                return true
            }
            return [first]
        }
        let middle = whole.count / 2
        let second = Handoff(makePart())
        let headerRow = layout.headerRow ?? 0
        let input = self.input
        return try withoutActuallyEscaping(body) { body in
            let shared = Unchecked(body)
            let thread = try SecondThread {
                do {
                    let point = try SplitPoint.find(in: input, from: middle)
                    second.point = point
                    second.found.signal()
                    guard let point, let reader = try input.makeReader(from: point.offset, line: point.line) else { return }
                    try reader.forEach { record in
                        if !Sheet.isBlank(record) { try shared.value(&second.part, record) }
                        return true
                    }
                } catch {
                    second.found.signal()
                    second.error = error
                }
            }
            // The second thread uses `body` and `second`: whatever happens here, it has finished before they go.
            var finished = false
            defer { if !finished { thread.join() } }

            var row = 0
            var pending = true
            var point: SplitPoint?
            var joined = false
            try input.makeReader().forEach { record in
                if pending && record.offset >= middle {
                    second.found.wait()
                    point = second.point
                    pending = false
                }
                if let split = point, record.offset >= split.offset {
                    // Past the header, at the very byte and line the second half began with: the halves join here.
                    if record.offset == split.offset && record.line == split.line && row >= headerRow {
                        joined = true
                        return false
                    }
                    point = nil
                }
                row += 1
                if row > headerRow && !Self.isBlank(record) { try body(&first, record) }
                return true
            }
            thread.join()
            finished = true
            guard joined else { return [first] }
            if let error = second.error { throw error }
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

    /// The first line end at or after `target` where the quotes before it are balanced, and the line that follows it.
    /// Lines are counted as the reader counts them: LF, CR LF and a lone CR each end one.
    static func find(in input: CSVInput, from target: Int) throws -> SplitPoint? {
        guard let source = try input.bodyBytes(from: 0) else { return nil }
        let quote = input.dialect.quote
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { chunk.deallocate() }
        var position = 0
        var lines = 0
        var quotes = 0
        var previous: UInt8 = 0
        while position < target + searchLimit {
            let count = try source.read(into: chunk)
            if count == 0 { return nil }
            let bytes = chunk.bindMemory(to: UInt8.self)
            for index in 0..<count {
                let byte = bytes[index]
                if byte == 0x0A {
                    if previous != 0x0D { lines += 1 }
                    if position + index >= target && quotes & 1 == 0 {
                        return SplitPoint(offset: position + index + 1, line: input.firstLine + lines)
                    }
                } else if byte == 0x0D {
                    lines += 1
                } else if byte == quote {
                    quotes += 1
                }
                previous = byte
            }
            position += count
        }
        return nil
    }
}

/// The second half's state, handed between threads; each field is written by one thread before the other reads it,
/// with a semaphore between.
private final class Handoff<Part>: @unchecked Sendable {
    var part: Part
    var point: SplitPoint?
    var error: Error?
    let found = DispatchSemaphore(value: 0)

    init(_ part: Part) { self.part = part }
}

/// A value passed to the second thread, which uses it only while the first waits for it.
private final class Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A thread running one closure, joined before the closure's captures go.
private final class SecondThread: @unchecked Sendable {
    private var handle = pthread_t()
    private let work: () -> Void

    /// Starts `work` on a new thread with an 8 MiB stack.
    init(_ work: @escaping () -> Void) throws {
        self.work = work
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&handle, &attributes, { context in
            let thread = Unmanaged<SecondThread>.fromOpaque(context!).takeRetainedValue()
            thread.work()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<SecondThread>.fromOpaque(context).release()
            throw ThroughlineError.internalFailure("cannot start a thread to read the sheet's second half (error \(status))")
        }
    }

    /// Waits for the work to finish.
    func join() { pthread_join(handle, nil) }
}
