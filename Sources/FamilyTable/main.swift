import Numbers
import Landscape
import Solvers

let bits = 256
func B(_ x: Double) -> BigFloat { BigFloat(Rational(x), precision: bits) }
// Prints Docs/families-finite-d.md's table: the families of paper 000 found by Newton at d = 20
// and continued in d, with loss, gradient norm and the isotypic Hessian index.
// Starting guesses at d = 20: the limit c_inf of MATH.md section 3 moved off the kernel's
// singular set (rows exactly parallel to targets) by 0.003 (i + 1). For type II with m = 1
// the extra row is far from its limit at d = 20; the start is where gradient descent in the
// fixed-point space (GradientDescent, from the limit plus uniform noise of size 0.3) ended.
// p = 1, m = 2, type II is missing: its extra rows coincide, where the reduced kernel's
// derivatives are 0/0 (see Docs/families-finite-d.md).
let families: [(String, Int, Int, [Double], Bool)] = [
  ("p=0 m=0 I", 0, 0, [-1, 0], true), ("p=0 m=1 I", 0, 1, [-1, 0, 0], true),
  ("p=1 m=0 I", 1, 0, [-1, 0, 0, 0, 1], true), ("p=1 m=0 II", 1, 0, [1, 0, 0, 0, -1], true),
  ("p=1 m=1 I", 1, 1, [-1, 0, 0, 0, 0.5, 0, -0.5], true),
  ("p=1 m=1 II", 1, 1, [0.9983, -0.0043, 0.0947, 0.0322, -0.6618, 0.0461, -0.1773], false),
  ("p=1 m=2 I", 1, 2, [-1, 0, 0, 0, 0.5, 0, -0.5, 0, 0], true),
]
print("| family | d | loss | gradient norm | index (total; t, s, x, y) |")
print("|---|---|---|---|---|")
for (name, p, m, guess, perturb) in families {
  let pattern = try IsotropyPattern.standard(p: p, extraRows: m)
  do {
    let pt0 = try NewtonSolver().solve(pattern: pattern, d: B(20), start: guess.enumerated().map { B($1 + (perturb ? 0.003 * Double($0 + 1) : 0)) })
    for target in [10.0, 20, 50, 100, 1000] {
      let pt = try Continuation().follow(pt0, to: B(target))
      let idx = try RestrictedSpectrum(pt).index(q: Int(target) - p)
      print("| \(name) | \(Int(target)) | \(pt.loss.formatted(significantDigits: 12)) | \(pt.gradientNorm.formatted(significantDigits: 2)) | \(idx.total); \(idx.trivial), \(idx.standard), \(idx.exterior), \(idx.y) |")
    }
  } catch { print("| \(name) | FAILED \(error) |") }
}
