package org.mtrl.plugins.relu;

import java.util.Locale;

/**
 * Picks the {@link ChunkKernels} once per JVM from the system property {@value #PROPERTY}:
 * {@code plain} (loops the JIT auto-vectorises), {@code vector} (the incubating Vector API, which must
 * be added with {@code --add-modules jdk.incubator.vector}) or {@code auto} (the default: vector when
 * that module is present, plain otherwise). Both give the same numbers bit for bit; vector is about
 * four times faster on AVX2/AVX-512 machines. The name is read and checked once per JVM; each
 * {@link #create} makes a new instance, as kernels keep scratch buffers of their own.
 */
final class KernelChoice {
    static final String PROPERTY = "mtrl.kernels";
    private static final String SELECTED = System.getProperty(PROPERTY, "auto");

    static {
        choose(SELECTED); // a bad name fails here, once, as an error initialising this class
    }

    private KernelChoice() {
    }

    /** New kernels of the selected implementation. */
    static ChunkKernels create() {
        return choose(SELECTED);
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    static ChunkKernels choose(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "plain":
                return new PlainChunkKernels();
            case "vector":
                if (!vectorModulePresent()) {
                    throw new IllegalStateException(PROPERTY + "=vector needs the JVM option "
                            + "--add-modules jdk.incubator.vector");
                }
                return new VectorChunkKernels();
            case "auto":
                return vectorModulePresent() ? new VectorChunkKernels() : new PlainChunkKernels();
            default:
                throw new IllegalStateException(PROPERTY + "=" + name + " is not one of auto, plain, vector");
        }
    }
}
