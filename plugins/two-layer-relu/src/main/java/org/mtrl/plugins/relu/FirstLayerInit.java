package org.mtrl.plugins.relu;

import org.mtrl.api.linalg.Vectors;
import org.mtrl.api.runtime.RandomStream;

/** How the rows of the first layer W are drawn. */
enum FirstLayerInit {
    /** Rows ~ N(0, I_d / d): entries are i.i.d. N(0, 1/d), so each row has expected squared norm 1. */
    GAUSSIAN("gaussian") {
        @Override
        void fill(double[] w, int rows, int dim, RandomStream rng) {
            rng.nextGaussians(w, 0, rows * dim);
            double std = 1 / Math.sqrt(dim);
            for (int i = 0; i < rows * dim; i++) {
                w[i] *= std;
            }
        }
    },
    /**
     * Rows uniform on the unit sphere: a normalised Gaussian vector per row. A row whose Gaussian draw
     * is exactly zero (probability zero, but representable) is redrawn, so no row is ever NaN.
     */
    UNIT_SPHERE("unit-sphere") {
        @Override
        void fill(double[] w, int rows, int dim, RandomStream rng) {
            for (int j = 0; j < rows; j++) {
                int offset = j * dim;
                double squaredNorm;
                do {
                    rng.nextGaussians(w, offset, dim);
                    squaredNorm = Vectors.dot(w, offset, w, offset, dim);
                } while (squaredNorm == 0);
                double inverseNorm = 1 / Math.sqrt(squaredNorm);
                for (int i = offset; i < offset + dim; i++) {
                    w[i] *= inverseNorm;
                }
            }
        }
    };

    private final String configName;

    FirstLayerInit(String configName) {
        this.configName = configName;
    }

    /** Fills the row-major {@code rows x dim} array {@code w}, consuming {@code rng} row by row. */
    abstract void fill(double[] w, int rows, int dim, RandomStream rng);

    /** The configuration name, e.g. {@code unit-sphere}. */
    @Override
    public String toString() {
        return configName;
    }

    /** The initialisation called {@code name} in configuration. */
    static FirstLayerInit byName(String name) {
        for (FirstLayerInit init : values()) {
            if (init.configName.equals(name)) {
                return init;
            }
        }
        throw new IllegalArgumentException("weightInit=" + name + " is not one of gaussian, unit-sphere");
    }
}
