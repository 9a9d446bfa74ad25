#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Independent computations run on separate threads (the P and 2P spectra, the Jacobians on
/// the four fixed-point spaces). MPFR keeps its state per thread and the values shared are
/// immutable (Debian's MPFR is built thread-safe: mpfr_buildopt_tls_p() = 1), so the results
/// are bit-identical to running the jobs one after the other (SeriesSpectrumTests).
enum Concurrently {
    /// The jobs' results in order; the first error (in job order) is rethrown.
    static func run<R: Sendable>(_ jobs: [@Sendable () throws -> R]) throws -> [R] {
        let results = Results<R>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            results.set(i, Result { try jobs[i]() })
        }
        return try results.values.map { try $0!.get() }
    }

    /// Written once per index from concurrentPerform's threads, read after it returns.
    private final class Results<R: Sendable>: @unchecked Sendable {
        private let lock = PthreadMutex()
        private(set) var values: [Result<R, Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<R, Error>) { lock.locked { values[i] = value } }
    }
}

/// A pthread mutex.
private final class PthreadMutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func locked<V>(_ body: () -> V) -> V {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
