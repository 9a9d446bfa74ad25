import Numbers
import LinearAlgebra
import Landscape

/// Every critical point of a `ColumnBlockStudent` that a many-start search finds at one d (paper
/// 002's students narrower than the teacher; `puiseux few-neurons`): Newton in Double on the
/// gradient from random starts, the distinct end points (up to a permutation of the rows) polished
/// by Newton in MPFR at P and P + 64 bits, each classified by the Hessian on the fixed-point
/// space (all d) and on the whole k x d matrix (integer d, kd <= `FullHessianIndex.maximumSize`).
public enum FewNeurons {
    public struct Point: Sendable {
        /// x at P bits and at P + 64 bits (the digits both agree on are the backed ones).
        public let coordinates: [BigFloat], confirmation: [BigFloat]
        public let loss: BigFloat, confirmedLoss: BigFloat
        /// Negative eigenvalues of the Hessian restricted to the fixed-point space.
        public let restrictedIndex: Int
        /// The whole k x d Hessian's negative and zero eigenvalues (integer d, not too large).
        public let index: Int?, zeros: Int?
        /// The rows' norms (a row near 0 is a dead neuron, where L is not differentiable).
        public let rowNorms: [Double]
    }

    /// Starts of the search: enough that at d = 10 every point of k = 1, 2 with blocks d, d-1,1,
    /// d-2,2 that 1000 starts find is found (measured: Docs/one-neuron.md).
    public static let defaultStarts = 200

    /// A Double Newton step counts as converged below this gradient (relative to the loss scale).
    static let doubleTolerance = 1e-11
    /// Two end points are one when every coordinate agrees to this (after sorting the rows).
    static let sameTolerance = 1e-7

    public static func criticalPoints(_ student: ColumnBlockStudent, d: Double, starts: Int = defaultStarts, precision: Int, seed: UInt64 = 2026) throws -> [Point] {
        var generator = SplitMix64(seed: seed)
        var found: [[Double]] = []
        for _ in 0..<starts {
            let start = (0..<student.dimension).map { _ in Double.random(in: -1.5...1.5, using: &generator) }
            guard let end = try? newtonDouble(student, start, d: d), !found.contains(where: { same(student, $0, end) }) else { continue }
            found.append(end)
        }
        var points: [Point] = []
        for end in found {
            guard let working = try? polish(student, end.map { BigFloat($0, precision: precision) }, d: BigFloat(d, precision: precision)),
                  let confirmation = try? polish(student, working.map { BigFloat($0, precision: precision + 64) }, d: BigFloat(d, precision: precision + 64))
            else { continue }
            points.append(try classify(student, working, confirmation, d: d))
        }
        return points.sorted { $0.loss < $1.loss }
    }

    /// Newton on the gradient in Double, with halving steps while |g| does not decrease; nil when
    /// it does not converge, or ends at a zero row or at two parallel rows (non-smooth points).
    static func newtonDouble(_ student: ColumnBlockStudent, _ start: [Double], d: Double) throws -> [Double]? {
        var x = start
        var (g, h) = try student.gradientAndHessian(x, d: d)
        for _ in 0..<80 {
            let norm = g.map(abs).max()!
            if norm < doubleTolerance * max(1, d) { return regular(student, x, d: d) ? x : nil }
            let step = try h.solve(g)
            var t = 1.0
            while t > 1e-4 {
                let trial = zip(x, step).map { $0 - t * $1 }
                if let (g2, h2) = try? student.gradientAndHessian(trial, d: d), g2.map(abs).max()! < norm {
                    (x, g, h) = (trial, g2, h2)
                    break
                }
                t /= 2
            }
            if t <= 1e-4 { return nil }
        }
        return nil
    }

    /// No row near zero and no two rows (anti)parallel: where L is twice differentiable and the
    /// nested duals are exact.
    static func regular(_ student: ColumnBlockStudent, _ x: [Double], d: Double) -> Bool {
        let rows = student.matrixRowsGram(x, d: d)
        for i in 0..<student.rows where rows.norms[i] < 1e-6 { return false }
        for i in 0..<student.rows { for j in (i + 1)..<max(student.rows, i + 1) {
            if abs(rows.inner[i][j]) > (1 - 1e-9) * (rows.norms[i] * rows.norms[j]).squareRoot() { return false }
        } }
        return true
    }

