#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series

extension CharacteristicPolynomial {
    /// A group of roots with the same leading term z d^γ, found on one edge of the Newton polygon.
    struct LeadingTerm {
        /// γ: the root grows like d^γ.
        var exponent: Rational
        var coefficient: BigFloat
        /// How many roots share this leading term (a root of that multiplicity of the edge
        /// polynomial): 1 for a simple root, 2 or more for a cluster.
        var multiplicity: Int
    }

    /// The leading terms of all roots, from the Newton polygon of p (Docs/spectrum-series.md):
    /// the points (i, v_i), v_i the exponent of d of c_i's leading term; each edge of their upper
    /// convex hull from i to j, of slope σ, carries j - i roots of size d^(-σ), whose leading
    /// coefficients are the roots of the edge polynomial Σ_(k on the edge) lc(c_k) z^(k - i).
    /// The edge polynomials' roots are found in double precision (Durand–Kerner), polished in
    /// MPFR when simple; roots within `clusterTolerance` of each other form a cluster.
    func leadingTerms(name: String) throws -> [LeadingTerm] {
        let points = coefficients.enumerated().compactMap { i, c -> (i: Int, v: Rational, lc: BigFloat)? in
            guard let v = c.leadingDExponent else { return nil }
            return (i, v, c.coefficients[0])
        }
        guard let first = points.first, first.i == 0 else {
            let unknown = points.first?.i ?? degree
            throw SolverError.notConverged("\(name): \(unknown) eigenvalue(s) vanish to the known order (the characteristic polynomial's low coefficients have no known term; a longer family series is needed)")
        }
        // Upper convex hull, left to right.
        var hull: [(i: Int, v: Rational, lc: BigFloat)] = []
        for p in points {
            while hull.count >= 2 {
                let (a, b) = (hull[hull.count - 2], hull[hull.count - 1])
                // b is below or on the segment a -> p: drop it.
                if (b.v - a.v) * Rational(p.i - a.i) <= (p.v - a.v) * Rational(b.i - a.i) { hull.removeLast() } else { break }
            }
            hull.append(p)
        }
        var result: [LeadingTerm] = []
        for (a, b) in zip(hull, hull.dropFirst()) {
            let slope = try (b.v - a.v) / Rational(b.i - a.i)
            // The edge polynomial: the points on the segment, lowest degree first.
            var edge = [Double](repeating: 0, count: b.i - a.i + 1)
            var exact = [BigFloat](repeating: BigFloat(0, precision: a.lc.precision), count: b.i - a.i + 1)
            for p in points where p.i >= a.i && p.i <= b.i && p.v == a.v + slope * Rational(p.i - a.i) {
                edge[p.i - a.i] = p.lc.doubleValue
                exact[p.i - a.i] = p.lc
            }
            for cluster in try Self.realRootClusters(edge, name: name) {
                var z = BigFloat(cluster.mean, precision: a.lc.precision)
                if cluster.count == 1 { z = Self.polished(z, exact) }
                result.append(LeadingTerm(exponent: -slope, coefficient: z, multiplicity: cluster.count))
            }
        }
        return result
    }

    /// Two roots of an edge polynomial closer than this (relative) are one multiple root: Durand–
    /// Kerner meets a double root with error about sqrt(2^-52) = 1.5e-8, a k-fold one with
    /// 2^(-52/k); distinct leading coefficients of the catalogue's eigenvalues differ by 1e-2 or more.
    static let clusterTolerance = 1e-4

    /// The roots of a real polynomial (coefficients lowest first), which must be real (the
    /// eigenvalues of a matrix similar to a symmetric one), as clusters of roots within
    /// `clusterTolerance` of each other: each cluster's mean and size, in increasing order.
    /// Durand–Kerner in complex doubles finds a k-fold root as k points spread about
    /// 2^(-52/k) around it in the complex plane (a triple root of a degree-4 edge polynomial:
    /// imaginary parts of 2e-5), so realness is asked of each cluster's mean (the spread of a
    /// real polynomial's multiple root is symmetric about the real axis), not of each point.
    static func realRootClusters(_ p: [Double], name: String) throws -> [(mean: Double, count: Int)] {
        let (re, im) = complexRoots(p)
        var clusters: [[Int]] = []
        for k in re.indices.sorted(by: { re[$0] < re[$1] }) {
            let near = clusters.firstIndex { c in c.contains { j in hypot(re[k] - re[j], im[k] - im[j]) <= clusterTolerance * max(1, abs(re[k])) } }
            if let near { clusters[near].append(k) } else { clusters.append([k]) }
        }
        return try clusters.map { c in
            let mean = (re: c.map { re[$0] }.reduce(0, +) / Double(c.count), im: c.map { im[$0] }.reduce(0, +) / Double(c.count))
            guard abs(mean.im) <= realTolerance * max(1, abs(mean.re)) else {
                throw SolverError.notConverged("\(name): a leading coefficient \(mean.re) + \(mean.im) i is not real (the Newton polygon's edge polynomial has complex roots)")
            }
            return (mean.re, c.count)
        }.sorted { $0.mean < $1.mean }
    }

    /// A cluster whose mean has an imaginary part above this (relative) is a complex root: a
    /// simple root comes out of Durand–Kerner within 1e-15, a cluster's mean within about
    /// 1e-12 of the real axis.
    static let realTolerance = 1e-5

    /// All roots of a polynomial with real coefficients (lowest first): Durand–Kerner in complex
    /// doubles.
    static func complexRoots(_ p: [Double]) -> (re: [Double], im: [Double]) {
        let n = p.count - 1
        guard n > 0 else { return ([], []) }
        let lead = p[n]
        let monic = p.map { $0 / lead }
        let scale = 1 + monic.dropLast().map(abs).max()!
        // Starts on a circle of radius about the root bound, at angles that avoid symmetry.
        var re = (0..<n).map { k in scale * 0.9 * cos(0.4 + 2 * Double.pi * Double(k) / Double(n)) }
        var im = (0..<n).map { k in scale * 0.9 * sin(0.4 + 2 * Double.pi * Double(k) / Double(n)) }
        for _ in 0..<500 {
            var change = 0.0
            for k in 0..<n {
                // p(z_k) by Horner, and Π (z_k - z_j).
                var (vr, vi) = (1.0, 0.0)
                for c in monic.dropLast().reversed() { (vr, vi) = (vr * re[k] - vi * im[k] + c, vr * im[k] + vi * re[k]) }
                var (qr, qi) = (1.0, 0.0)
                for j in 0..<n where j != k {
                    let (dr, di) = (re[k] - re[j], im[k] - im[j])
                    (qr, qi) = (qr * dr - qi * di, qr * di + qi * dr)
                }
                let norm = qr * qr + qi * qi
                guard norm > 0 else { re[k] += 1e-8 * scale; continue }
                let (sr, si) = ((vr * qr + vi * qi) / norm, (vi * qr - vr * qi) / norm)
                re[k] -= sr; im[k] -= si
                change = max(change, (sr * sr + si * si).squareRoot())
            }
            if change <= 1e-15 * scale { break }
        }
        return (re, im)
    }

    /// A simple root of the edge polynomial refined by Newton in MPFR (a few steps).
    static func polished(_ z: BigFloat, _ p: [BigFloat]) -> BigFloat {
        var x = z
        for _ in 0..<8 {
            var value = p.last!, slope = BigFloat(0, precision: z.precision)
            for c in p.dropLast().reversed() { slope = slope * x + value; value = value * x + c }
            guard !slope.isZero, let step = try? value / slope else { break }
            x = x - step
            if step.isZero { break }
        }
        return x
    }
}
