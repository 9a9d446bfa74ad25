#if canImport(Glibc)
import Glibc
#endif
import Numbers
import LinearAlgebra
import Landscape

/// Finds and classifies critical points of L with a given isotropy at a real dimension d.
///
/// Search: from each of `starts` deterministic pseudo-random starts (SplitMix64 seeded with
/// `seed`), gradient descent in the fixed-point space (`GradientDescent`, Double), which ends at
/// minima of L there, and Newton on the gradient (`NewtonSolver.iterate`, Double), which also
/// ends at saddles (a critical point of index 1 in the full space is often one of index 1 in
/// the fixed-point space, out of reach of descent). Each start is near the
/// limit structure of its type: D_1 = -1 (type I) or +1 (type II) plus uniform noise in
/// [-0.05, 0.05]; the diagonal D_a of every small block uniform in [0, 1] (type I) or
/// [-1, 0] (type II), as in the limits of paper 000's families (MATH.md section 3); every other
/// coordinate uniform in [-`spread`, `spread`] (0.3 by default). Types alternate between
/// starts unless a single type is asked for. At most `descentIterations` steps each; both end
/// points (the descent's converged or not) are refined by `NewtonSolver` in MPFR, at 64 bits
/// and then at `precision` bits.
///
/// Kept: Newton converged, loss >= `globalMinimumLoss` (1e-8: below it the point is a global
/// minimum W = V up to permutation), one copy per orbit of the symmetries that keep the
/// pattern (`symmetryImages`: exchangeable rows, the rows of a block of size 2, equal small
/// blocks; points closer than max(1e-20, 2^(-P/2)) in every coordinate are the same; the first
/// one found is kept).
/// Sorted by loss, lowest first.
///
/// Large d: when d > `continuationThreshold` (60), the search runs at `searchDimension` (30)
/// and each point found is followed to d by `Continuation`; `continuedFrom` records the d of
/// the search. A family that turns back before reaching d is dropped.
///
/// Classification (`CriticalPointClassification`): type, the eigenvalues of DF_d on the
/// fixed-point space (restricted index), and, for integer d and p in {0, 1}, the full Hessian
/// index by isotypic component (`RestrictedSpectrum.index`).
///
/// Cost: starts x descentIterations evaluations of the reduced loss in Double, plus a few
/// dozen MPFR Jacobians per start. Fails only by returning fewer (or no) points.
public struct CriticalPointFinder: Sendable {
    public var starts = CriticalPointFinder.defaultStarts
    /// Whether Newton on the gradient runs besides the descent (saddles too); without it only
    /// the descent's end points are solved (minima of L on the fixed-point space, and whatever
    /// an unconverged descent end leads Newton to).
    public var findsSaddles = true
    public var seed: UInt64 = 0x5EED_0000_2024
    public var spread = 0.3
    public var descentIterations = 1_000
    public var globalMinimumLoss = 1e-8
    public var continuationThreshold = 60.0
    public var searchDimension = 30.0
    public var newton = NewtonSolver(maximumIterations: 40)

    public init(starts: Int = CriticalPointFinder.defaultStarts, seed: UInt64 = 0x5EED_0000_2024, findsSaddles: Bool = true) {
        self.starts = starts
        self.seed = seed
        self.findsSaddles = findsSaddles
    }

    /// The default number of starts: 128, the fewest of 8, 16, ..., 128 with which the search
    /// finds every minimum and index-1 saddle that 200 starts find on d, d-1,1, d-2,2 and
    /// d-2,1,1 with m = 0, 1 at d = 10 and 20 (96 missed one of 11 on d-2,1,1, m = 1, d = 10;
    /// Docs/cli.md has the table).
    public static let defaultStarts = 128

    /// The default for a search for minima only (`findsSaddles` false): 48, measured the same
    /// way on the minima and the saddles the descent alone finds (Docs/cli.md).
    public static let defaultMinimaStarts = 48

