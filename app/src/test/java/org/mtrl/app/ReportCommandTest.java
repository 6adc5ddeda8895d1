package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void aReportHasProvenanceEveryFigureAskedForAndEveryMetricAndNeedsNoNetwork() throws Exception {
        Path file = Files.writeString(dir.resolve("small.yaml"), """
                data: {dim: 12, rank: 2}
                tasks: {count: 4}
                model: {width: 16}
                optimizer: {headSamples: 200, repSamples: 200}
                probes:
                  subspace-distance: {}
                  downstream-linear: {samples: [50, 100], testSamples: 200, taskCount: 1}
                sweep:
                  tasks.count: [2, 4]
                  seeds: 1..2
                figures:
                  - {x: tasks.count, y: subspace-distance.max}
                  - {x: tasks.count, y: downstream-linear.accuracy.*}
                """);
        Path sweep = dir.resolve("sweep");
        Cli ran = Cli.run("sweep", file.toString(), "--quiet", "--output", sweep.toString());
        assertEquals(0, ran.exitCode(), ran.toString());

        Cli report = Cli.run("report", sweep.toString());
        assertEquals(0, report.exitCode(), report.toString());
        String markdown = Files.readString(sweep.resolve("report.md"));
        for (String field : new String[] {"| report written |", "| command | mtrl report " + sweep, "| mtrl version |",
            "| git commit |", "| machine |", "| cells recorded | 4 |", "| cells' mtrl version |"}) {
            assertTrue(markdown.contains(field), field + " missing from:\n" + markdown);
        }
        assertTrue(markdown.contains("![subspace-distance.max vs tasks.count]"), markdown);
        assertTrue(markdown.contains("![downstream-linear.accuracy.* vs tasks.count]"), markdown);
        SweepTable aggregate = SweepTable.read(sweep.resolve("aggregate.csv"));
        String header = markdown.lines().filter(l -> l.startsWith("| tasks.count |")).findFirst().orElseThrow();
        for (String metric : aggregate.metrics(java.util.List.of())) {
            assertTrue(header.contains("| " + metric + " |") || header.endsWith("| " + metric + " |"),
                    metric + " missing from the table: " + header);
        }
        String html = Files.readString(sweep.resolve("report.html"));
        assertEquals(2, html.split("src=\"data:image/png;base64,", -1).length - 1, "two embedded figures");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script")
                || html.contains("<link"), "nothing fetched from a network");
    }
}
