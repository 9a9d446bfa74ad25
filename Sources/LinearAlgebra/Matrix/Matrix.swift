import Numbers

/// A dense matrix of scalars, stored row-major, with value semantics (the storage is a
/// Swift array, so copies are copy-on-write).
///
/// Invariants: `entries.count == rows * columns`; entry (i, j) is `entries[i * columns + j]`.
/// Shapes are checked by preconditions (a shape mismatch is a programming error).
public struct Matrix<T: ScalarField>: Sendable {
    public let rows: Int
    public let columns: Int
    public var entries: [T]

    /// A rows x columns matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: T) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows
        self.columns = columns
        self.entries = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its row-major entries.
    public init(rows: Int, columns: Int, entries: [T]) {
        precondition(rows >= 0 && columns >= 0 && entries.count == rows * columns, "entry count does not match the shape")
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// A matrix from a list of equally long rows (at least one row).
    public init(_ rowList: [[T]]) {
        precondition(!rowList.isEmpty, "a matrix from rows needs at least one row")
        let n = rowList[0].count
        precondition(rowList.allSatisfy { $0.count == n }, "rows of different lengths")
        self.init(rows: rowList.count, columns: n, entries: rowList.flatMap { $0 })
    }

    /// The rows x columns matrix with entry (i, j) = body(i, j).
    public init(rows: Int, columns: Int, _ body: (Int, Int) throws -> T) rethrows {
        var e: [T] = []
        e.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { e.append(try body(i, j)) } }
        self.init(rows: rows, columns: columns, entries: e)
    }

    /// The n x n identity, its entries in the context of `like` (same precision).
    public static func identity(_ n: Int, like: T) -> Matrix {
        let zero = like.constant(0), one = like.constant(1)
        return Matrix(rows: n, columns: n) { i, j in i == j ? one : zero }
    }

    /// The n x n zero matrix in the context of `like`.
    public static func zero(rows: Int, columns: Int, like: T) -> Matrix {
        Matrix(rows: rows, columns: columns, repeating: like.constant(0))
    }

    @inlinable public subscript(i: Int, j: Int) -> T {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            return entries[i * columns + j]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            entries[i * columns + j] = newValue
        }
    }

    public var isSquare: Bool { rows == columns }

    /// Row i as an array.
    public func row(_ i: Int) -> [T] { Array(entries[(i * columns)..<((i + 1) * columns)]) }

    /// Column j as an array.
    public func column(_ j: Int) -> [T] { (0..<rows).map { entries[$0 * columns + j] } }

    /// The rows as arrays.
    public var rowArrays: [[T]] { (0..<rows).map(row) }

    /// Entry-wise image.
    public func map<U: ScalarField>(_ body: (T) throws -> U) rethrows -> Matrix<U> {
        Matrix<U>(rows: rows, columns: columns, entries: try entries.map(body))
    }
}

/// Entry-wise equality with equal shapes.
extension Matrix: Equatable where T: Equatable {}
