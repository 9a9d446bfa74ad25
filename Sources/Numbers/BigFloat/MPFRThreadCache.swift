#if canImport(Glibc)
import Glibc
#endif
import _CMPFR

/// MPFR keeps caches per thread (the constant pi, the tables of atan, exp, sin ...), which a
/// thread must free before it ends (`mpfr_free_cache2`). Swift's worker threads end without
/// asking; a thread-specific key whose destructor frees the thread's caches does it for them.
/// `register()` runs before every operation that fills a cache; after its first call on a
/// thread it costs one `pthread_getspecific`.
@usableFromInline enum MPFRThreadCache {
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { _ in mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE) }
        return key
    }()

    @usableFromInline static func register() {
        if pthread_getspecific(key) == nil { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }
    }
}