    /// A classified critical point, and the d at which the search found it when it was
    /// continued from there (nil when found at d itself).
    public struct Result: Sendable {
        public let point: CriticalPoint
        public let classification: CriticalPointClassification
        public let continuedFrom: Rational?

        public init(point: CriticalPoint, classification: CriticalPointClassification, continuedFrom: Rational?) {
            self.point = point
            self.classification = classification
            self.continuedFrom = continuedFrom
        }
    }

    /// The distinct non-global critical points found at d (exact rational, computed at
    /// `precision` bits), optionally of one type, lowest loss first.
    public func find(pattern: IsotropyPattern, d: Rational, precision: Int, type: FamilyType? = nil) throws -> [Result] {
        let dValue = BigFloat(d, precision: precision)
        guard dValue >= BigFloat(pattern.minimumDimension, precision: precision) else {
            throw SolverError.noCriticalPoint("d = \(dValue.formatted(significantDigits: 10)) is below the block sizes: \(pattern) needs d >= \(pattern.minimumDimension)")
        }
        let continued = dValue.doubleValue > continuationThreshold
        let searchD: Rational = continued ? Rational(searchDimension) : d
        let searchValue = BigFloat(searchD, precision: precision)
        var random = SplitMix64(seed: seed)
        let descent = GradientDescent(maximumIterations: descentIterations, fieldTolerance: 1e-10)
        let tolerance = max(1e-20, Double(sign: .plus, exponent: -(precision / 2), significand: 1))
        // The starts are drawn in order, then each is descended and solved on its own thread
        // where a core is free (independent work); the points are kept in start order, so the
        // result does not depend on the threads.
        let wantedTypes = (0..<starts).map { s in type ?? (s % 2 == 0 ? .typeI : .typeII) }
        let startPoints = wantedTypes.map { startingPoint(pattern: pattern, type: $0, random: &random) }
        let finder = self
        let model = ReducedLoss(pattern: pattern, d: searchValue.doubleValue)
        let counts = pattern.entryCounts(d: searchValue.doubleValue)
        // Per start, in Double: gradient descent, which ends at minima of L on the fixed-point
        // space, and Newton on the gradient from the descent's end, from the start and from
        // points on the descent's path, which also ends at saddles. A descent end where Newton
        // fails is kept as it is (MPFR's Newton may still converge from it).
        let ends = try Concurrently.map(Array(0..<starts)) { s -> [[Double]] in
            let (end, _, path) = descent.descend(pattern: pattern, d: searchValue.doubleValue, start: startPoints[s], recordingAt: Self.newtonStartIterations)
            return ([end] + (finder.findsSaddles ? [startPoints[s]] + path : [])).enumerated().compactMap { i, x in
                if let xi = try? finder.newton.iterate(model: model, counts: counts, d: searchValue.doubleValue, start: x, bits: 53).xi, xi.allSatisfy(\.isFinite) { return xi }
                return i == 0 && x.allSatisfy(\.isFinite) ? x : nil
            }
        }
        // One candidate per point up to the symmetries, before the MPFR solves (most ends repeat).
        var candidates = [[Double]]()
        for end in ends.joined() where !candidates.contains(where: { Self.equivalent($0, end, pattern: pattern, tolerance: Self.doubleEndPointTolerance) }) {
            candidates.append(end)
        }
        let solved = try Concurrently.map(candidates) { end -> CriticalPoint? in
            // Newton at 64 bits first (cheap while far from the point), then at P bits.
            let low = min(64, precision)
            guard let rough = try? finder.newton.solve(pattern: pattern, d: BigFloat(searchD, precision: low), start: end.map { BigFloat($0, precision: low) }),
                  var point = try? finder.newton.solve(pattern: pattern, d: searchValue, start: rough.coordinates.map { BigFloat($0, precision: precision) }),
                  point.coordinates.allSatisfy(\.isFinite), point.loss.isFinite
            else { return nil }
            if continued {
                guard let followed = try? Continuation().follow(point, to: dValue) else { return nil }
                point = followed
            }
            return point
        }
        var found = [CriticalPoint]()
        for case let point? in solved {
            if let type, point.type != type { continue }
            guard point.loss.doubleValue >= globalMinimumLoss else { continue }
            if found.contains(where: { Self.equivalent($0.coordinates, point.coordinates, pattern: pattern, tolerance: tolerance) }) { continue }
            found.append(point)
        }
        let sorted = found.sorted { $0.loss < $1.loss }
        let classifications = try Concurrently.map(sorted) { try CriticalPointClassification($0) }
        return zip(sorted, classifications).map {
            Result(point: $0, classification: $1, continuedFrom: continued ? searchD : nil)
        }
    }

