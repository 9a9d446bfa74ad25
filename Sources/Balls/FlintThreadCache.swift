#if canImport(Glibc)
import Glibc
#endif
import _CArb

/// FLINT and Arb keep caches per thread (a pool of GMP integers behind fmpz, Arb's constants),
/// which a thread must free before it ends (`flint_cleanup`). Swift's worker threads end
/// without asking; a thread-specific key whose destructor frees the thread's caches does it
/// for them (as `MPFRThreadCache` does for MPFR's). `register()` runs whenever a ball is made;
/// after its first call on a thread it costs one `pthread_getspecific`.
@usableFromInline enum FlintThreadCache {
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { _ in flint_cleanup() }
        return key
    }()

    @usableFromInline static func register() {
        if pthread_getspecific(key) == nil { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }
    }
}
