package org.mtrl.runner.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.mtrl.core.config.ConfigException;

/**
 * The Spark configuration of a sweep: the master ({@code --master}, else {@code spark.master} as
 * spark-submit or {@code -Dspark.master} sets it), and for a cluster master the jars its executors load.
 * Every other {@code spark.*} setting comes from system properties ({@code MTRL_JAVA_OPTS} or spark-submit).
 */
final class SparkSettings {
    static final String MASTER_OPTION = "--master";
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(,\\d+)?])?");
    private static final Pattern CLUSTER = Pattern.compile("(spark|k8s)://\\S+|yarn");

    private final String master;
    private final Path pluginsDir;

    private SparkSettings(String master, Path pluginsDir) {
        this.master = master;
        this.pluginsDir = pluginsDir;
    }

    /**
     * @param master     {@code --master}, or null for the one spark-submit set
     * @throws ConfigException if there is no master or it is not one Spark accepts
     */
    static SparkSettings of(String master, Path pluginsDir) {
        String effective = master != null ? master : new SparkConf().get("spark.master", null);
        if (effective == null) {
            throw new ConfigException(MASTER_OPTION, "the spark runner needs a master: --master local[2] (this "
                    + "machine) or --master spark://host:7077 (a standalone cluster), or spark-submit --master");
        }
        if (!LOCAL.matcher(effective).matches() && !CLUSTER.matcher(effective).matches()) {
            throw new ConfigException(MASTER_OPTION, "'" + effective + "' is not a Spark master; use local, local[N], "
                    + "local[*], local[N,F] (F tries per task), spark://host:port, k8s://... or yarn");
        }
        return new SparkSettings(effective, pluginsDir);
    }

    boolean local() {
        return LOCAL.matcher(master).matches();
    }

    /**
     * The plugins folder executors read: the driver's own on a local master (same machine); none on a
     * cluster, where the folder's jars are shipped and found on the executors' class path instead.
     */
    String executorPluginsDir() {
        return local() && pluginsDir != null ? pluginsDir.toAbsolutePath().toString() : null;
    }

    SparkConf conf(String appName) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.task.maxFailures", "4");
        if (local()) {
            // everything is in this JVM: no network name lookups, nothing reachable from outside
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            Set<String> jars = new LinkedHashSet<>(List.of(conf.get("spark.jars", "").split(",")));
            jars.remove("");
            ShippedJars.of(pluginsDir).forEach(jar -> jars.add(jar.toUri().toString()));
            conf.set("spark.jars", String.join(",", new ArrayList<>(jars)));
        }
        return conf;
    }
}
