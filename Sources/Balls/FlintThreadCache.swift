import _CArb
import Numbers

/// FLINT's and Arb's per-thread caches (a pool of GMP integers behind fmpz, Arb's constants),
/// freed when the thread ends (`flint_cleanup`); registered whenever a ball is made and before
/// the series products that call Arb directly.
@usableFromInline let flintThreadCache = ThreadExitAction { _ in flint_cleanup() }