    /// The descent steps after which Newton on the gradient starts from the iterate too (with
    /// the start itself): the path slows down near saddles of the fixed-point space.
    static let newtonStartIterations: Set<Int> = [10, 30, 100, 300]

    /// One start around the limit structure of `type` (see the type's documentation).
    func startingPoint(pattern: IsotropyPattern, type: FamilyType, random: inout SplitMix64) -> [Double] {
        pattern.coordinates.map { c in
            switch c {
            case .diagonal(block: 0): return (type == .typeI ? -1 : 1) + random.uniform(-0.05, 0.05)
            case .diagonal: return type == .typeI ? random.uniform(0, 1) : random.uniform(-1, 0)
            default: return random.uniform(-spread, spread)
            }
        }
    }

    /// Two Double end points are one critical point when they are within this in every
    /// coordinate, up to a symmetry: Newton's Double end points agree to ~1e-9; distinct critical
    /// points of the catalogue's isotropies differ by more than 1e-4.
    static let doubleEndPointTolerance = 1e-7

    /// Whether x and y are the same point up to a symmetry of the loss that keeps the pattern
    /// (`symmetryImages`): every coordinate within `tolerance`.
    static func equivalent<T: RealScalar>(_ x: [T], _ y: [T], pattern: IsotropyPattern, tolerance: Double) -> Bool {
        symmetryImages(of: x, pattern: pattern).contains { image in
            zip(image, y).allSatisfy { abs(($0 - $1).doubleValue) <= tolerance }
        }
    }

    /// The coordinates of every matrix obtained from ξ by a symmetry of the loss (a permutation
    /// of the rows, i.e. of the student's neurons, and of the columns together with the
    /// target's) that maps the fixed-point space of the pattern to itself; ξ itself first. The
    /// group generated by
    /// - exchanging two rows that each form a block of size 1 or are extra rows (each such row
    ///   is constant on every column block, so any permutation of them keeps the isotropy);
    /// - exchanging the two rows of a block of size 2 (rows only): D_a <-> O_a;
    /// - exchanging two small blocks of the same size, rows and columns together.
    /// At most `maximumImages` are listed (then only ξ itself: too many to compare).
    static func symmetryImages<S>(of xi: [S], pattern: IsotropyPattern) -> [[S]] {
        let generators = symmetryGenerators(pattern)
        guard !generators.isEmpty else { return [xi] }
        // Breadth-first closure of the generated group, as coordinate maps image[i] = ξ[map[i]].
        let identity = Array(xi.indices)
        var seen: Set<[Int]> = [identity], group = [identity], frontier = [identity]
        while !frontier.isEmpty {
            var next = [[Int]]()
            for g in frontier {
                for h in generators {
                    let composed = g.map { h[$0] }
                    if seen.insert(composed).inserted {
                        group.append(composed)
                        next.append(composed)
                        if group.count > maximumImages { return [xi] }
                    }
                }
            }
            frontier = next
        }
        return group.map { map in map.map { xi[$0] } }
    }

    /// Beyond this many symmetry images (8! = 40320: eight exchangeable rows) a point is compared
    /// with itself only.
    static let maximumImages = 40_320

