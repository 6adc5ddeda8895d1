package org.mtrl.app.reliability;

import static org.mtrl.app.reliability.Category.Sections.BAD_INPUT;
import static org.mtrl.app.reliability.Category.Sections.PLUGIN_FAILURE;

/** The rows of {@code docs/reliability.md}: what kind of hostile input or fault a case is. */
enum Category {
    FILE_UNKNOWN_KEY(Sections.FILES, BAD_INPUT, "unknown and misspelt keys (top level, slots, probes)"),
    FILE_WRONG_TYPE(Sections.FILES, BAD_INPUT, "values of the wrong type (strings, booleans, mappings, fractions for integers)"),
    FILE_OUT_OF_RANGE(Sections.FILES, BAD_INPUT, "numbers out of range, incl. zero sizes and integers beyond 32/64 bits"),
    FILE_NON_FINITE(Sections.FILES, BAD_INPUT, "non-finite numbers (.nan, .inf, -.inf)"),
    FILE_LISTS(Sections.FILES, BAD_INPUT, "empty lists, and huge lists (up to 20,000 elements) with a bad element"),
    FILE_DUPLICATE_KEY(Sections.FILES, BAD_INPUT, "duplicate keys"),
    FILE_INVALID_YAML(Sections.FILES, BAD_INPUT, "invalid YAML/JSON (broken syntax injected at a random line)"),
    FILE_UNSAFE_YAML(Sections.FILES, BAD_INPUT, "YAML type tags, anchors and aliases (\"billion laughs\"), merge keys"),
    FILE_BINARY_JUNK(Sections.FILES, BAD_INPUT, "binary junk (random bytes with control characters)"),
    FILE_DEEP_NESTING(Sections.FILES, BAD_INPUT, "deep nesting (2 to 5,000 levels of lists or mappings)"),
    FILE_LONG_STRING(Sections.FILES, BAD_INPUT, "very long strings and documents (up to 2 MB) as keys and values"),
    FILE_NOT_UTF8(Sections.FILES, BAD_INPUT, "files that are not UTF-8 text (UTF-16 with and without a byte-order "
            + "mark, Latin-1, NUL bytes): the message says \"not UTF-8 text\""),

    OVERRIDE_UNKNOWN_KEY(Sections.OVERRIDES, BAD_INPUT, "overrides of unknown and misspelt keys"),
    OVERRIDE_BAD_VALUE(Sections.OVERRIDES, BAD_INPUT, "overrides with wrong types, out-of-range and non-finite values"),
    OVERRIDE_LISTS_AND_NESTING(Sections.OVERRIDES, BAD_INPUT, "overrides with empty, huge and deeply nested values"),
    OVERRIDE_MALFORMED(Sections.OVERRIDES, BAD_INPUT, "malformed overrides and invalid YAML flow values"),
    OVERRIDE_JUNK(Sections.OVERRIDES, BAD_INPUT, "overrides with control characters, line breaks and very long text"),
    CLI_OPTIONS(Sections.OVERRIDES, BAD_INPUT, "unknown options, bad option values, missing values, stray arguments"),
    CLI_SOURCES(Sections.OVERRIDES, BAD_INPUT, "config files and presets that do not exist or cannot be read"),

    SEMANTIC(Sections.SEMANTIC, BAD_INPUT, "rank > dim, parity order > rank, single-task index >= tasks.count, "
            + "a key the chosen type does not have, a model too large for memory"),
    INFEASIBLE(Sections.SEMANTIC, BAD_INPUT, "sizes beyond int/long ranges or the heap, refused at resolution: "
            + "tasks.count up to 2^31-1, data.dim up to 2^31-1, head/rep samples up to 2^31-1 with 10^4 to 10^6 tasks"),

    DIVERGENCE(Sections.NUMERICS, "exit 1, \"diverged at round k (loss=..., |W|=...): reduce repStep/headStep\", "
            + "the run folder records the configuration and the failure",
            "step sizes that make training diverge (headStep and repStep 1e100 to 1e300, 1 to 30 rounds)"),
    DIVERGENCE_GROWTH(Sections.NUMERICS, "exit 1, \"diverged at round k (quantity=value is over divergenceGrowth=1e6 "
            + "times its start s; ...): reduce repStep/headStep\", the run recorded as failed",
            "finite blow-up: step sizes 1e3 to 1e8 (2 to 6 rounds), where losses and norms stay finite but grow by "
                    + "orders of magnitude"),
    DEGENERATE(Sections.NUMERICS, "exit 0, every metric finite and defined",
            "all-dead ReLUs (W = 0, b < 0), zero first-layer gradients (heads at zero), rank(W) < r, "
                    + "downstream training labels all equal"),

    PLUGIN_THROWS(Sections.PLUGINS, PLUGIN_FAILURE, "a component that throws (optimizer, task family, probe, "
            + "a factory's create(), an AssertionError)"),
    PLUGIN_NON_FINITE(Sections.PLUGINS, PLUGIN_FAILURE, "a component that returns NaN (weights, inputs, a metric)"),
    PLUGIN_WRONG_SHAPE(Sections.PLUGINS, PLUGIN_FAILURE, "a component that returns arrays of the wrong shape "
            + "(ground truth of another dimension, first layer or heads that do not fit)"),
    PLUGIN_CONTRACT(Sections.PLUGINS, PLUGIN_FAILURE, "a component that breaks its contract where another calls it "
            + "(labels of 0 or NaN, a label written past its array, a distribution throwing in sample(), a stack overflow in label(), count() = 0, "
            + "draw() or build() returning null, a probe returning null or one metric name twice, a distribution declaring "
            + "N(0, I) falsely in a projected run): the task family, distribution or probe is named, never the optimizer that "
            + "called it"),

