package org.mtrl.app;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell. */
final class TextTable {
    private TextTable() {
    }

    static String render(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i + 1 < widths.length ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
