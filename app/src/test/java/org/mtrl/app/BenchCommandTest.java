package org.mtrl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code mtrl bench}: a small workload end to end, and the errors of a bad one. */
class BenchCommandTest {

    @Test
    void endsWithOneJsonLineWithThePeersKeys() throws Exception {
        Cli cli = Cli.run("bench", "--threads", "2", "d=20", "r=2", "m=24", "T=6", "n1=700", "n2=900");
        assertEquals(0, cli.exitCode(), cli.toString());
        String last = cli.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonNode json = new ObjectMapper().readTree(last);
        for (String key : new String[] {"generate_s", "steps_s", "energy_outside", "max_sine", "total_s",
            "peak_rss_mib", "workload", "gflops", "peak_heap_mib", "w_fingerprint"}) {
            assertTrue(json.has(key), key + " missing from " + last);
        }
        assertEquals(20, json.get("workload").get("d").asInt());
        assertEquals(900, json.get("workload").get("n2").asInt());
        double sine = json.get("max_sine").asDouble();
        assertTrue(sine > 0 && sine <= 1, last);
        double energy = json.get("energy_outside").asDouble();
        assertTrue(energy > 0 && energy < 1, last);
    }

    @Test
    void theFingerprintDoesNotDependOnTheThreadCount() throws Exception {
        String[] load = {"d=16", "r=2", "m=20", "T=5", "n1=1100", "n2=600"};
        assertEquals(fingerprint(Cli.run(args("1", load))), fingerprint(Cli.run(args("3", load))));
    }

    private static String[] args(String threads, String... load) {
        String[] all = new String[load.length + 3];
        all[0] = "bench";
        all[1] = "--threads";
        all[2] = threads;
        System.arraycopy(load, 0, all, 3, load.length);
        return all;
    }

    private static String fingerprint(Cli cli) throws Exception {
        assertEquals(0, cli.exitCode(), cli.toString());
        String last = cli.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(last).get("w_fingerprint").asText();
    }

    @Test
    void samplingIsAWorkloadKeyAndTheJsonSaysWhichWasUsed() throws Exception {
        String[] load = {"d=60", "r=2", "m=10", "T=4", "n1=600", "n2=600"};
        JsonNode projected = json(Cli.run(args("2", with(load, "sampling=projected"))));
        JsonNode direct = json(Cli.run(args("2", with(load, "sampling=direct"))));
        JsonNode auto = json(Cli.run(args("2", load)));
        assertEquals("projected", projected.get("sampling").asText());
        assertEquals("direct", direct.get("sampling").asText());
        assertEquals("projected", auto.get("sampling").asText(), "m + r = 12 <= 0.6 d: auto projects");
        assertEquals(auto.get("w_fingerprint"), projected.get("w_fingerprint"));
        assertTrue(!direct.get("w_fingerprint").equals(projected.get("w_fingerprint")), "other random numbers");
        assertEquals(60, projected.get("workload").get("d").asInt());
    }

    @Test
    void theHugeWorkloadIsThePapersSettingAtDOfAHundredThousand() {
        BenchWorkload huge = BenchWorkload.of("huge", java.util.List.of());
        assertEquals(java.util.Map.of("d", 100_000L, "r", 5L, "m", 200L, "T", 200L, "n1", 5000L, "n2", 5000L,
                "rounds", 1L, "seed", 1L), huge.values());
        assertEquals("auto", huge.sampling());
        assertTrue(huge.overrides().contains("sampling=auto"), huge.overrides().toString());
        assertTrue(BenchWorkload.of("huge", java.util.List.of("sampling=direct")).overrides()
                .contains("sampling=direct"));
    }

    private static String[] with(String[] load, String more) {
        String[] all = java.util.Arrays.copyOf(load, load.length + 1);
        all[load.length] = more;
        return all;
    }

    private static JsonNode json(Cli cli) throws Exception {
        assertEquals(0, cli.exitCode(), cli.toString());
        return new ObjectMapper().readTree(cli.out().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void anUnknownKeyOrWorkloadIsABadInputNamingIt() {
        Cli key = Cli.run("bench", "depth=3");
        assertEquals(ExitCodes.BAD_INPUT, key.exitCode(), key.toString());
        assertTrue(key.err().contains("depth") && key.err().contains("n1"), key.err());
        Cli workload = Cli.run("bench", "--workload", "giant");
        assertEquals(ExitCodes.BAD_INPUT, workload.exitCode(), workload.toString());
        assertTrue(workload.err().contains("giant") && workload.err().contains("huge"), workload.err());
        Cli sampling = Cli.run("bench", "sampling=sideways");
        assertEquals(ExitCodes.BAD_INPUT, sampling.exitCode(), sampling.toString());
        assertTrue(sampling.err().contains("sideways") && sampling.err().contains("projected"), sampling.err());
        Cli value = Cli.run("bench", "T=many");
        assertEquals(ExitCodes.BAD_INPUT, value.exitCode(), value.toString());
        assertTrue(value.err().contains("many"), value.err());
    }
}
