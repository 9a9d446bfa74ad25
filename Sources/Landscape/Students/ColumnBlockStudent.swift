import Numbers
import LinearAlgebra

/// A student narrower than the teacher (k rows, k < d allowed) whose rows are constant on the
/// blocks of a partition of the d columns: the fixed-point space of S_{d-s} x S_{n_2} x ... acting
/// on the columns of M(k, d) alone (the rows are not permuted). Block 0 is the big block of
/// d - s columns (s the small blocks' total), then the small blocks. Coordinate x_ib (index
/// i r + b) is row i's value on block b. The rows' norms and inner products are polynomials in d,
/// so the loss is a function of x and of a REAL d (Docs/one-neuron.md, "Rows constant on column
/// blocks"):
///
///     L = Σ_i |w_i|^2/4 + Σ_{i<j} f(w_i, w_j) - Σ_i Σ_b n_b f(w_i, e_b) + d/4 + d(d - 1)/(4π),
///
/// |w_i|^2 = Σ_b n_b x_ib^2, w_i.w_j = Σ_b n_b x_ib x_jb, w_i.e_j = x_ib for j in block b. With
/// one block and k = 1 this is the one-neuron line W = c 1^T; paper 002's "stable" and
/// "compressed" neurons are k = 2 with blocks d-1,1.
public struct ColumnBlockStudent: Sendable, Equatable, CustomStringConvertible {
    public let rows: Int
    public let smallBlocks: [Int]

    public init(rows: Int, smallBlocks: [Int]) {
        precondition(rows >= 1 && smallBlocks.allSatisfy { $0 >= 1 }, "at least one row; blocks of positive size")
        (self.rows, self.smallBlocks) = (rows, smallBlocks)
    }

    public var blockCount: Int { smallBlocks.count + 1 }
    public var dimension: Int { rows * blockCount }
    public var smallTotal: Int { smallBlocks.reduce(0, +) }
    /// The smallest d with a big block of at least one column.
    public var minimumDimension: Int { smallTotal + 1 }

    public var description: String {
        let blocks = ([smallTotal == 0 ? "d" : "d-\(smallTotal)"] + smallBlocks.map(String.init)).joined(separator: ",")
        return "\(rows) row\(rows == 1 ? "" : "s") constant on the column blocks \(blocks)"
    }

    public func blockSizes<T: ScalarField>(d: T) -> [T] { [d - d.constant(smallTotal)] + smallBlocks.map { d.constant($0) } }

    /// The number of matrix entries of each coordinate: n_b.
    public func entryCounts<T: ScalarField>(d: T) -> [T] {
        let n = blockSizes(d: d)
        return (0..<dimension).map { n[$0 % blockCount] }
    }

    /// L(x; d), the target's constant included.
    public func loss<T: ElementaryScalar>(_ x: [T], d: T) throws -> T {
        precondition(x.count == dimension)
        let r = blockCount, n = blockSizes(d: d)
        let zero = d.constant(0), one = d.constant(1), quarter = d.constant(Rational(1, 4))
        let norms = (0..<rows).map { i in (0..<r).reduce(zero) { $0 + n[$1] * x[i * r + $1] * x[i * r + $1] } }
        var total = quarter * d + (try d * (d - one) / (d.constant(4) * (try d.pi())))
        for i in 0..<rows {
            total = total + quarter * norms[i]
            for j in (i + 1)..<max(rows, i + 1) {
                let inner = (0..<r).reduce(zero) { $0 + n[$1] * x[i * r + $1] * x[j * r + $1] }
                total = total + (try ReluKernel(a: norms[i], b: norms[j], c: inner).value)
            }
            for b in 0..<r {
                total = total - n[b] * (try ReluKernel(a: norms[i], b: one, c: x[i * r + b]).value)
            }
        }
        return total
    }

    /// The gradient ∂L/∂x and Hessian ∂²L/∂x² (not divided by the entry counts), by nested dual
    /// numbers: the dimension is small (k r) and this runs at one d, not in the series ring.
    public func gradientAndHessian<T: ElementaryScalar>(_ x: [T], d: T) throws -> (gradient: [T], hessian: Matrix<T>) {
        let m = dimension
        let seeded = x.indices.map { i in Dual<Dual<T>>.variable(Dual.variable(x[i], index: i, count: m), index: i, count: m) }
        let value = try loss(seeded, d: Dual(Dual(d)))
        let gradient = (0..<m).map { value.partial($0).value }
        let hessian = Matrix<T>(rows: m, columns: m) { i, j in value.partial(i).partial(j) }
        return (gradient, hessian)
    }

    /// The explicit k x d matrix at integer d (rows as given, columns: the big block first).
    public func matrix<T: ScalarField>(_ x: [T], dimension d: Int) -> [[T]] {
        precondition(d >= minimumDimension)
        let sizes = [d - smallTotal] + smallBlocks
        let blockOf = sizes.enumerated().flatMap { b, n in Array(repeating: b, count: n) }
        return (0..<rows).map { i in blockOf.map { x[i * blockCount + $0] } }
    }
}
