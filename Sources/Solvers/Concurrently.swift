import LinearAlgebra
import Synchronization

/// Independent computations run on separate threads (the P and 2P spectra, the Jacobians on
/// the four fixed-point spaces). MPFR keeps its state per thread and the values shared are
/// immutable (Debian's MPFR is built thread-safe: mpfr_buildopt_tls_p() = 1), so the results
/// are bit-identical to running the jobs one after the other (SeriesSpectrumTests).
enum Concurrently {
    /// The jobs' results in order; the first error (in job order) is rethrown.
    static func run<R: Sendable>(_ jobs: [@Sendable () throws -> R]) throws -> [R] {
        let results = Mutex<[Result<R, Error>?]>(Array(repeating: nil, count: jobs.count))
        Parallelism.run(jobs.count) { i in
            let result = Result { try jobs[i]() }
            results.withLock { $0[i] = result }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// `transform` of every element, in order, on as many threads as there are idle cores (two
    /// interleaved shares on this machine's two); the first error (in element order) is rethrown.
    static func map<E: Sendable, R: Sendable>(_ elements: [E], _ transform: @escaping @Sendable (E) throws -> R) throws -> [R] {
        let shares = min(elements.count, Parallelism.hasSpareCore ? Parallelism.cores : 1)
        guard shares > 1 else { return try elements.map(transform) }
        let results = Mutex<[Result<R, Error>?]>(Array(repeating: nil, count: elements.count))
        Parallelism.run(shares) { share in
            for i in stride(from: share, to: elements.count, by: shares) {
                let result = Result { try transform(elements[i]) }
                results.withLock { $0[i] = result }
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
