import Dispatch
import ThroughlineCore

/// What a long run is doing, on one line of standard error that is a terminal (SPEC 7): after a second, the phase a
/// command named last and a turning mark, redrawn a few times a second; erased before any other line goes to standard
/// error, and when the run ends. `main.swift` makes it, and starts its timer, only when standard error is a terminal;
/// nothing it shows depends on the clock.
public final class Progress: @unchecked Sendable {
    private let sink: ByteSink
    /// The terminal's width: a longer line would wrap, and erasing would leave its first part behind.
    private let width: Int
    /// Every write to the terminal, and the state below, happen on this queue.
    private let queue = DispatchQueue(label: "throughline.progress")
    private var timer: DispatchSourceTimer?
    private var phase = ""
    private var shown = false
    private var turn = 0
    private static let marks = ["|", "/", "-", "\\"]

    /// A display writing to `sink` (standard error) on a terminal `width` columns wide; nothing is drawn until
    /// `start` or `draw`.
    public init(sink: ByteSink, width: Int = 80) {
        self.sink = sink
        self.width = max(width, 20)
    }

    /// `sink` (standard output on the same terminal) with the progress line ended for good before its first byte:
    /// once output shows, it is the progress.
    public func ending(before sink: ByteSink) -> ByteSink {
        OutputAfterProgress(sink, progress: self)
    }

    /// Draws every `interval` seconds, from `delay` seconds on.
    public func start(delay: Double = 1, interval: Double = 0.25) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler { [weak self] in self?.drawOnQueue() }
        queue.sync { self.timer = timer }
        timer.resume()
    }

    /// Names what the run does now ("reading tracker.csv"); shown from the next drawing on.
    public func phase(_ text: String) {
        queue.sync { phase = text }
    }

    /// Draws the line now (the timer's work; also for tests).
    func draw() {
        queue.sync { drawOnQueue() }
    }

    /// Writes `line` (with its newline) to standard error, the progress line erased first and drawn again later.
    public func write(_ line: String) throws {
        try queue.sync {
            try eraseOnQueue()
            try Self.write(line, to: sink)
        }
    }

    /// Stops drawing and erases the line: the run is over.
    public func finish() {
        queue.sync {
            timer?.cancel()
            timer = nil
            try? eraseOnQueue()
            phase = ""
        }
    }

    private func drawOnQueue() {
        guard !phase.isEmpty else { return }
        turn += 1
        let room = width - 1 - "throughline:  |".count
        let text = phase.count > room ? String(phase.prefix(max(room - 1, 0))) + "…" : phase
        try? Self.write("\r\u{1B}[Kthroughline: \(text) \(Self.marks[turn % Self.marks.count])", to: sink)
        shown = true
    }

    private func eraseOnQueue() throws {
        guard shown else { return }
        try Self.write("\r\u{1B}[K", to: sink)
        shown = false
    }

    private static func write(_ text: String, to sink: ByteSink) throws {
        var text = text
        try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
    }
}

/// Standard output on the terminal that shows the progress line: the line is ended before the first byte.
private final class OutputAfterProgress: ByteSink {
    private let sink: ByteSink
    private let progress: Progress
    private var started = false

    init(_ sink: ByteSink, progress: Progress) {
        self.sink = sink
        self.progress = progress
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if !started {
            progress.finish()
            started = true
        }
        try sink.write(bytes)
    }
}
