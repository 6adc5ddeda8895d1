package org.mtrl.runner.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and workers, each a separate JVM started from
 * spark-core's classes on the test class path, with a Spark "installation" ({@code SPARK_HOME/jars}) of
 * every jar of that class path but mtrl's own: executors get mtrl's classes only through the jars the
 * runner ships. Every process is stopped by its own id (with the executors it started) on {@link #close}.
 */
final class LoopbackCluster implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final List<String> JAVA_OPTIONS = List.of(System.getProperty("spark.test.java.options", "")
            .trim().split("\\s+"));

    private static final Pattern RUNNING = Pattern.compile("Running task (\\S+ in stage \\S+) \\(TID (\\d+)\\)");

    private final Path home;
    private final int masterPort;
    private final int masterUiPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();

    private LoopbackCluster(Path home) throws IOException {
        this.home = home;
        this.masterPort = freePort();
        this.masterUiPort = freePort();
    }

    /** Starts a master and {@code workers} workers of one core each; waits (bounded) until all have registered. */
    static LoopbackCluster start(Path dir, int workers) throws Exception {
        LoopbackCluster cluster = new LoopbackCluster(dir);
        try {
            cluster.installSpark();
            cluster.processes.add(cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", HOST,
                    "--port", Integer.toString(cluster.masterPort), "--webui-port", Integer.toString(cluster.masterUiPort)));
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("work-" + i));
                Process worker = cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", HOST,
                        "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory", "1g",
                        "--work-dir", work.toString(), cluster.master());
                cluster.processes.add(worker);
                cluster.workers.add(worker);
            }
            cluster.awaitWorkers(workers, 120);
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    String master() {
        return "spark://" + HOST + ":" + masterPort;
    }

    /** Kills worker {@code i} and the executors it started, at once, as a lost machine; returns how many processes. */
    int killWorker(int i) {
        Process worker = workers.get(i);
        List<ProcessHandle> executors = worker.toHandle().descendants().toList();
        executors.forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        return executors.size();
    }

    /**
     * Whether an executor of worker {@code i} is running a task now: its log (Spark's default logging,
     * in the worker's work folder) has a "Running task" line without the matching "Finished task".
     */
    boolean runsATask(int i) throws IOException {
        Path work = home.resolve("work-" + i);
        List<Path> logs;
        try (var paths = Files.walk(work)) {
            logs = paths.filter(p -> p.getFileName().toString().equals("stderr")).toList();
        }
        for (Path log : logs) {
            String text = Files.readString(log);
            Matcher running = RUNNING.matcher(text);
            while (running.find()) {
                if (!text.contains("Finished task " + running.group(1) + " (TID " + running.group(2) + ")")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A daemon's log, for a failure message. */
    String log(String name) {
        try {
            return Files.readString(home.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void installSpark() throws IOException {
        Path jars = Files.createDirectories(home.resolve("spark-home").resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (Files.isRegularFile(path) && name.endsWith(".jar") && !name.startsWith("mtrl-")
                    && !name.startsWith("surefire")) {
                Files.createSymbolicLink(jars.resolve(name), path.toAbsolutePath());
            }
        }
    }

    private Process launch(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        JAVA_OPTIONS.stream().filter(s -> !s.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", home.resolve("spark-home").resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", HOST);
        env.remove("SPARK_MASTER_HOST");
        return builder.start();
    }

    private void awaitWorkers(int expected, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String state = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection http = (HttpURLConnection) URI.create("http://" + HOST + ":" + masterUiPort + "/json/")
                        .toURL().openConnection();
                http.setConnectTimeout(1000);
                http.setReadTimeout(2000);
                try (InputStream in = http.getInputStream()) {
                    state = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (state.replace(" ", "").contains("\"aliveworkers\":" + expected)) {
                    return;
                }
            } catch (IOException notYet) {
                state = notYet.toString();
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new AssertionError("a cluster process exited early: " + p.info() + "\n" + log("master"));
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the workers did not register within " + seconds + " s: " + state + "\n"
                + log("master") + "\n" + log("worker-0"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** Stops every process it started, and their children, by process id; bounded waits. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            all.addAll(p.toHandle().descendants().toList());
            all.add(p.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }
}
