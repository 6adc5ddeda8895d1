package org.mtrl.app;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell. */
final class TextTable {
    /** The width tables are wrapped to: a common terminal's. */
    static final int TERMINAL_WIDTH = 120;
    private static final String GAP = "  ";

    private TextTable() {
    }

    static String render(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = widths(all, header.size());
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i + 1 < widths.length ? GAP : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * The table in blocks no wider than {@code maxWidth} (when its cells allow): the first {@code keys}
     * columns, which say what a row is, begin every block, followed by as many of the other columns as
     * fit; blocks are separated by an empty line.
     */
    static String render(List<String> header, List<List<String>> rows, int keys, int maxWidth) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = widths(all, header.size());
        int keyWidth = 0;
        for (int i = 0; i < keys; i++) {
            keyWidth += widths[i] + GAP.length();
        }
        StringBuilder out = new StringBuilder();
        int next = keys;
        do {
            List<Integer> block = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                block.add(i);
            }
            int width = keyWidth;
            while (next < header.size() && (block.size() == keys || width + widths[next] <= maxWidth)) {
                block.add(next);
                width += widths[next] + GAP.length();
                next++;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(render(select(header, block), rows.stream().map(r -> select(r, block)).toList()));
        } while (next < header.size());
        return out.toString();
    }

    private static int[] widths(List<List<String>> all, int columns) {
        int[] widths = new int[columns];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    private static List<String> select(List<String> row, List<Integer> columns) {
        return columns.stream().map(i -> i < row.size() ? row.get(i) : "").toList();
    }
}