    /// The same point up to the symmetries of the problem: a permutation of the rows, and one of
    /// the small column blocks of equal size (teacher columns are interchangeable).
    static func same(_ student: ColumnBlockStudent, _ a: [Double], _ b: [Double]) -> Bool {
        let r = student.blockCount
        func sorted(_ x: [Double]) -> [[Double]] {
            (0..<student.rows).map { Array(x[($0 * r)..<(($0 + 1) * r)]) }.sorted { $0.lexicographicallyPrecedes($1) }
        }
        let target = sorted(b)
        return blockPermutations(student).contains { p in
            let moved = (0..<student.rows).flatMap { i in (0..<r).map { a[i * r + p[$0]] } }
            return zip(sorted(moved), target).allSatisfy { zip($0, $1).allSatisfy { abs($0 - $1) < sameTolerance } }
        }
    }

    /// The permutations of the column blocks that keep every block's size (the big block fixed).
    static func blockPermutations(_ student: ColumnBlockStudent) -> [[Int]] {
        var result: [[Int]] = [[0]]
        for _ in student.smallBlocks.indices {
            result = result.flatMap { p in (1..<student.blockCount).filter { !p.contains($0) }.map { p + [$0] } }
        }
        return result.filter { p in p.indices.allSatisfy { $0 == 0 || student.smallBlocks[p[$0] - 1] == student.smallBlocks[$0 - 1] } }
    }

    /// Newton in MPFR until the step is below 2^(-0.9 P) of the point.
    static func polish(_ student: ColumnBlockStudent, _ start: [BigFloat], d: BigFloat) throws -> [BigFloat] {
        var x = start
        let floor = try BigFloat.pow(BigFloat(2, precision: d.precision), Rational(-9 * d.precision, 10))
        for _ in 0..<40 {
            let (g, h) = try student.gradientAndHessian(x, d: d)
            let step = try h.solve(g)
            x = zip(x, step).map { $0 - $1 }
            let size = x.map(\.magnitude).max()!
            if step.map(\.magnitude).max()! <= floor * max(size, BigFloat(1, precision: d.precision)) { return x }
        }
        throw SolverError.notConverged("few-neurons: Newton in MPFR did not settle")
    }

    static func classify(_ student: ColumnBlockStudent, _ x: [BigFloat], _ y: [BigFloat], d: Double) throws -> Point {
        let dd = BigFloat(d, precision: x[0].precision)
        let (_, h) = try student.gradientAndHessian(x, d: dd)
        // The restricted Hessian in the orthonormal frame C^{1/2} x: C^{-1/2} H C^{-1/2}.
        let roots = try student.entryCounts(d: dd).map { try BigFloat.sqrt($0) }
        let symmetric = try Matrix<BigFloat>(rows: h.rows, columns: h.columns) { i, j in try h[i, j] / (roots[i] * roots[j]) }
        let restricted = try symmetric.symmetricEigenvalues().filter { $0.sign < 0 }.count
        var index: Int?, zeros: Int?
        if d == d.rounded(), Int(d) * student.rows <= FullHessianIndex.maximumSize {
            let w = student.matrix(x.map { BigFloat($0, precision: 128) }, dimension: Int(d))
            let full = try ExplicitModel<BigFloat>(dimension: Int(d)).hessian(Matrix(w))
            let values = try Matrix<Double>(rows: full.rows, columns: full.columns) { i, j in full[i, j].doubleValue }.symmetricEigenvalues()
            let floor = FullHessianIndex.undecidedBelow(values)
            (index, zeros) = (values.filter { $0 < -floor }.count, values.filter { abs($0) <= floor }.count)
        }
        let gram = student.matrixRowsGram(x.map(\.doubleValue), d: d)
        return Point(coordinates: x, confirmation: y, loss: try student.loss(x, d: dd), confirmedLoss: try student.loss(y, d: BigFloat(d, precision: y[0].precision)),
                     restrictedIndex: restricted, index: index, zeros: zeros, rowNorms: gram.norms.map { $0.squareRoot() })
    }
}

extension ColumnBlockStudent {
    /// The rows' squared norms and inner products in Double.
    func matrixRowsGram(_ x: [Double], d: Double) -> (norms: [Double], inner: [[Double]]) {
        let n = blockSizes(d: d), r = blockCount
        let inner = (0..<rows).map { i in (0..<rows).map { j in (0..<r).reduce(0.0) { $0 + n[$1] * x[i * r + $1] * x[j * r + $1] } } }
        return ((0..<rows).map { inner[$0][$0] }, inner)
    }
}
