package org.mtrl.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the api carries Javadoc: the api is what plugin authors read. (Broken Javadoc is
 * caught by the javadoc run of {@code mvn verify}; doclint cannot tell a type without a comment.)
 */
class ApiDocumentationTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:static\\s+|final\\s+|abstract\\s+|sealed\\s+)*(class|interface|record|enum|@interface)\\s+(\\w+)");

    @Test
    void everyPublicTypeHasAJavadocComment() throws IOException {
        List<String> undocumented = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 20, "api sources found: " + sources.size());
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = PUBLIC_TYPE.matcher(lines.get(i));
                if (m.find() && !documented(lines, i)) {
                    undocumented.add(source.getFileName() + ": " + m.group(2));
                }
            }
        }
        assertTrue(undocumented.isEmpty(), "public types without Javadoc: " + undocumented);
    }

    /** Whether the lines above {@code index}, skipping annotations, end a Javadoc comment. */
    private static boolean documented(List<String> lines, int index) {
        int i = index - 1;
        while (i >= 0 && lines.get(i).trim().startsWith("@")) {
            i--;
        }
        return i >= 0 && lines.get(i).trim().endsWith("*/");
    }
}
