package org.mtrl.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and writes configuration trees, safely. YAML is read as plain data: Jackson's YAML reader
 * never instantiates types named in the file. Documents are bounded in size (1 MiB: a configuration
 * is a few kilobytes, and SnakeYAML spends about a second per megabyte of long scalars) and in
 * nesting ({@value #MAX_NESTING} levels); duplicate keys are errors. Aliases ({@code *name}) are
 * rejected: Jackson would silently read them as the anchor's name, and they are what "billion laughs"
 * documents are made of. Every error is a {@link ConfigException} naming the source and, for syntax
 * errors, the line and column.
 */
public final class ConfigTrees {
    /** The built-in base layer: the paper's setting at a small scale. */
    public static final String DEFAULTS_RESOURCE = "org/mtrl/core/config/defaults.yaml";

    /** In characters (code points for SnakeYAML, bytes for files). */
    static final int MAX_DOCUMENT_SIZE = 1 << 20;
    static final int MAX_NESTING = 64;
    private static final int MAX_ALIASES = 50;
    private static final String ALLOWED_EXTENSIONS = ".yaml, .yml or .json";
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    /** Strings written without quotes: words that cannot read back as a number, boolean or null. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(MAX_DOCUMENT_SIZE)
            .maxNestingDepth(MAX_NESTING)
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // on by default in new YAMLFactory() but not in the builder: "key:" is null, as YAML says
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .stringQuotingChecker(new PlainWordsUnquoted())
            .build();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectWriter YAML_WRITER = new ObjectMapper(YAML).writer();
    private static final ObjectWriter JSON_WRITER = new ObjectMapper(JSON).writerWithDefaultPrettyPrinter();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigTrees() {
    }

    /**
     * Reads a {@code .yaml}, {@code .yml} or {@code .json} file whose top level is a mapping. The file
     * must be UTF-8 text (a UTF-8 byte-order mark is allowed): anything else, e.g. UTF-16 or binary
     * data, is refused as such rather than read as garbage.
     */
    public static ObjectNode read(Path file) {
        String source = file.toString();
        JsonFactory format = formatOf(source);
        byte[] bytes;
        try {
            checkSize(Files.size(file), "bytes", source);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", source + ": file not found");
        } catch (IOException e) {
            throw new ConfigException("", source + ": cannot read: " + oneLine(e.getMessage()));
        }
        requireUtf8(bytes, source);
        try (JsonParser parser = format.createParser(bytes)) {
            return readDocument(parser, source);
        } catch (IOException e) {
            throw syntaxError(source, e);
        }
    }

    /** Refuses {@code bytes} that are not UTF-8 text, naming the first byte that is not. */
    private static void requireUtf8(byte[] bytes, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                // valid UTF-8, but no text file holds NUL: UTF-16 without a byte-order mark, or binary data
                throw notUtf8(source, bytes, text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length);
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(source, bytes, firstMalformed(bytes));
        }
    }

    /** Names the first offending byte, and UTF-16 when a byte-order mark or a NUL says so. */
    private static ConfigException notUtf8(String source, byte[] bytes, int at) {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
                || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff || bytes[0] == 0 || bytes[1] == 0);
        return new ConfigException("", source + ": not UTF-8 text (byte " + at + " is 0x"
                + String.format("%02x", bytes[at] & 0xff) + (utf16 ? "; the file looks like UTF-16" : "")
                + "); save it as UTF-8");
    }

    /** The offset of the first byte that does not decode as UTF-8. */
    private static int firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Parses YAML text (JSON is a subset) whose top level is a mapping. */
    public static ObjectNode parse(String text, String sourceName) {
        checkSize(text.length(), "characters", sourceName);
        try (JsonParser parser = YAML.createParser(text)) {
            return readDocument(parser, sourceName);
        } catch (IOException e) {
            throw syntaxError(sourceName, e);
        }
    }

    /** Reads a YAML or JSON resource of this class loader, e.g. {@link #DEFAULTS_RESOURCE}. */
    public static ObjectNode readResource(String classpathResource) {
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        JsonFactory format = formatOf(name);
        InputStream in = ConfigTrees.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new ConfigException("", name + ": resource not found");
        }
        return read(format, in, name);
    }

    /** The built-in base layer, {@link #DEFAULTS_RESOURCE}. */
    public static ObjectNode builtInDefaults() {
        return readResource(DEFAULTS_RESOURCE);
    }

    /** YAML text of a tree, strings quoted only where they could read back as something else. */
    public static String toYaml(JsonNode tree) {
        return write(YAML_WRITER, tree);
    }

    /** Pretty-printed JSON text of a tree. */
    public static String toJson(JsonNode tree) {
        return write(JSON_WRITER, tree);
    }

    /**
     * Parses one YAML flow value ({@code 400}, {@code true}, {@code parity}, {@code [100, 300]},
     * {@code {a: 1}}); empty text is null, as in YAML.
     */
    public static JsonNode parseValue(String text, String sourceName) {
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return NODES.nullNode();
            }
            JsonNode value = readValue(parser, sourceName);
            requireEnd(parser, sourceName);
            return value;
        } catch (IOException e) {
            throw syntaxError(sourceName, e);
        }
    }

    private static JsonFactory formatOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        throw new ConfigException("", name + ": unsupported file type; expected a file ending in " + ALLOWED_EXTENSIONS);
    }

    /** Fails fast on an oversized document, before the parser spends time on it. */
    private static void checkSize(long size, String unit, String source) {
        if (size > MAX_DOCUMENT_SIZE) {
            throw new ConfigException("", source + ": the document is too large (" + size + " " + unit
                    + "; the limit is " + MAX_DOCUMENT_SIZE + ")");
        }
    }

    private static ObjectNode read(JsonFactory format, InputStream in, String source) {
        try (in; JsonParser parser = format.createParser(in)) {
            return readDocument(parser, source);
        } catch (IOException e) {
            throw syntaxError(source, e);
        }
    }

    private static String write(ObjectWriter writer, JsonNode tree) {
        try {
            return writer.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a configuration tree", e);
        }
    }

    /** An empty document is an empty mapping; anything but a mapping at the top is an error. */
    private static ObjectNode readDocument(JsonParser parser, String source) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return NODES.objectNode();
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ConfigException("", source + ": " + at(parser.currentTokenLocation())
                    + "the top level must be a mapping of keys to values, got " + Messages.show(readValue(parser, source)));
        }
        ObjectNode root = (ObjectNode) readValue(parser, source);
        requireEnd(parser, source);
        return root;
    }

    private static void requireEnd(JsonParser parser, String source) throws IOException {
        if (parser.nextToken() != null) {
            throw new ConfigException("", source + ": " + at(parser.currentTokenLocation())
                    + "unexpected content after the end of the document (only one document is read)");
        }
    }

    /** Builds the node at the parser's current token, keeping integer widths and YAML's .nan/.inf. */
    private static JsonNode readValue(JsonParser parser, String source) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new ConfigException("", source + ": " + at(parser.currentTokenLocation()) + "YAML aliases (*"
                    + parser.getText() + ") are not supported; write the value out");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.set(key, readValue(parser, source));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, source));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(floatValue(parser));
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new ConfigException("", source + ": " + at(parser.currentTokenLocation())
                        + "unsupported value (" + token + ")");
        }
    }

    /** Jackson recognises YAML's .nan and .inf as floats but cannot convert them; we can. */
    private static double floatValue(JsonParser parser) throws IOException {
        String text = parser.getText();
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return parser.getDoubleValue();
    }

    /** A syntax or limit error as one line: source, line, column, problem; no stack trace text. */
    private static ConfigException syntaxError(String source, IOException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
            return new ConfigException("", source + ": line " + (mark.getLine() + 1) + ", column "
                    + (mark.getColumn() + 1) + ": " + oneLine(yaml.getProblem()) + context);
        }
        if (e instanceof JsonProcessingException json) {
            // a limit's message ends with the Jackson method that sets it: not the user's business
            String problem = oneLine(json.getOriginalMessage()).replaceAll(", from `[^`]*`", "");
            return new ConfigException("", source + ": " + at(json.getLocation()) + problem);
        }
        return new ConfigException("", source + ": cannot read: " + oneLine(e.getMessage()));
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private static String oneLine(String text) {
        return text == null ? "unknown error" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_DOCUMENT_SIZE);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        return options;
    }

    /** Quotes every string except plain words, so that what is written reads back unchanged. */
    private static final class PlainWordsUnquoted extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return !PLAIN_WORD.matcher(value).matches() || super.needToQuoteValue(value);
        }
    }
}
