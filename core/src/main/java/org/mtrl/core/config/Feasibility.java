package org.mtrl.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.core.sampling.SamplingChoice;
import org.mtrl.core.training.GradientEngine;

/**
 * Whether a resolved configuration can run in this JVM, decided from its sizes alone (in microseconds,
 * before any component is built): every array the built-in pipeline allocates must have at most
 * {@value #MAX_ARRAY} entries, every task's chunks of samples must be countable in an {@code int}, and
 * the memory the largest arrays take must fit in {@value #HEAP_SHARE_PERCENT}% of the heap Java may use
 * (the rest is the margin for everything smaller). The sizes are read from the keys the built-in
 * components use ({@code data.dim}, {@code data.rank}, {@code tasks.count}, {@code model.width}, sample
 * counts ending in {@code Samples} or named {@code samples}); a component that names its sizes otherwise is
 * still protected by the checked arithmetic of its own allocations.
 *
 * <p>The estimate, in doubles: the first layer W (m x d) held {@code 3 + shards + threads} times (W, its
 * update, the summed gradient, one gradient per shard and per worker; the subspace probe's Gram matrix is
 * at most m x d); the heads and their gradients {@code 3 T m}; per task an object of {@code 8 + r} words;
 * each workspace's sample buffers {@code chunk (d + r + 2 m)}; and the largest probe sample count n3 as
 * features and a solver matrix, {@code 2 n3 (m + 1)}.
 *
 * <p>Under projected sampling (docs/math.md) the workspaces see inputs of dimension k = min(d, m + r):
 * their gradients are m x k and their sample buffers {@code chunk (k + r + 2 m)}, while W is held
 * {@value #PROJECTED_FIRST_LAYERS} times (W, the copy kept with its basis, the basis Q^T of about m x d,
 * the lifted gradient, the update and the subspace probe). Projected is assumed for {@code sampling:
 * projected}, and for {@code auto} where its rule holds with the built-in {@code gaussian} data and
 * {@code two-layer-relu} model.
 */
