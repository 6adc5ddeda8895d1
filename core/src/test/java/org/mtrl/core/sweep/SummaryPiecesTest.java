package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryPiecesTest {

    @Test
    void csvQuotesWhatNeedsItAndReadsItBack() {
        List<List<String>> rows = List.of(List.of("a", "b,c", "say \"hi\""), List.of("", "x\ny", "3"));
        String text = Csv.write(rows);
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\"\n,\"x\ny\",3\n", text);
        assertEquals(rows, Csv.read(text));
    }
}
