package org.mtrl.app.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mtrl.app.reliability.Bases.Target;
import org.mtrl.app.reliability.ConfigCases.Form;

/**
 * Generated command lines: bad overrides of the {@code tiny} preset, bad options and arguments, and
 * configuration sources that do not exist or cannot be read. Every one must exit 2 with one error line.
 */
@Tag("slow")
class CommandLineFuzzTest {
    static final int TRIES = 100;
    private static final Set<String> OPTIONS = Set.of("output", "threads", "quiet", "plugins-dir", "help", "version");

    @Property(tries = TRIES, seed = "20240801")
    void unknownKeys(@ForAll("unknownKeys") CliCase c) {
        Harness.expectBadInput(c);
    }

    /** An unknown key at any level, or a key inside a parameter that is not a mapping. */
    @Provide
    Arbitrary<CliCase> unknownKeys() {
        Arbitrary<CliCase> unknown = ConfigCases.unknownKey(false)
                .map(m -> m.render(Category.OVERRIDE_UNKNOWN_KEY, Form.OVERRIDE));
        Arbitrary<CliCase> inside = Bases.any().flatMap(base -> Combinators.combine(Arbitraries.of(base.targets()),
                BadValues.word()).as((t, key) -> CliCase.overrides(Category.OVERRIDE_UNKNOWN_KEY,
                with(base.overrides(), t.path() + "." + key + "=1"), List.of(t.path()), List.of())));
        return Arbitraries.oneOf(unknown, inside);
    }

