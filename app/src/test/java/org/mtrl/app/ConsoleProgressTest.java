package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mtrl.api.runtime.ProgressListener;

class ConsoleProgressTest {
    private static final Pattern BAR = Pattern.compile("head step, round 1 +\\d+%");

    @Test
    void silentWithQuietOrWithoutATerminal() {
        assertSame(ProgressListener.NONE, ConsoleProgress.create(true).listener());
        assumeTrue(System.console() == null, "the tests run without a terminal");
        assertSame(ProgressListener.NONE, ConsoleProgress.create(false).listener());
    }

    @Test
    void aPhaseShowsItsSamplesDoneWithRateAndTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.phaseStarted("head step, round 1");
        progress.workDone(1536, 4096, "samples");
        progress.workDone(512, 4096, "samples"); // a worker reporting late: the same bar, not going back
        progress.workDone(4096, 4096, "samples");
        progress.roundFinished(1, 1, Map.of("head-loss", 0.5));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("] head step, round 1\n"), out);
        assertTrue(out.contains("4096/4096 samples") && out.contains("samples/s"), out);
        assertTrue(!out.contains(" 512/4096") && out.split("4096 samples", -1).length - 1 >= 1, out);
        // one terminal line (redraws return with \r, so split on \n only); the percentage is right-aligned
        // ("  25%", " 100%") and which one a redraw shows depends on timing
        assertTrue(Arrays.stream(out.split("\n")).filter(l -> BAR.matcher(l).find()).count() == 1,
                "one bar: " + out);
        assertTrue(out.contains("round 1/1 head-loss=0.5000"), out);
    }

    @Test
    void closingTheHandleEndsABarAFailureInterrupted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.phaseStarted("representation step, round 1");
        progress.workDone(512, 4096, "samples");
        new ConsoleProgress.Handle(progress).close();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains(" 512/4096 samples") && out.endsWith("\n"), out);
    }

    @Test
    void aRedrawArrivingAfterTheBarClosedPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress.BarOutput output = new ConsoleProgress.BarOutput(
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output.accept("bar 100%");
        output.close();
        output.accept("bar 100%");
        output.close();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.endsWith("bar 100%\n") && out.indexOf("bar") == out.lastIndexOf("bar"), out);
    }
}
