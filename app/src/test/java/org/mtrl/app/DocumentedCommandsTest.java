package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.plugin.PluginRegistry;
import picocli.CommandLine;

/**
 * Every {@code ./mtrl} command shown in the README and docs parses, and where it names a preset (or
 * none) its configuration resolves; a command whose next line shows {@code error: ...} must fail with
 * exactly that message. The docs cannot drift from the command line.
 */
class DocumentedCommandsTest {
    private static final List<Path> DOCS = List.of(Path.of("../README.md"), Path.of("../docs"));
    private static final PluginRegistry REGISTRY = PluginRegistry.discover(
            DocumentedCommandsTest.class.getClassLoader(), null, false);

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandParses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : markdownFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String command = commandOf(lines.get(i));
                if (command != null) {
                    String next = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
                    String error = next.startsWith("error: ") ? next.substring("error: ".length()) : null;
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + command,
                            () -> check(command, error)));
                }
            }
        }
        assertTrue(tests.size() >= 15, "documented commands found: " + tests.size());
        return tests.stream();
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : DOCS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** The mtrl command of a shell line ({@code $ ./mtrl ...} or {@code ./mtrl ...}), without comment or pipe. */
    static String commandOf(String line) {
        String s = line.trim();
        if (s.startsWith("$ ")) {
            s = s.substring(2).trim();
        }
        if (!s.startsWith("./mtrl ") && !s.equals("./mtrl")) {
            return null;
        }
        for (String cut : List.of(" #", " |", " >")) {
            int at = s.indexOf(cut);
            if (at >= 0) {
                s = s.substring(0, at);
            }
        }
        return s.trim();
    }

    private static void check(String command, String expectedError) {
        List<String> args = Shell.split(command.substring("./mtrl".length()));
        CommandLine cli = MtrlCommand.commandLine();
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail("does not parse: " + command + ": " + e.getMessage());
            return;
        }
        if (!parsed.hasSubcommand() || parsed.subcommand().isUsageHelpRequested()) {
            return;
        }
        Object sub = parsed.subcommand().commandSpec().userObject();
        List<String> positional = sub instanceof RunCommand run ? run.arguments
                : sub instanceof ConfigCommand config ? config.arguments : null;
        boolean ownPlugins = args.contains("--plugins-dir");
        if (positional == null || ownPlugins || !namesAPresetOrNothing(positional)) {
            return;
        }
        try {
            ConfigSource.of(positional).resolve(REGISTRY);
        } catch (ConfigException e) {
            assertEquals(expectedError, e.getMessage(), "the documented error of " + command);
            return;
        }
        assertNull(expectedError, "documented as failing: " + command);
    }

    private static boolean namesAPresetOrNothing(List<String> positional) {
        return positional.isEmpty() || positional.get(0).contains("=")
                || ConfigSource.PRESET_NAMES.contains(positional.get(0));
    }

    /** Splits a shell line into words, honouring single and double quotes. */
    static final class Shell {
        private Shell() {
        }

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean inWord = false;
            char quote = 0;
            for (char c : line.toCharArray()) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