    /// The generators of `symmetryImages` as coordinate maps (image[i] = ξ[map[i]]).
    static func symmetryGenerators(_ pattern: IsotropyPattern) -> [[Int]] {
        let r = pattern.blockCount
        let index = Dictionary(uniqueKeysWithValues: pattern.coordinates.enumerated().map { ($1, $0) })
        let identity = Array(pattern.coordinates.indices)
        var generators = [[Int]]()
        // Exchangeable rows, each as the coordinate index of its value on each column block.
        var rows = [[Int]]()
        for a in 1..<max(r, 1) where pattern.smallBlocks[a - 1] == 1 {
            rows.append((0..<r).map { b in index[b == a ? .diagonal(block: a) : .cross(rowBlock: a, columnBlock: b)]! })
        }
        for e in 0..<pattern.extraRows {
            rows.append((0..<r).map { b in index[.extra(row: e, columnBlock: b)]! })
        }
        for i in rows.indices.dropLast() {
            var map = identity
            for b in 0..<r { (map[rows[i][b]], map[rows[i + 1][b]]) = (rows[i + 1][b], rows[i][b]) }
            generators.append(map)
        }
        for a in 1..<max(r, 1) where pattern.smallBlocks[a - 1] == 2 {
            var map = identity
            let (dg, off) = (index[.diagonal(block: a)]!, index[.offDiagonal(block: a)]!)
            (map[dg], map[off]) = (off, dg)
            generators.append(map)
        }
        for a in 1..<max(r, 1) {
            for b in (a + 1)..<max(r, a + 1) where pattern.smallBlocks[a - 1] == pattern.smallBlocks[b - 1] {
                // Block labels a <-> b in every coordinate.
                func swapped(_ x: Int) -> Int { x == a ? b : x == b ? a : x }
                let map = pattern.coordinates.map { c -> Int in
                    switch c {
                    case .diagonal(let k): return index[.diagonal(block: swapped(k))]!
                    case .offDiagonal(let k): return index[.offDiagonal(block: swapped(k))]!
                    case .cross(let k, let l): return index[.cross(rowBlock: swapped(k), columnBlock: swapped(l))]!
                    case .extra(let e, let l): return index[.extra(row: e, columnBlock: swapped(l))]!
                    }
                }
                generators.append(map)
            }
        }
        return generators
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[Int]] in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }
}

/// The classification of a critical point reported by `CriticalPointFinder` and the CLI.
public struct CriticalPointClassification: Sendable {
    /// Negative counts of the full Hessian: the total and per isotypic component of S_{d-p}.
    public struct HessianIndex: Sendable, Equatable {
        public let total: Int
        /// Per isotypic component of S_{d-p} (t, s, x, y) when counted through them (isotropy
        /// d or d-1,1); nil when counted on the full Hessian (`FullHessianIndex`).
        public let components: Components?
        public struct Components: Sendable, Equatable {
            public let trivial: Int, standard: Int, exterior: Int, y: Int
        }
    }

    public let type: FamilyType
    /// Eigenvalues of DF_d on the fixed-point space (Hessian eigenvalues there), ascending.
    public let restrictedEigenvalues: [BigFloat]
    /// Number of negative restricted eigenvalues.
    public let restrictedIndex: Int
    /// Full Hessian index at an integer d: through the isotypic components of S_q when every
    /// small block is a single index (d, d-1,1, d-2,1,1, ...), otherwise counted on the full
    /// Hessian while kd <= 900
    /// (`FullHessianIndex`); nil for a non-integer d, a larger kd, or a full-Hessian eigenvalue
    /// too close to zero to sign in Double.
    public let index: HessianIndex?
    /// Smallest |eigenvalue| over all components computed (the restricted ones and, when
    /// `index` is known, those of the isotypic components).
    public let smallestMagnitude: BigFloat
    /// smallestMagnitude >= 2^(-P/2).
    public let isNondegenerate: Bool
    /// true when index = 0 and non-degenerate; false when some eigenvalue (restricted or
    /// full) is negative; nil when only the restricted spectrum is known and has no negative.
    public let isMinimum: Bool?
    /// The point's own isotropy when it is strictly larger than the one searched (e.g. a point
    /// of Δ(S_{d-2} x S_2) whose small block repeats the big block's values is a point of Δ S_d);
    /// nil when it is the one searched (`largerIsotropy(of:)`).
    public let largerIsotropy: IsotropyPattern?

