import Dispatch
import Foundation

/// A cache-blocked dense matrix multiply of the runtime's own (no BLAS): C (+)= op(A) · op(B) for
/// row-major `Double` matrices, the kernel of the batched runtime.
///
/// The operands are read through row and column strides, so a transpose costs nothing. The classic
/// Goto/BLIS blocking: a `kc`-deep slab of B is packed into `nr`-wide column panels and an `mc × kc`
/// block of A into `mr`-tall row panels (both contiguous and aligned, zero-padded at the edges), and
/// a register-tiled `mr × nr` micro-kernel multiplies one pair of panels with SIMD vectors. Products
/// too small to pay for packing take a plain triple loop; large ones split C's columns between the
/// processor's cores (each part is an independent product, so results do not depend on the split's
/// timing).
enum Matmul {
    /// Micro-tile rows (A panel height).
    static let mr = 4
    /// Micro-tile columns (B panel width, two 4-wide vectors).
    static let nr = 8
    /// Depth of a packed slab (keeps an A panel and a B panel in L1).
    static let kc = 256
    /// Rows of A packed at once (the A block stays in L2).
    static let mc = 128
    /// Columns of B packed at once.
    static let nc = 2048
    /// Products with fewer multiply-adds than this run on one core.
    static let parallelThreshold = 1 << 19
    /// How many parts a large product is split into.
    static let cores = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// A matrix operand: `base[row * rowStride + column * columnStride]`. Sendable because the cores
    /// of one product only read it, and only while ``multiply(m:n:k:_:_:into:ldc:accumulate:)`` runs.
    struct Operand: @unchecked Sendable {
        /// The first entry.
        var base: UnsafePointer<Double>
        /// Distance between rows.
        var rowStride: Int
        /// Distance between columns.
        var columnStride: Int

        /// A row-major `rows × columns` matrix as it is.
        static func plain(_ base: UnsafePointer<Double>, columns: Int) -> Operand {
            Operand(base: base, rowStride: columns, columnStride: 1)
        }

        /// The transpose of a row-major matrix with `columns` columns.
        static func transposed(_ base: UnsafePointer<Double>, columns: Int) -> Operand {
            Operand(base: base, rowStride: 1, columnStride: columns)
        }
    }

