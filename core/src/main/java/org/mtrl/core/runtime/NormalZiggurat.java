package org.mtrl.core.runtime;

/**
 * The ziggurat method for standard normals (Marsaglia and Tsang, J. Stat. Softw. 5(8), 2000), with 256
 * layers of equal area under f(x) = exp(-x^2 / 2) and a 64-bit draw per attempt: its low 8 bits pick
 * the layer and its high 53 bits, a signed uniform, the point, so the two are independent (the flaw
 * Doornik found in the 32-bit original, where they shared bits). About 99% of draws end in a layer's
 * core, where no function is evaluated; the rest take the wedge test or, in the base layer, Marsaglia's
 * exact tail method. Exact: every path is a rejection step, so the output is N(0, 1) up to the 53-bit
 * resolution of the uniforms.
 *
 * <p>Layer i &gt;= 1 is the box [0, x_i] x [f(x_i), f(x_{i+1})]; layer 0 is the box [0, r] x [0, f(r)]
 * together with the tail beyond r, given the width x_0 = v / f(r). The constants r and v are those for
 * which 256 layers of area v end exactly at x_256 = 0.
 */
final class NormalZiggurat {
    static final int LAYERS = 256;
    /** Where the tail starts: x_1. */
    private static final double R = 3.6541528853610088;
    /** The area of each layer. */
    private static final double V = 0.00492867323399;
    /** The signed uniform is the top 53 bits of the draw: an integer s with |s| &lt;= 2^52. */
    private static final double UNIT = 0x1p-52;

    /** x_i * 2^-52: the point is s * WIDTH[i]. */
    static final double[] WIDTH = new double[LAYERS];
    /** x_{i+1} / x_i * 2^52 (r / x_0 for the base layer): |s| below it is in the core, accepted at once. */
    static final long[] CORE = new long[LAYERS];
    /** f(x_i), with f(x_0) = 0 unused and f(x_256) = 1. */
    private static final double[] HEIGHT = new double[LAYERS + 1];

    static {
        double[] x = new double[LAYERS + 1];
        x[1] = R;
        HEIGHT[1] = Math.exp(-0.5 * R * R);
        x[0] = V / HEIGHT[1];
        for (int i = 1; i < LAYERS - 1; i++) {
            x[i + 1] = Math.sqrt(-2 * Math.log(HEIGHT[i] + V / x[i]));
            HEIGHT[i + 1] = Math.exp(-0.5 * x[i + 1] * x[i + 1]);
        }
        x[LAYERS] = 0;
        HEIGHT[LAYERS] = 1;
        for (int i = 0; i < LAYERS; i++) {
            WIDTH[i] = x[i] * UNIT;
            CORE[i] = (long) (x[i + 1] / x[i] * 0x1p52);
        }
        CORE[0] = (long) (R / x[0] * 0x1p52);
    }

    private NormalZiggurat() {
    }

    /**
     * The attempt with layer {@code layer} and signed uniform {@code s} that missed the core: a normal,
     * or NaN when the attempt is rejected and must be repeated with a fresh draw. Extra uniforms come
     * from {@code rng}.
     */
    static double outsideCore(int layer, long s, XoShiRoStream rng) {
        if (layer == 0) {
            double a;
            double b;
            do {
                a = -Math.log(rng.nextOpenUnit()) / R;
                b = -Math.log(rng.nextOpenUnit());
            } while (b + b < a * a);
            return s < 0 ? -(R + a) : R + a;
        }
        double z = s * WIDTH[layer];
        double y = HEIGHT[layer] + rng.nextOpenUnit() * (HEIGHT[layer + 1] - HEIGHT[layer]);
        return y < Math.exp(-0.5 * z * z) ? z : Double.NaN;
    }
}
