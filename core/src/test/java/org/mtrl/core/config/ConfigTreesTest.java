package org.mtrl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtrl.core.config.TestPlugins.assertConfigError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTreesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsYamlAndJsonFilesByExtension() throws IOException {
        ObjectNode expected = ConfigTrees.parse("model: {type: two-layer-relu, width: 400}", "inline");
        assertEquals(expected, ConfigTrees.read(write("a.yaml", "model:\n  type: two-layer-relu\n  width: 400\n")));
        assertEquals(expected, ConfigTrees.read(write("a.yml", "model: {type: two-layer-relu, width: 400}")));
        assertEquals(expected, ConfigTrees.read(write("a.json", "{\"model\": {\"type\": \"two-layer-relu\", \"width\": 400}}")));
    }

    @Test
    void aFileMustBeUtf8TextAndMayStartWithAByteOrderMark() throws IOException {
        Path bom = Files.write(dir.resolve("bom.yaml"), ("\uFEFFseed: 3").getBytes(StandardCharsets.UTF_8));
        assertEquals(3, ConfigTrees.read(bom).get("seed").intValue());
        Path utf16 = Files.write(dir.resolve("u.yaml"), "seed: 3".getBytes(StandardCharsets.UTF_16));
        assertConfigError(() -> ConfigTrees.read(utf16), utf16 + ": not UTF-8 text (byte 0 is 0xfe; the file looks "
                + "like UTF-16); save it as UTF-8");
        Path noMark = Files.write(dir.resolve("n.json"), "{\"seed\": 3}".getBytes(StandardCharsets.UTF_16LE));
        assertConfigError(() -> ConfigTrees.read(noMark), noMark + ": not UTF-8 text (byte 1 is 0x00");
        Path latin1 = Files.write(dir.resolve("l.yaml"), "seed: 3 # caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertConfigError(() -> ConfigTrees.read(latin1), latin1 + ": not UTF-8 text (byte 13 is 0xe9)");
    }

    @Test
    void aJsonFileMustBeJson() throws IOException {
        Path file = write("a.json", "model: {width: 400}");
        assertConfigError(() -> ConfigTrees.read(file), file.toString() + ": line 1, column 7: Unrecognized token 'model'");
    }

    @Test
    void rejectsOtherExtensionsNamingTheAllowedOnes() throws IOException {
        Path file = write("config.txt", "seed: 1");
        assertConfigError(() -> ConfigTrees.read(file), file.toString(), ".yaml, .yml or .json");
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("absent.yaml");
        assertConfigError(() -> ConfigTrees.read(file), file.toString() + ": file not found");
    }

    @Test
    void aSyntaxErrorNamesSourceLineAndColumn() {
        assertConfigError(() -> ConfigTrees.parse("seed: 1\nmodel: [1, 2\ntasks: 3\n", "broken.yaml"),
                "broken.yaml: line 3, column 6: expected ',' or ']'", "while parsing a flow sequence");
        assertConfigError(() -> ConfigTrees.parse("model:\n  width: 1\n type: x\n", "indent.yaml"),
                "indent.yaml: line 3, column 2");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertConfigError(() -> ConfigTrees.parse("seed: 1\nmodel: {}\nseed: 2\n", "dup.yaml"),
                "dup.yaml: line 3", "Duplicate field 'seed'");
        assertConfigError(() -> ConfigTrees.parse("model: {width: 1, width: 2}", "dup.yaml"), "Duplicate field 'width'");
    }

    @Test
    void anAliasBombFailsAtTheFirstAlias() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            bomb.append(("*" + previous + ", ").repeat(8)).append('*').append(previous).append("]\n");
        }
        assertConfigError(() -> ConfigTrees.parse(bomb.toString(), "bomb.yaml"),
                "bomb.yaml: line 2", "YAML aliases (*a) are not supported");
    }

    @Test
    void aPlainAliasIsRejectedRatherThanReadAsItsName() {
        assertConfigError(() -> ConfigTrees.parse("a: &x 5\nb: *x\n", "alias.yaml"), "alias.yaml: line 2, column 4");
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertConfigError(() -> ConfigTrees.parse("- 1\n- 2\n", "list.yaml"),
                "list.yaml: line 1, column 1: the top level must be a mapping", "got [1,2]");
        assertConfigError(() -> ConfigTrees.parse("42", "scalar.yaml"), "the top level must be a mapping", "got 42");
    }

    @Test
    void onlyOneDocumentIsRead() {
        assertConfigError(() -> ConfigTrees.parse("seed: 1\n---\nseed: 2\n", "two.yaml"), "two.yaml", "only one document");
    }

    @Test
    void anEmptyDocumentIsAnEmptyMapping() {
        assertEquals(JsonNodeFactory.instance.objectNode(), ConfigTrees.parse("# nothing but a comment\n", "empty.yaml"));
    }

    @Test
    void anEmptyValueIsNullButQuotedEmptyIsAString() {
        ObjectNode tree = ConfigTrees.parse("a:\nb: ''\nc: ~\n", "empty-values.yaml");
        assertTrue(tree.get("a").isNull());
        assertEquals("", tree.get("b").textValue());
        assertTrue(tree.get("c").isNull());
    }

    @Test
    void theDocumentSizeIsBounded() throws IOException {
        String huge = "a: \"" + "x".repeat(ConfigTrees.MAX_DOCUMENT_SIZE) + "\"\n";
        assertConfigError(() -> ConfigTrees.parse(huge, "huge.yaml"), "huge.yaml: the document is too large");
        Path file = write("huge.yaml", huge);
        assertConfigError(() -> ConfigTrees.read(file), file + ": the document is too large");
    }

    @Test
    void theNestingDepthIsBounded() {
        int depth = ConfigTrees.MAX_NESTING + 1;
        String deep = "a: " + "[".repeat(depth) + "]".repeat(depth);
        assertConfigError(() -> ConfigTrees.parse(deep, "deep.yaml"), "deep.yaml", "nesting");
    }

    @Test
    void readsYamlSpecialNumbersAndKeepsIntegerWidths() {
        ObjectNode tree = ConfigTrees.parse("a: .nan\nb: -.inf\nc: .Inf\nd: 5\ne: 5000000000\nf: 2.5\ng: 1e3", "numbers.yaml");
        assertTrue(Double.isNaN(tree.get("a").doubleValue()));
        assertEquals(Double.NEGATIVE_INFINITY, tree.get("b").doubleValue());
        assertEquals(Double.POSITIVE_INFINITY, tree.get("c").doubleValue());
        assertTrue(tree.get("d").isInt());
        assertTrue(tree.get("e").isLong());
        assertEquals(2.5, tree.get("f").doubleValue());
        assertEquals(1000.0, tree.get("g").doubleValue());
    }

    @Test
    void yamlAndJsonTextReadBackToTheSameTree() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        String[] strings = {"linear-threshold", "123", "true", "yes", "on", "null", "~", ".nan", "1e3", "0x1F",
            "a: b", "", "x y", "#x", "- x", "it's", "line\nbreak", "E5"};
        for (int i = 0; i < strings.length; i++) {
            tree.put("s" + i, strings[i]);
        }
        tree.put("int", 7).put("long", 5_000_000_000L).put("double", 0.001).put("whole", 1.0).put("flag", false);
        tree.putNull("nothing");
        tree.putArray("list").add(100).add(300);
        tree.putObject("nested").putObject("empty");
        String yaml = ConfigTrees.toYaml(tree);
        assertEquals(tree, ConfigTrees.parse(yaml, "written.yaml"), yaml);
        assertEquals(tree, ConfigTrees.parse(ConfigTrees.toJson(tree), "written.json"));
        assertTrue(yaml.contains("s0: linear-threshold"), "plain words stay unquoted:\n" + yaml);
    }

    @Test
    void readsClassPathResources() {
        JsonNode expected = ConfigTrees.parse("model: {width: 400}", "inline");
        assertEquals(expected, ConfigTrees.readResource("config/layer.yaml"));
        assertEquals(expected, ConfigTrees.readResource("/config/layer.yaml"));
        assertConfigError(() -> ConfigTrees.readResource("config/absent.yaml"), "config/absent.yaml: resource not found");
    }

    @Test
    void theBuiltInDefaultsArePinned() {
        ObjectNode expected = ConfigTrees.parse("""
                seed: 1
                data: {type: gaussian, dim: 100, rank: 5}
                tasks: {type: linear-threshold, count: 50}
                model: {type: two-layer-relu, width: 200}
                optimizer: {type: multitask-alternating, headSamples: 2000, repSamples: 2000}
                probes:
                  subspace-distance: {}
                  energy-outside: {}
                  feature-coverage: {}
                  downstream-linear: {}
                  pretrain-loss: {}
                """, "expected");
        ObjectNode defaults = ConfigTrees.builtInDefaults();
        assertEquals(expected, defaults);
        assertEquals(ConfigTrees.readResource(ConfigTrees.DEFAULTS_RESOURCE), defaults);
    }

    @Test
    void aJsonKeyBeyondTheNameBoundIsRefusedWithoutNamingJacksonInternals() throws IOException {
        Path file = write("long.json", "{\"model\": {\"" + "k".repeat(60_000) + "\": 1}}");
        ConfigException e = assertConfigError(() -> ConfigTrees.read(file), file + ": ", "Name length (60000) exceeds");
        assertTrue(!e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }
}
