#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Work shared between threads, and how many of the machine's cores this process keeps busy:
/// a computation that could split itself (the row updates of `solveInColumnOrder`) does so only
/// when a core is idle, not while independent jobs (the P and 2P spectra) already fill them,
/// where splitting only adds waiting.
public enum Parallelism {
    /// Threads running jobs of `run` (the calling thread counts as one).
    static let busy = Atomic<Int>(1)
    /// Online processors.
    public static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Whether a core is idle.
    public static var hasSpareCore: Bool { busy.load(ordering: .relaxed) < cores }

    /// `body(0)`, ..., `body(count - 1)` on up to `count` threads; returns when all are done.
    public static func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else { if count == 1 { body(0) }; return }
        busy.add(count - 1, ordering: .relaxed)
        defer { busy.subtract(count - 1, ordering: .relaxed) }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
