package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void aWideTableIsWrappedIntoBlocksThatFitATerminalEachStartingWithTheKeys() {
        List<String> header = new ArrayList<>(List.of("tasks.count", "optimizer.type", "seeds", "failed"));
        for (int i = 0; i < 30; i++) {
            header.add("downstream-linear.accuracy." + (100 * i));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String optimizer : List.of("multitask-alternating", "single-task")) {
            List<String> row = new ArrayList<>(List.of("40", optimizer, "5", "0"));
            for (int i = 0; i < 30; i++) {
                row.add("0.9" + i + " [0.881, 0.93" + i + "]");
            }
            rows.add(row);
        }
        String table = TextTable.render(header, rows, 4, TextTable.TERMINAL_WIDTH);
        table.lines().forEach(line -> assertTrue(line.length() <= TextTable.TERMINAL_WIDTH, line.length() + ": " + line));
        header.forEach(column -> assertTrue(table.contains(column), column));
        List<String> blocks = List.of(table.split("\n\n"));
        assertTrue(blocks.size() > 1, table);
        for (String block : blocks) {
            List<String> lines = block.lines().toList();
            assertEquals(3, lines.size(), block);
            assertTrue(lines.get(0).startsWith("tasks.count  optimizer.type"), block);
            assertTrue(lines.get(2).startsWith("40           single-task"), block);
        }
    }

    @Test
    void aNarrowTableIsOneBlock() {
        String table = TextTable.render(List.of("k", "metric"), List.of(List.of("1", "0.5 [0.4, 0.6]")), 1, 120);
        assertEquals("k  metric\n1  0.5 [0.4, 0.6]\n", table);
    }
}
