package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sweep tables' CSV: the exact text RFC 4180 gives, and every awkward value read back unchanged. */
class CsvTest {

    @Test
    void awkwardValuesAreQuotedOnlyWhenTheyMustBe() {
        List<List<String>> rows = List.of(
                List.of("cell", "tasks.count", "seed", "status", "error"),
                List.of("a,b", "say \"hi\"", "two\nlines", "cr\ronly", "crlf\r\nend"),
                List.of(" padded ", "#first", "", "0.8185 +- 0.21", "tab\there"),
                List.of("\"", ",", "é ✓ ∞", "{probes: {a: 1}}", "'single'"));
        String expected = "cell,tasks.count,seed,status,error\n"
                + "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\ronly\",\"crlf\r\nend\"\n"
                + " padded ,#first,,0.8185 +- 0.21,tab\there\n"
                + "\"\"\"\",\",\",é ✓ ∞,{probes: {a: 1}},'single'\n";
        assertEquals(expected, Csv.write(rows));
        assertEquals(rows, Csv.read(expected));
    }

    @Test
    void randomFieldsOfAwkwardCharactersRoundTripAndMatchThePlainRule() {
        Random random = new Random(16);
        String alphabet = "a,\"\n\r #\t é';";
        for (int table = 0; table < 500; table++) {
            List<List<String>> rows = new ArrayList<>();
            int width = 1 + random.nextInt(4);
            for (int r = 0; r < 1 + random.nextInt(4); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    StringBuilder field = new StringBuilder();
                    for (int k = random.nextInt(6); k > 0; k--) {
                        field.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    row.add(field.toString());
                }
                rows.add(row);
            }
            String text = Csv.write(rows);
            assertEquals(plainRfc4180(rows), text);
            assertEquals(rows, Csv.read(text), text);
        }
    }

    /** The rule by hand: a field is quoted iff it holds a comma, a quote, CR or LF; quotes are doubled. */
    private static String plainRfc4180(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String f = row.get(i);
                boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r");
                out.append(i > 0 ? "," : "").append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void anEmptyLineIsOneEmptyField() {
        assertEquals("a\n\nb\n", Csv.write(List.of(List.of("a"), List.of(""), List.of("b"))));
        assertEquals(List.of(List.of("a"), List.of(""), List.of("b")), Csv.read("a\n\nb\n"));
        assertEquals(List.of(List.of("a"), List.of("")), Csv.read("a\n\"\"\n"));
        assertEquals("\n", Csv.write(List.of(List.of())));
        assertEquals(List.of(), Csv.read(""));
    }

    @Test
    void crlfLineEndsAndAMissingLastNewlineAreRead() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), Csv.read("a,b\r\nc,d"));
    }

    @Test
    void anUnterminatedQuoteNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read("a,b\nc,\"d\n"));
        assertTrue(e.getMessage().startsWith("not valid CSV at line "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("quote"), e.getMessage());
    }
}
