package org.distill4j.cli.spark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a sweep runs on Spark.
 *
 * @param master   Spark's master URL: {@code local[N]}, {@code spark://host:port}, {@code yarn}, {@code k8s://...}
 * @param taskCpus cores per run: {@code spark.task.cpus}, and the run's OpenMP threads
 * @param taskGpus GPUs per run: {@code spark.task.resource.gpu.amount} (0 for none)
 * @param conf     further Spark settings, passed to spark-submit as {@code --conf key=value}
 * @param sharedResults the Hadoop URI of a shared result store ({@code hdfs://}, {@code s3a://}), when the executors
 *                      share no folder with the sweep
 */
public record SparkSettings(String master, int taskCpus, double taskGpus, Map<String, String> conf,
                            Optional<String> sharedResults) {

    /** The driver's setting for the shared store (org.distill4j.spark.SparkSweepDriver). */
    static final String SHARED_RESULTS = "spark.distill4j.shared-results";
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    /** Spark settings the sweep owns: set through its own options, or fixed for correctness. */
    private static final Map<String, String> OWNED = Map.of(
            "spark.master", "--master",
            "spark.task.cpus", "--task-cpus",
            "spark.task.resource.gpu.amount", "--task-gpus",
            "spark.submit.deployMode", "nothing: the sweep's driver runs in client mode, beside the sweep",
            SHARED_RESULTS, "--shared-results");

    public SparkSettings {
        Objects.requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("--master is empty: give local[N], spark://host:port, yarn or"
                    + " k8s://https://host:port");
        }
        if (taskCpus < 1) {
            throw new IllegalArgumentException("--task-cpus must be at least 1, got " + taskCpus);
        }
        if (taskGpus < 0) {
            throw new IllegalArgumentException("--task-gpus must be 0 or more, got " + taskGpus);
        }
        conf = Map.copyOf(conf);
        Objects.requireNonNull(sharedResults, "sharedResults");
        sharedResults.filter(uri -> !URI.matcher(uri).matches()).ifPresent(uri -> {
            throw new IllegalArgumentException("--shared-results takes a Hadoop URI (hdfs://namenode:8020/path,"
                    + " s3a://bucket/path, file:///path), got '" + uri + "'; a folder every executor mounts is"
                    + " given as --results instead");
        });
        for (String key : conf.keySet()) {
            if (OWNED.containsKey(key)) {
                throw new IllegalArgumentException("--spark-conf " + key + " is set by the sweep; use "
                        + OWNED.get(key));
            }
        }
        // Two attempts of one run at once would both write its directory: the run store's lock would hold the
        // second back, but the duplicate would only waste a slot.
        if ("true".equals(conf.getOrDefault("spark.speculation", "false").toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--spark-conf spark.speculation=true is not supported: a speculative"
                    + " copy of a run would wait on the run's lock while the first attempt trains");
        }
    }

    /** Parses {@code key=value} settings. */
    public static Map<String, String> parseConf(Iterable<String> settings) {
        Map<String, String> conf = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--spark-conf takes key=value, e.g. spark.executor.memory=4g; got '"
                        + setting + "'");
            }
            conf.put(setting.substring(0, equals).trim(), setting.substring(equals + 1));
        }
        return conf;
    }

    /** Whether Spark runs inside the driver's JVM ({@code local}, {@code local[N]}, {@code local[N,F]}). */
    public boolean isLocal() {
        return master.equals("local") || master.startsWith("local[");
    }

    /** Every {@code --conf} the driver is started with. */
    public Map<String, String> submittedConf() {
        Map<String, String> submitted = new LinkedHashMap<>();
        submitted.put("spark.task.cpus", Integer.toString(taskCpus));
        if (taskGpus > 0) {
            submitted.put("spark.task.resource.gpu.amount", Double.toString(taskGpus));
        }
        submitted.put("spark.speculation", "false");
        sharedResults.ifPresent(uri -> submitted.put(SHARED_RESULTS, uri));
        submitted.putAll(conf);
        return submitted;
    }
}
