#if canImport(Glibc)
import Glibc
#endif
import _CMPFR

/// An action run when a thread that asked for it ends: a thread-specific key whose destructor
/// runs it. The C libraries keep caches per thread (MPFR's constants and tables, FLINT's pool
/// of integers) that a thread must free before it ends, and Swift's worker threads end without
/// asking. `register()` marks the calling thread; after its first call on a thread it costs
/// one `pthread_getspecific`.
public struct ThreadExitAction: @unchecked Sendable {
    @usableFromInline let key: pthread_key_t

    public init(_ action: @convention(c) (UnsafeMutableRawPointer?) -> Void) {
        var key = pthread_key_t()
        pthread_key_create(&key, action)
        self.key = key
    }

    @inlinable public func register() {
        if pthread_getspecific(key) == nil { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }
    }
}

/// MPFR's per-thread caches (the constant pi, the tables of atan, exp, sin ...), freed when the
/// thread ends (`mpfr_free_cache2`); registered before every operation that fills them.
@usableFromInline let mpfrThreadCache = ThreadExitAction { _ in mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE) }