    /// The isotropy of the point's matrix, found by `DetectedIsotropy` at d_0 = 2s + 3 (s the
    /// small blocks' total, so that the big block stays the largest; the equalities between
    /// coordinates do not depend on d), when its group is larger than the searched one's.
    /// Coordinates equal to 1e-9 relative count as equal (they are computed to 2^(-P/2) or better).
    public static func largerIsotropy(of point: CriticalPoint) throws -> IsotropyPattern? {
        let pattern = point.pattern
        let d0 = 2 * pattern.smallTotal + 3
        let w = try pattern.matrix(point.coordinates.map(\.doubleValue), dimension: d0)
        let found = try DetectedIsotropy.detect(w, relativeTolerance: 1e-9)
        func order(_ sizes: [Int]) -> Double { sizes.reduce(0) { $0 + (1...max(1, $1)).reduce(0) { $0 + log(Double($1)) } } }
        let searched = [d0 - pattern.smallTotal] + pattern.smallBlocks
        guard let larger = found.pattern, order(found.blockSizes) > order(searched) + 1e-9 else { return nil }
        return try IsotropyPattern(smallBlocks: Array(found.blockSizes.dropFirst()).filter { $0 > 0 }, extraRows: larger.extraRows)
    }

    public init(_ point: CriticalPoint) throws {
        type = point.type
        restrictedEigenvalues = try RestrictedSpectrum.eigenvalues(pattern: point.pattern, d: point.d, xi: point.coordinates)
        restrictedIndex = restrictedEigenvalues.filter { $0.sign < 0 }.count
        var smallest = restrictedEigenvalues.map(\.magnitude).min()!
        var index: HessianIndex?
        let p = point.pattern.smallTotal
        if point.pattern.smallBlocksAreSingletons, point.d.exactRational.isInteger,
           let q = point.d.exactRational.intComponents.map({ $0.numerator - p }),
           let spectrum = try? RestrictedSpectrum(point) {
            let i = spectrum.index(q: q)
            index = HessianIndex(total: i.total, components: .init(trivial: i.trivial, standard: i.standard, exterior: i.exterior, y: i.y))
            smallest = min(smallest, spectrum.smallestMagnitude)
        } else if point.d.exactRational.isInteger, let q = point.d.exactRational.intComponents.map({ $0.numerator - p }),
                  let spectrum = try? IsotypicSpectrum(point) {
            // Blocks of size 2 to 6: every component with its degree, exactly, at any kd.
            index = HessianIndex(total: spectrum.index(q: q), components: nil)
            smallest = min(smallest, spectrum.smallestMagnitude)
        } else if let full = try? FullHessianIndex.count(point) {
            index = HessianIndex(total: full.negatives, components: nil)
            smallest = min(smallest, BigFloat(full.smallest, precision: point.precision))
        }
        self.index = index
        smallestMagnitude = smallest
        // |λ| >= 2^(E-1) with E the binary exponent: enough for |λ| >= 2^(-P/2).
        isNondegenerate = smallest.exponent.map { $0 - 1 >= -(point.precision / 2) } ?? false
        if restrictedIndex > 0 || (index?.total ?? 0) > 0 {
            isMinimum = false
        } else if index != nil {
            isMinimum = isNondegenerate
        } else {
            isMinimum = nil
        }
        largerIsotropy = try? Self.largerIsotropy(of: point)
    }
}