public final class Feasibility {
    /** The longest Java array (a few entries below {@code Integer.MAX_VALUE} on every JVM). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    static final int HEAP_SHARE_PERCENT = 80;
    private static final long DOUBLE = 8;
    private static final long PROJECTED_FIRST_LAYERS = 6;

    private Feasibility() {
    }

    /** Checks {@code tree} against this JVM's heap and processors. */
    public static void check(JsonNode tree) {
        check(tree, Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @throws ConfigException naming the keys, their values and the limit, if the run cannot fit
     */
    static void check(JsonNode tree, long heapBytes, int processors) {
        Size d = size(tree, "data.dim");
        Size r = size(tree, "data.rank");
        Size t = size(tree, "tasks.count");
        Size m = size(tree, "model.width");
        array(List.of(m, d), "the first layer W");
        array(List.of(t, m), "the heads");
        for (Size n : optimizerSamples(tree)) {
            long chunks = (n.value() + SamplePlan.CHUNK - 1) / SamplePlan.CHUNK;
            if (t.known() && n.known() && chunks > MAX_ARRAY / t.value()) {
                throw new ConfigException(n.key(), "too large: " + t + " and " + n + " make " + t.value() + " x "
                        + chunks + " chunks of " + SamplePlan.CHUNK + " samples per step, more than "
                        + MAX_ARRAY + " can be counted; lower them");
            }
        }
        Size probeSamples = probeSamples(tree);
        array(List.of(probeSamples, m), "the downstream features");
        int workspaces = GradientEngine.SHARDS + Math.max(1, processors);
        boolean projected = projected(tree, d, m, r);
        long inputs = projected ? Math.min(d.orZero(), m.orZero() + r.orZero()) : d.orZero();
        List<Term> terms = List.of(
                new Term("the first layer W, its gradients and the subspace probe", List.of(m, d),
                        List.of(d.orZero(), m.orZero(), projected ? PROJECTED_FIRST_LAYERS : 3L + workspaces)),
                new Term("the projected gradients", List.of(m, d),
                        List.of(projected ? inputs : 0L, m.orZero(), (long) workspaces)),
                new Term("the heads and their gradients", List.of(t, m), List.of(t.orZero(), m.orZero(), 3L)),
                new Term("the drawn tasks", List.of(t, r), List.of(t.orZero(), 8L + r.orZero())),
                new Term("the sample buffers", List.of(d, m), List.of((long) workspaces, (long) SamplePlan.CHUNK,
                        inputs + r.orZero() + 2 * m.orZero())),
                new Term("the downstream probe", List.of(probeSamples, m),
                        List.of(2L, probeSamples.orZero(), m.orZero() + 1)));
        long total = 0;
        Term largest = terms.get(0);
        long largestBytes = -1;
        for (Term term : terms) {
            long bytes = term.bytes();
            total = bytes == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(total, bytes);
            if (bytes > largestBytes) {
                largest = term;
                largestBytes = bytes;
            }
        }
        long allowed = heapBytes / 100 * HEAP_SHARE_PERCENT;
        if (total > allowed) {
            List<Size> keys = largest.sizes().stream().filter(Size::known).toList();
            throw new ConfigException(keys.isEmpty() ? "" : keys.get(0).key(), "too large for memory: the run needs "
                    + "about " + bytes(total) + ", mostly " + largest.what() + " (" + String.join(", ",
                    keys.stream().map(Size::toString).toList()) + "), but Java may use at most " + bytes(heapBytes)
                    + " (and " + HEAP_SHARE_PERCENT + "% of it for these arrays); lower the sizes"
                    + (total == Long.MAX_VALUE ? "" : ", or give Java more memory, e.g. MTRL_JAVA_OPTS=-Xmx"
                    + ((total / HEAP_SHARE_PERCENT * 100 >> 30) + 1) + "g"));
        }
    }

    /** A size read from the configuration: its key and value, or unknown (0) if the configuration has no such key. */
    private record Size(String key, long value) {
        boolean known() {
            return value > 0;
        }

        long orZero() {
            return Math.max(0, value);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** Memory of one kind of array: the product of {@code factors} doubles. */
    private record Term(String what, List<Size> sizes, List<Long> factors) {
        /** Long.MAX_VALUE when the product overflows a long: certainly too large. */
        long bytes() {
            long product = DOUBLE;
            for (long factor : factors) {
                try {
                    product = Math.multiplyExact(product, factor);
                } catch (ArithmeticException e) {
                    return Long.MAX_VALUE;
                }
            }
            return product;
        }
    }

    /** Refuses {@code sizes} whose product is more entries than one array holds. */
    private static void array(List<Size> sizes, String what) {
        if (sizes.stream().anyMatch(s -> !s.known())) {
            return;
        }
        long entries = 1;
        try {
            for (Size s : sizes) {
                entries = Math.multiplyExact(entries, s.value());
            }
        } catch (ArithmeticException e) {
            entries = Long.MAX_VALUE;
        }
        if (entries > MAX_ARRAY) {
            throw new ConfigException(sizes.get(0).key(), "too large: " + String.join(" and ",
                    sizes.stream().map(Size::toString).toList()) + " give " + what + " more than " + MAX_ARRAY
                    + " entries, the most a Java array holds; lower them");
        }
    }

    /** Whether the run will sample projected, as far as the configuration tells (see the class comment). */
    private static boolean projected(JsonNode tree, Size d, Size m, Size r) {
        String sampling = tree.path(ConfigKeys.SAMPLING).asText("auto");
        return sampling.equals("projected") || sampling.equals("auto")
                && tree.path("data").path(ConfigKeys.TYPE).asText().equals("gaussian")
                && tree.path("model").path(ConfigKeys.TYPE).asText().equals("two-layer-relu")
                && d.known() && SamplingChoice.autoProjects(d.value(), m.orZero() + r.orZero());
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static Size size(JsonNode tree, String key) {
        JsonNode node = tree;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return new Size(key, node.isIntegralNumber() ? node.asLong() : 0);
    }

    private static List<Size> optimizerSamples(JsonNode tree) {
        List<Size> sizes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : tree.path("optimizer").properties()) {
            if (isSampleCount(entry.getKey()) && entry.getValue().isIntegralNumber()) {
                sizes.add(new Size("optimizer." + entry.getKey(), entry.getValue().asLong()));
            }
        }
        return sizes;
    }

    /** The largest sample count of any probe ({@code samples}, a number or a list), or unknown. */
    private static Size probeSamples(JsonNode tree) {
        Size largest = new Size("probes", 0);
        for (Map.Entry<String, JsonNode> probe : tree.path(ConfigKeys.PROBES).properties()) {
            for (Map.Entry<String, JsonNode> entry : probe.getValue().properties()) {
                if (!entry.getKey().equals("samples")) {
                    continue;
                }
                List<JsonNode> values = new ArrayList<>();
                if (entry.getValue().isArray()) {
                    entry.getValue().forEach(values::add);
                } else {
                    values.add(entry.getValue());
                }
                for (JsonNode v : values) {
                    if (v.isIntegralNumber() && v.asLong() > largest.value()) {
                        largest = new Size("probes." + probe.getKey() + ".samples", v.asLong());
                    }
                }
            }
        }
        return largest;
    }

    private static boolean isSampleCount(String name) {
        return name.equals("samples") || name.endsWith("Samples");
    }

    private static String bytes(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
    }
}
