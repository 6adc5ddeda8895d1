package org.mtrl.core.sweep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them, through Jackson's CSV module: a field is quoted only
 * when it holds a comma, a double quote (doubled inside) or a line break; every line ends in "\n". A
 * row is a list of fields; the header is simply the first row.
 */
public final class Csv {
    /** Strict quoting checks each character, so only fields that need quotes get them. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();
    /** No columns declared: ',' between fields, '"' to quote, "\n" after each row, no comment lines. */
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema();

    private Csv() {
    }

    /** The text of {@code rows}, each ending in a newline (a row with no fields is an empty line). */
    public static String write(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CsvGenerator csv = (CsvGenerator) MAPPER.getFactory().createGenerator(out)) {
            csv.setSchema(SCHEMA);
            for (List<String> row : rows) {
                csv.writeStartArray();
                if (row.isEmpty()) {
                    csv.writeString("");  // Jackson drops a row with no fields; the text has one empty field
                }
                for (String field : row) {
                    writeField(csv, field);
                }
                csv.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV to memory", e);  // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeField(CsvGenerator csv, String field) throws IOException {
        if (field.indexOf('\r') >= 0) {
            // Jackson's strict check quotes "\n" but not a carriage return, which its reader (like
            // RFC 4180) takes for the end of a line: quote it here, quotes doubled as Jackson does.
            csv.writeRawValue('"' + field.replace("\"", "\"\"") + '"');
        } else {
            csv.writeString(field);
        }
    }

    /** The rows of CSV text; throws {@link IllegalArgumentException} naming the line of malformed text. */
    public static List<List<String>> read(String text) {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> lines = MAPPER.readerForListOf(String.class).with(SCHEMA).readValues(text)) {
            while (lines.hasNextValue()) {
                rows.add(lines.nextValue());
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("not valid CSV" + (at == null ? "" : " at line " + at.getLineNr())
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV from memory", e);  // a String reader does not fail
        }
        return rows;
    }
}
