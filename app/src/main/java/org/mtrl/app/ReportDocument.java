package org.mtrl.app;

import java.util.ArrayList;
import java.util.List;

/** A simple document written twice: as Markdown, and as HTML with its images embedded. */
final class ReportDocument {
    private final StringBuilder markdown = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    ReportDocument(String title) {
        markdown.append("# ").append(title).append("\n\n");
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;}"
                        + "table{border-collapse:collapse;display:block;overflow-x:auto;}"
                        + "td,th{white-space:nowrap;}td,th{border:1px solid #ccc;padding:3px 8px;}"
                        + "img{max-width:100%;}pre{background:#f6f6f6;padding:1em;}</style></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
    }

    void heading(String text) {
        markdown.append("## ").append(text).append("\n\n");
        html.append("<h2>").append(escape(text)).append("</h2>\n");
    }

    void paragraph(String text) {
        markdown.append(text).append("\n\n");
        html.append("<p>").append(escape(text).replaceAll("`([^`]*)`", "<code>$1</code>")).append("</p>\n");
    }

    void image(String relativePath, String alt, String pngBase64) {
        markdown.append("![").append(alt).append("](").append(relativePath).append(")\n\n");
        html.append("<p><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,").append(pngBase64)
                .append("\"></p>\n");
    }

    void table(List<String> header, List<List<String>> rows) {
        markdown.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> markdown.append("---|"));
        markdown.append('\n');
        html.append("<table>\n<tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.replace("|", "\\|")));
            markdown.append("| ").append(String.join(" | ", cells)).append(" |\n");
            html.append("<tr>");
            row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        markdown.append('\n');
        html.append("</table>\n");
    }

    void code(String text) {
        markdown.append("```yaml\n").append(text).append(text.endsWith("\n") ? "" : "\n").append("```\n");
        html.append("<pre>").append(escape(text)).append("</pre>\n");
    }

    String markdown() {
        return markdown.toString();
    }

    String html() {
        return html + "</body></html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