    @Property(tries = TRIES, seed = "20240802")
    void badValues(@ForAll("badValues") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> badValues() {
        return Arbitraries.oneOf(ConfigCases.parameter(t -> true, BadValues::wrongType),
                        ConfigCases.parameter(BadValues::hasRange, BadValues::outOfRange),
                        ConfigCases.parameter(Target::numeric, BadValues::nonFinite))
                .map(m -> m.render(Category.OVERRIDE_BAD_VALUE, Form.OVERRIDE));
    }

    @Property(tries = TRIES, seed = "20240803")
    void listsAndNesting(@ForAll("listsAndNesting") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> listsAndNesting() {
        Arbitrary<CliCase> lists = ConfigCases.parameter(t -> true, BadValues::emptyOrHugeList)
                .map(m -> m.render(Category.OVERRIDE_LISTS_AND_NESTING, Form.OVERRIDE));
        Arbitrary<CliCase> nesting = Bases.any().flatMap(base -> Combinators.combine(Arbitraries.of(base.targets()),
                Arbitraries.integers().between(2, 5000), Arbitraries.of(true, false)).as((t, depth, lists1) -> {
                    String open = lists1 ? "[" : "{a: ";
                    String close = lists1 ? "]" : "}";
                    String value = open.repeat(depth) + "1" + close.repeat(depth);
                    return CliCase.overrides(Category.OVERRIDE_LISTS_AND_NESTING,
                            with(base.overrides(), t.path() + "=" + value), List.of(t.path(), "override '"), List.of());
                }));
        return Arbitraries.oneOf(lists, nesting);
    }

    @Property(tries = TRIES, seed = "20240804")
    void malformed(@ForAll("malformed") CliCase c) {
        Harness.expectBadInput(c);
    }

    /** Overrides without a key, with empty key segments, or whose value is not valid YAML flow text. */
    @Provide
    Arbitrary<CliCase> malformed() {
        List<String> keys = List.of("=", ".%s=", "%s..x=", "%s.=");
        List<String> values = List.of("[1,", "{a: 1", "\"abc", "'abc", "@x", "`x", "*alias", "1]", "{width: 1, width: 2}",
                "[1, 2]]", "{a: 1}}", "!!java.lang.Runtime [x]", "%x", "a: b: c");
        Arbitrary<CliCase> badKey = Combinators.combine(Bases.any(), Arbitraries.of(keys), BadValues.word())
                .as((base, key, word) -> CliCase.overrides(Category.OVERRIDE_MALFORMED,
                        with(base.overrides(), key.replace("%s", word) + "1"), List.of("malformed override"), List.of()));
        Arbitrary<CliCase> badValue = Bases.any().flatMap(base -> Combinators.combine(Arbitraries.of(base.targets()),
                Arbitraries.of(values)).as((t, value) -> CliCase.overrides(Category.OVERRIDE_MALFORMED,
                with(base.overrides(), t.path() + "=" + value), List.of("override '" + t.path() + "=", t.path()),
                List.of())));
        return Arbitraries.oneOf(badKey, badValue);
    }

    @Property(tries = TRIES, seed = "20240805")
    void junk(@ForAll("junk") CliCase c) {
        Harness.expectBadInput(c);
    }

    /**
     * Keys, values and arguments with control characters and line breaks (always at least one
     * control character, which no valid value has), or megabytes long.
     */
    @Provide
    Arbitrary<CliCase> junk() {
        Arbitrary<String> junk = Combinators.combine(
                Arbitraries.strings().withCharRange('\u0001', '\u007f').withChars("é漢\u2028").ofMaxLength(200),
                Arbitraries.chars().with('\u0001', '\u0002', '\u0007', '\u0008', '\u000e', '\u001b', '\u001f', '\u007f'),
                Arbitraries.integers().between(0, 200)).as((s, control, at) -> {
                    int i = at % (s.length() + 1);
                    return s.substring(0, i) + control + s.substring(i);
                });
        Arbitrary<String> huge = Arbitraries.integers().between(10_000, 1_000_000).map(n -> "w".repeat(n) + "\u0001");
        Arbitrary<String> text = Arbitraries.oneOf(junk, junk, huge);
        return Bases.any().flatMap(base -> Combinators.combine(Arbitraries.of(base.targets()), text,
                Arbitraries.integers().between(0, 2)).as((t, s, where) -> {
                    String argument = switch (where) {
                        case 0 -> t.path() + "=" + s;
                        case 1 -> t.slot() + "." + s + "=1";
                        default -> s.replace("=", "");
                    };
                    List<String> args = new ArrayList<>(base.overrides());
                    if (where == 2) {
                        return new CliCase(Category.OVERRIDE_JUNK, "argument", Map.of(), List.of(argument),
                                CliCase.RUN_AND_CONFIG, List.of("no config file or preset named"), List.of());
                    }
                    args.add(argument);
                    return CliCase.overrides(Category.OVERRIDE_JUNK, args, List.of(), List.of());
                }));
    }

    @Property(tries = TRIES, seed = "20240806")
    void options(@ForAll("options") CliCase c) {
        Harness.expectBadInput(c);
    }

    /** Unknown options and commands, bad or missing option values, and arguments in the wrong place. */
    @Provide
    Arbitrary<CliCase> options() {
        Arbitrary<CliCase> unknownOption = BadValues.word().filter(w -> !OPTIONS.contains(w)).map(w ->
                new CliCase(Category.CLI_OPTIONS, "option", Map.of(), List.of("tiny", "--" + w), CliCase.RUN_AND_CONFIG,
                        List.of("--" + w), List.of()));
        Arbitrary<String> badThreads = Arbitraries.oneOf(BadValues.word(),
                Arbitraries.integers().between(-1_000_000, 0).map(String::valueOf),
                Arbitraries.integers().between(1025, Integer.MAX_VALUE).map(String::valueOf),
                Arbitraries.longs().between(1L << 31, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.of("1.5", "", " ", "0x10", "NaN"));
        Arbitrary<CliCase> threads = badThreads.map(v -> new CliCase(Category.CLI_OPTIONS, "option", Map.of(),
                List.of("tiny", "--threads", v), List.of("run"), List.of("--threads"), List.of()));
        Arbitrary<CliCase> missingValue = Arbitraries.of("--output", "--threads", "--plugins-dir").map(o ->
                new CliCase(Category.CLI_OPTIONS, "option", Map.of(), List.of("tiny", o),
                        o.equals("--plugins-dir") ? CliCase.RUN_AND_CONFIG : List.of("run"), List.of(o), List.of()));
        Arbitrary<CliCase> stray = Combinators.combine(Arbitraries.of("tiny", "default"), Arbitraries.of("tiny", "default"),
                Arbitraries.of(true, false)).as((a, b, overrideFirst) -> new CliCase(Category.CLI_OPTIONS, "argument",
                Map.of(), overrideFirst ? List.of("model.width=3", b) : List.of(a, b), CliCase.RUN_AND_CONFIG,
                List.of("unexpected argument '" + b + "'"), List.of()));
        Arbitrary<CliCase> command = BadValues.word().map(w -> new CliCase(Category.CLI_OPTIONS, "command", Map.of(),
                List.of(w), List.of(""), List.of(w), List.of()));
        return Arbitraries.oneOf(unknownOption, threads, missingValue, stray, command);
    }

    @Property(tries = TRIES, seed = "20240807")
    void sources(@ForAll("sources") CliCase c) {
        Harness.expectBadInput(c);
    }

    /** Presets and files that do not exist, files of another type, and folders. */
    @Provide
    Arbitrary<CliCase> sources() {
        Arbitrary<CliCase> noSuchPreset = BadValues.word().map(w -> new CliCase(Category.CLI_SOURCES, "argument",
                Map.of(), List.of(w), CliCase.RUN_AND_CONFIG, List.of("no config file or preset named '" + w + "'"),
                List.of()));
        Arbitrary<CliCase> noSuchFile = Combinators.combine(BadValues.word(), Arbitraries.of(".yaml", ".json", ".yml"))
                .as((w, ext) -> new CliCase(Category.CLI_SOURCES, "argument", Map.of(),
                        List.of(CliCase.DIR + "/" + w + ext), CliCase.RUN_AND_CONFIG, List.of(w + ext), List.of()));
        Arbitrary<CliCase> otherType = Combinators.combine(BadValues.word(),
                Arbitraries.of(".txt", ".yaml~", ".conf", ".ini", ".yaml.bak", "")).as((w, ext) ->
                CliCase.file(Category.CLI_SOURCES, "file", w + ext, "seed: 1\n", List.of(),
                        List.of(CliCase.DIR + "/" + w + ext, "unsupported file type")));
        Arbitrary<CliCase> folder = Combinators.combine(BadValues.word(), Arbitraries.of(".yaml", ".json")).as((w, ext) ->
                new CliCase(Category.CLI_SOURCES, "folder", Map.of(w + ext + "/", new byte[0]),
                        List.of(CliCase.DIR + "/" + w + ext), CliCase.RUN_AND_CONFIG, List.of(w + ext), List.of()));
        return Arbitraries.oneOf(noSuchPreset, noSuchFile, otherType, folder);
    }

    @AfterContainer
    static void report() {
        Ledger.writeIfComplete();
    }

    private static List<String> with(List<String> overrides, String more) {
        List<String> all = new ArrayList<>(overrides);
        all.add(more);
        return all;
    }
}
