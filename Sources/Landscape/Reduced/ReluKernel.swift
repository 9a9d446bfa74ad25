import Numbers

/// The Gaussian kernel of two ReLU neurons, E[relu(w.x) relu(v.x)] for x ~ N(0, I), as a
/// function of a = |w|^2, b = |v|^2, c = <w, v> (MATH.md section 1):
///
///     f = (sqrt(G) + (pi - theta) c) / (2 pi),  G = ab - c^2,  theta = acos(c / sqrt(ab))
///
/// with the first partials in the forms where the 1/sqrt(G) pieces have cancelled:
/// f_a = sqrt(G) / (4 pi a), f_b = sqrt(G) / (4 pi b), f_c = (pi - theta) / (2 pi),
/// and, on request, the second partials (Docs/derivatives.md), all in s = 1/(8 pi sqrt(G)):
/// f_ab = s, f_cc = 4 s, f_ac = -2 c s / a, f_bc = -2 c s / b,
/// f_aa = (b s - f_a) / a, f_bb = (a s - f_b) / b.
public struct ReluKernel<T: ElementaryScalar>: Sendable {
    public let value: T
    public let da: T
    public let db: T
    public let dc: T
    /// The second partials, when asked for (`secondOrder`).
    public let second: SecondPartials?

    public struct SecondPartials: Sendable {
        public let aa: T, ab: T, ac: T, bb: T, bc: T, cc: T
    }

    public init(a: T, b: T, c: T, secondOrder: Bool = false) throws {
        let pi = try a.pi()
        let twoPi = pi + pi
        let g = a * b - c * c
        let rootG = try T.sqrt(g)
        let theta = try T.acos(try c / T.sqrt(a * b))
        let angle = pi - theta
        value = try (rootG + angle * c) / twoPi
        da = try rootG / (twoPi * (a + a))
        db = try rootG / (twoPi * (b + b))
        dc = try angle / twoPi
        guard secondOrder else { second = nil; return }
        let four = twoPi + twoPi
        let s = try a.constant(1) / (four * (rootG + rootG))
        let (inverseA, inverseB) = (try a.constant(1) / a, try a.constant(1) / b)
        let twoCS = (c + c) * s
        second = SecondPartials(aa: (b * s - da) * inverseA, ab: s, ac: -(twoCS * inverseA),
                                bb: (a * s - db) * inverseB, bc: -(twoCS * inverseB), cc: s + s + s + s)
    }

    /// f(w, w) = |w|^2 / 2 (G = 0: the general formula's limit, used for identical rows).
    public static func selfValue(normSquared a: T) throws -> T { try a / a.constant(2) }
}
