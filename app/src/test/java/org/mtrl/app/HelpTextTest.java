package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way of asking for help prints the help on stdout and nothing on stderr (picocli warns there);
 * a missing or mistyped command is answered with every command's name or the one meant.
 */
class HelpTextTest {

    @Test
    void helpOfEveryCommandWritesNothingToStderr() {
        List<List<String>> requests = new ArrayList<>(List.of(List.of("--help"), List.of("help")));
        for (String command : MtrlCommand.commandLine().getSubcommands().keySet()) {
            requests.add(List.of(command, "--help"));
            requests.add(List.of("help", command));
        }
        for (List<String> request : requests) {
            PrintStream realErr = System.err;
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Cli cli;
            try {
                System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
                cli = Cli.run(request.toArray(String[]::new));
            } finally {
                System.setErr(realErr);
            }
            String printed = stderr.toString(StandardCharsets.UTF_8) + cli.err();
            assertEquals("", printed, "mtrl " + String.join(" ", request) + " wrote to stderr");
            assertEquals(0, cli.exitCode(), cli.toString());
            assertFalse(cli.out().isBlank(), "mtrl " + String.join(" ", request) + " printed no help");
        }
    }

    @Test
    void aMissingCommandListsEveryCommand() {
        Cli cli = Cli.run();
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode());
        for (String command : MtrlCommand.commandLine().getSubcommands().keySet()) {
            assertTrue(cli.err().contains(command), command + " missing from: " + cli.err());
        }
    }

    @Test
    void aMistypedShortCommandGetsADidYouMean() {
        Cli cli = Cli.run("rn", "tiny");
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode());
        assertTrue(cli.err().contains("did you mean 'run'?"), cli.err());
        assertTrue(Cli.run("swep").err().contains("did you mean 'sweep'?"));
        assertFalse(Cli.run("zzzzzz").err().contains("did you mean"));
    }
}
