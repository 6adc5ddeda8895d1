package org.mtrl.app.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One generated command line that must be refused: the files to write first, the arguments (where
 * {@value #DIR} stands for the folder the files are written to), the commands to try it with, and
 * what the one error line must mention: at least one of {@code anyOf} and all of {@code allOf}.
 *
 * @param commands {@code run} (with {@code --quiet --output}), {@code config}, or {@code ""} for the
 *                 arguments as they are
 */
record CliCase(Category category, String form, Map<String, byte[]> files, List<String> args, List<String> commands,
               List<String> anyOf, List<String> allOf) {
    static final String DIR = "{dir}";
    static final List<String> RUN_AND_CONFIG = List.of("run", "config");

    /** A configuration file tried with {@code mtrl run FILE} and {@code mtrl config FILE}. */
    static CliCase file(Category category, String form, String name, byte[] content, List<String> anyOf,
                        List<String> allOf) {
        return new CliCase(category, form, Map.of(name, content), List.of(DIR + "/" + name), RUN_AND_CONFIG, anyOf,
                allOf);
    }

    static CliCase file(Category category, String form, String name, String content, List<String> anyOf,
                        List<String> allOf) {
        return file(category, form, name, content.getBytes(StandardCharsets.UTF_8), anyOf, allOf);
    }

    /** Overrides of the {@code tiny} preset, tried with {@code run} and {@code config}. */
    static CliCase overrides(Category category, List<String> overrides, List<String> anyOf, List<String> allOf) {
        List<String> args = new java.util.ArrayList<>(List.of("tiny"));
        args.addAll(overrides);
        return new CliCase(category, "override", Map.of(), List.copyOf(args), RUN_AND_CONFIG, anyOf, allOf);
    }

    /** For jqwik's reports: shortened, since some cases are megabytes long. */
    @Override
    public String toString() {
        String files = this.files.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().length + " bytes): "
                        + shorten(new String(e.getValue(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("; "));
        return category + " " + form + " " + commands + " args=" + args.stream().map(CliCase::shorten).toList()
                + (files.isEmpty() ? "" : " files: " + files) + " expecting any of " + anyOf.stream()
                .map(CliCase::shorten).toList() + " and all of " + allOf;
    }

    static String shorten(String text) {
        String escaped = text.replace("\n", "\\n").replace("\t", "\\t");
        return escaped.length() <= 300 ? escaped : escaped.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
