import Numbers
import Landscape

/// A critical point of L with a given isotropy at a (real) dimension d, in MPFR.
public struct CriticalPoint: Sendable {
    public let pattern: IsotropyPattern
    public let d: BigFloat
    /// ξ in the pattern's coordinate order (the paper's, MATH.md section 2).
    public let coordinates: [BigFloat]
    public let loss: BigFloat
    /// Frobenius norm of the full gradient matrix: sqrt(Σ_i count_i F_i^2).
    public let gradientNorm: BigFloat
    /// Newton iterations used for the last solve.
    public let iterations: Int

    public var precision: Int { d.precision }

    /// Type I when the big block's diagonal D_1 is negative (D_1 -> -1), type II when positive.
    public var type: FamilyType { coordinates[0].sign < 0 ? .typeI : .typeII }
}

public enum FamilyType: String, Sendable, CaseIterable, CustomStringConvertible {
    case typeI = "I", typeII = "II"
    public var description: String { rawValue }
}

/// Why a solve failed; each message is one line for the CLI.
public enum SolverError: Error, Equatable, CustomStringConvertible, Sendable {
    case notConverged(String)
    case noCriticalPoint(String)
    /// The data leave more than one answer (e.g. two exponent vectors that both check out): the
    /// message lists them; the solver does not choose.
    case ambiguous(String)
    public var isAmbiguous: Bool { if case .ambiguous = self { return true }; return false }
    public var description: String {
        switch self {
        case .notConverged(let s), .noCriticalPoint(let s), .ambiguous(let s): return s
        }
    }
}
