package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void seedStatsGiveTheStudentTInterval() {
        SeedStats stats = SeedStats.of(new double[] {1, 2, 3});
        assertEquals(2.0, stats.mean(), 1e-12);
        assertEquals(1.0, stats.sd(), 1e-12);
        // t(0.975, 2) = 4.302653
        assertEquals(4.302653 / Math.sqrt(3), stats.ci95(), 1e-6);
        SeedStats one = SeedStats.of(new double[] {5});
        assertTrue(Double.isNaN(one.ci95()));
        assertEquals(5, one.low());
    }
}
