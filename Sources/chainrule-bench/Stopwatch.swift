import Foundation

/// Wall-clock timing for benchmarks: the best of several runs, in seconds.
enum Stopwatch {
    /// Runs `body` `repeats` times and returns the fastest time in seconds.
    static func best(of repeats: Int = 3, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// `1.23 ms`, `4.5 s`.
    static func format(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds)
            : seconds >= 1e-3 ? String(format: "%.2f ms", seconds * 1e3)
            : String(format: "%.1f µs", seconds * 1e6)
    }
}