    PLUGIN_ENDS_PROCESS(Sections.PROCESS, "exit 1, one `error:` line naming the component's kind and type, its "
            + "plugin and its jar and the call; the run recorded as failed; in a sweep only that cell fails",
            "a task family whose label() calls System.exit(0), System.exit(3) or Runtime.halt(0), a data "
                    + "distribution whose sample() calls System.exit(0), in mtrl run (also on a JDK refusing security "
                    + "managers) and in a sweep of two cells"),
    OUT_OF_MEMORY(Sections.PROCESS, "exit 1, one `error:` line naming the phase (and the component working in "
            + "it) and the heap; the run recorded as failed; in a sweep only that cell fails; no stack trace; "
            + "a run that cannot fit the heap at all is refused before any work (exit 2, no run folder)",
            "a component that allocates until the heap is exhausted (-Xmx64m, in mtrl run and in a sweep), "
                    + "the default preset on -Xmx32m"),
    SIGNALS(Sections.PROCESS, "exit 130, 143 or 129 and one `error:` line; the run or the running cell recorded "
            + "as interrupted; the same command resumes the sweep to the end",
            "SIGINT, SIGTERM and SIGHUP sent to a running mtrl run; SIGTERM sent to a sweep, then resumed"),

    OUTPUT_UNWRITABLE(Sections.OUTPUT, "exit 1 and one `error:` line naming the folder: before any training "
            + "for an --output that cannot be written (no run folder, nothing half-written); with the metrics in "
            + "the message for a run folder that fails after training (nothing computed is lost)",
            "an --output below a regular file; a run folder that becomes a file before the results are written"),
    OUTPUT_MISSING_PARENT(Sections.OUTPUT, "exit 1, one `error:` line naming the folder and the reason; no folder "
            + "created", "an --output through a folder that does not exist (missing/../x/y), for run and sweep"),

    SWEEP_REPEATED(Sections.SWEEPS, "exit 2, one `error:` line naming the axis or the two grid points that are "
            + "one cell; nothing written", "repeated grid values: 2,2; 2,0x2; 2,2.0; one mapping written in two key "
            + "orders; a repeated seed on the command line or in a hand-edited sweep.yaml"),
    SWEEP_FOLDER_TAKEN(Sections.SWEEPS, "exit 2, one `error:` line naming the folder and saying how to extend it or "
            + "use another --output; the folder's sweep.yaml, summary.csv and aggregate.csv unchanged",
            "a sweep of another base configuration or grid on a folder holding a finished sweep (without --extend, "
                    + "and with an --extend that would drop its cells); a folder locked by a running sweep"),
    SWEEP_TYPE_AXIS(Sections.SWEEPS, "exit 2, one `error:` line naming the key and the cell whose type lacks it",
            "an override beside a type axis that one type of the axis lacks; an override of a key an axis also sets"),
    RECORD_DAMAGED(Sections.SWEEPS, "exit 2, one `error:` line naming the damaged file and what is wrong; no stack "
            + "trace", "truncated or re-encoded metrics.json, provenance.json, summary.csv and aggregate.csv given to "
            + "show, plot and report"),

    SWEEP_KILLED(Sections.CRASH, "the resumed sweep's summary equals the uninterrupted one's; every cell "
            + "folder once, status ok; no temporary file left",
            "a real sweep (12 cells) in a child JVM sent SIGKILL at a random moment after one or two more cells "
                    + "finished, then resumed (at least 3 of the 4 attempts must interrupt it)"),
    CELL_TIMEOUT(Sections.CRASH, "exit 1; the slow cell recorded as failed naming the phase and the component "
            + "(the probe; the task family, not the optimizer calling it), its plugin and jar; the other cell ok; "
            + "no staging folder left",
            "a probe (in-process) or a task family's label() (child JVM) that spins past --cell-timeout ignoring "
                    + "interrupts, in a sweep of two cells");

    private final String section;
    private final String expected;
    private final String description;

    Category(String section, String expected, String description) {
        this.section = section;
        this.expected = expected;
        this.description = description;
    }

    String section() {
        return section;
    }

    String description() {
        return description;
    }

    /** What every case of this category must end with. */
    String expected() {
        return expected;
    }

    /** Section titles, in report order, and the expected outcomes they share. */
    static final class Sections {
        static final String FILES = "Bad input: generated configuration files (YAML and JSON)";
        static final String OVERRIDES = "Bad input: generated command lines and overrides";
        static final String SEMANTIC = "Semantic checks before any work";
        static final String NUMERICS = "Numerical faults and degenerate cases (real runs of the tiny preset)";
        static final String PLUGINS = "Misbehaving plugins (components of a plugin jar built by the test)";
        static final String PROCESS = "Plugin code and the process (a child JVM running mtrl's Main, as java -jar does)";
        static final String OUTPUT = "Output folder";
        static final String SWEEPS = "Sweeps and their records (real sweeps of a small tiny preset)";
        static final String CRASH = "Crash safety and time limits (real sweeps)";
        static final String PLUGIN_FAILURE = "exit 1, one `error:` line naming the component's kind and type, "
                + "its plugin and its jar; no stack trace";
        static final String BAD_INPUT = "exit 2, exactly one `error:` line naming the key (or the file and "
                + "line) and the problem; no stack trace, nothing on stdout, no run folder";

        private Sections() {
        }
    }
}