    /// C (m × n, row-major with leading dimension `ldc`) = A B, or C + A B when `accumulate`, for an
    /// m × k operand A and a k × n operand B.
    static func multiply(m: Int, n: Int, k: Int, _ a: Operand, _ b: Operand,
                         into c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
        guard m > 0, n > 0 else { return }
        if !accumulate {
            for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
        }
        guard k > 0 else { return }
        let parts = Swift.min(cores, n / (4 * nr))
        if parts > 1, m * n * k >= parallelThreshold {
            let width = (n / parts + nr - 1) / nr * nr
            let address = UInt(bitPattern: c)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let first = part * width, columns = Swift.min(width, n - first)
                guard columns > 0, let target = UnsafeMutablePointer<Double>(bitPattern: address) else { return }
                var slice = b
                slice.base += first * b.columnStride
                blocked(m: m, n: columns, k: k, a, slice, into: target + first, ldc: ldc)
            }
            return
        }
        if m * n * k < 32 * 32 * 32 {
            naive(m: m, n: n, k: k, a, b, into: c, ldc: ldc)
            return
        }
        blocked(m: m, n: n, k: k, a, b, into: c, ldc: ldc)
    }

    /// C += A B by packed blocks on the calling thread.
    private static func blocked(m: Int, n: Int, k: Int, _ a: Operand, _ b: Operand,
                                into c: UnsafeMutablePointer<Double>, ldc: Int) {
        let depth = Swift.min(kc, k)
        let sizeB = depth * (Swift.min(nc, n) + nr), sizeA = depth * (Swift.min(mc, m) + mr)
        let packedB = UnsafeMutableRawPointer.allocate(byteCount: sizeB * 8, alignment: 64)
            .bindMemory(to: Double.self, capacity: sizeB)
        let packedA = UnsafeMutableRawPointer.allocate(byteCount: sizeA * 8, alignment: 64)
            .bindMemory(to: Double.self, capacity: sizeA)
        defer {
            packedB.deallocate()
            packedA.deallocate()
        }
        for jc in stride(from: 0, to: n, by: nc) {
            let nb = Swift.min(nc, n - jc)
            for pc in stride(from: 0, to: k, by: kc) {
                let kb = Swift.min(kc, k - pc)
                packB(b, rows: pc, kb, columns: jc, nb, into: packedB)
                for ic in stride(from: 0, to: m, by: mc) {
                    let mb = Swift.min(mc, m - ic)
                    packA(a, rows: ic, mb, columns: pc, kb, into: packedA)
                    for jr in stride(from: 0, to: nb, by: nr) {
                        let panelB = packedB + (jr / nr) * kb * nr
                        for ir in stride(from: 0, to: mb, by: mr) {
                            kernel(kb, packedA + (ir / mr) * kb * mr, panelB,
                                   c + (ic + ir) * ldc + jc + jr, ldc: ldc,
                                   rows: Swift.min(mr, mb - ir), columns: Swift.min(nr, nb - jr))
                        }
                    }
                }
            }
        }
    }

    /// The plain triple loop (i, p, j order) for small products.
    private static func naive(m: Int, n: Int, k: Int, _ a: Operand, _ b: Operand,
                              into c: UnsafeMutablePointer<Double>, ldc: Int) {
        for i in 0..<m {
            let row = c + i * ldc
            for p in 0..<k {
                let factor = a.base[i * a.rowStride + p * a.columnStride]
                if factor == 0 { continue }
                let bRow = b.base + p * b.rowStride
                for j in 0..<n { row[j] += factor * bRow[j * b.columnStride] }
            }
        }
    }

    /// Packs rows `row0 ..< row0 + count` × columns `column0 ..< column0 + depth` of A into `mr`-row
    /// panels, each stored depth-major (`mr` entries per depth step), zero-padding the last panel.
    private static func packA(_ a: Operand, rows row0: Int, _ count: Int, columns column0: Int, _ depth: Int,
                              into out: UnsafeMutablePointer<Double>) {
        var destination = out
        for panel in stride(from: 0, to: count, by: mr) {
            let rows = Swift.min(mr, count - panel)
            for p in 0..<depth {
                let source = a.base + (column0 + p) * a.columnStride + (row0 + panel) * a.rowStride
                for r in 0..<rows { destination[r] = source[r * a.rowStride] }
                for r in rows..<mr { destination[r] = 0 }
                destination += mr
            }
        }
    }

    /// Packs rows `row0 ..< row0 + depth` × columns `column0 ..< column0 + count` of B into `nr`-column
    /// panels, each stored depth-major (`nr` entries per depth step), zero-padding the last panel.
    private static func packB(_ b: Operand, rows row0: Int, _ depth: Int, columns column0: Int, _ count: Int,
                              into out: UnsafeMutablePointer<Double>) {
        var destination = out
        for panel in stride(from: 0, to: count, by: nr) {
            let columns = Swift.min(nr, count - panel)
            for p in 0..<depth {
                let source = b.base + (row0 + p) * b.rowStride + (column0 + panel) * b.columnStride
                if b.columnStride == 1, columns == nr {
                    destination.update(from: source, count: nr)
                } else {
                    for j in 0..<columns { destination[j] = source[j * b.columnStride] }
                    for j in columns..<nr { destination[j] = 0 }
                }
                destination += nr
            }
        }
    }

    /// The `mr × nr` micro-kernel: C[0..<rows, 0..<columns] += (packed A panel) (packed B panel) over
    /// `depth`, with the tile held in SIMD registers.
    @inline(__always)
    private static func kernel(_ depth: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                               _ c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, columns: Int) {
        var c00 = SIMD4<Double>(), c01 = SIMD4<Double>()
        var c10 = SIMD4<Double>(), c11 = SIMD4<Double>()
        var c20 = SIMD4<Double>(), c21 = SIMD4<Double>()
        var c30 = SIMD4<Double>(), c31 = SIMD4<Double>()
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        for p in 0..<depth {
            let b0 = rawB.load(fromByteOffset: p * 64, as: SIMD4<Double>.self)
            let b1 = rawB.load(fromByteOffset: p * 64 + 32, as: SIMD4<Double>.self)
            let column = rawA.load(fromByteOffset: p * 32, as: SIMD4<Double>.self)
            let a0 = SIMD4<Double>(repeating: column[0]), a1 = SIMD4<Double>(repeating: column[1])
            let a2 = SIMD4<Double>(repeating: column[2]), a3 = SIMD4<Double>(repeating: column[3])
            c00 += a0 * b0; c01 += a0 * b1
            c10 += a1 * b0; c11 += a1 * b1
            c20 += a2 * b0; c21 += a2 * b1
            c30 += a3 * b0; c31 += a3 * b1
        }
        if rows == mr, columns == nr {
            add(c00, c01, to: c, 0, ldc)
            add(c10, c11, to: c, 1, ldc)
            add(c20, c21, to: c, 2, ldc)
            add(c30, c31, to: c, 3, ldc)
            return
        }
        for r in 0..<rows {
            let (left, right) = r == 0 ? (c00, c01) : r == 1 ? (c10, c11) : r == 2 ? (c20, c21) : (c30, c31)
            for j in 0..<columns { c[r * ldc + j] += j < 4 ? left[j] : right[j - 4] }
        }
    }

    /// Adds two 4-vectors to the first eight entries of row `r` of C.
    @inline(__always)
    private static func add(_ left: SIMD4<Double>, _ right: SIMD4<Double>, to c: UnsafeMutablePointer<Double>,
                            _ r: Int, _ ldc: Int) {
        let row = UnsafeMutableRawPointer(c + r * ldc)
        row.storeBytes(of: row.loadUnaligned(as: SIMD4<Double>.self) + left, as: SIMD4<Double>.self)
        (row + 32).storeBytes(of: (row + 32).loadUnaligned(as: SIMD4<Double>.self) + right, as: SIMD4<Double>.self)
    }
}
