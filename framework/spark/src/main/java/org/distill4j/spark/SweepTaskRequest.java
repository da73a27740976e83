package org.distill4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sweep job as a Spark task runs it: a JVM to start on the executor, with the executor's own {@code java}.
 *
 * @param id               the run's key, {@code <experiment>/<hash12>/seed-<n>}, unique within a sweep
 * @param label            how the sweep names the run ({@code hinton2015/kd-t4 seed 2}); the Spark job's name
 * @param logFile          the job's log in the sweep's results folder; the task appends to it when it sees it
 * @param workingDirectory the job's working directory when the executor sees it (a shared checkout), else ignored
 * @param results          the results folder the command names ({@code --results}); on a shared store the task puts
 *                         its local staging folder in its place
 * @param run              the run's folder relative to the results folder
 * @param chain            the folders of the runs it reads (teachers, sources), relative to the results folder
 * @param environment      variables to set for the job besides the task's thread count
 * @param command          everything after {@code java}: JVM arguments, class path, main class, its arguments
 * @param sharedResults    the Hadoop URI of the shared result store, or empty when the results folder is shared
 * @param hadoop           Hadoop settings for the shared store (the driver's {@code spark.hadoop.*})
 */
public record SweepTaskRequest(String id, String label, String logFile, String workingDirectory, String results,
                               String run, List<String> chain, Map<String, String> environment, List<String> command,
                               String sharedResults, Map<String, String> hadoop) implements Serializable {

    private static final String VERB = "run";

    public SweepTaskRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(sharedResults, "sharedResults");
        // Serializable copies: Spark ships the request to the executor.
        chain = new ArrayList<>(chain);
        environment = new LinkedHashMap<>(environment);
        command = new ArrayList<>(command);
        hadoop = new LinkedHashMap<>(hadoop);
    }

    /** The same request on a shared store, as the driver sends it to the executors. */
    public SweepTaskRequest onStore(String uri, Map<String, String> settings) {
        return new SweepTaskRequest(id, label, logFile, workingDirectory, results, run, chain, environment, command,
                uri, settings);
    }

    /**
     * The request as one protocol line: run, id, label, log, working directory, results, run folder, the number of
     * chain folders, the chain folders, the number of variables, the variables, the command. The shared store and its
     * settings are the driver's, not the sweep's, and are not part of the line.
     */
    public String toLine() {
        List<String> fields = new ArrayList<>(List.of(VERB, id, label, logFile, workingDirectory, results, run,
                Integer.toString(chain.size())));
        fields.addAll(chain);
        fields.add(Integer.toString(environment.size()));
        environment.forEach((name, value) -> fields.add(name + "=" + value));
        fields.addAll(command);
        return ProtocolLine.encode(fields);
    }

    /** Reads a request line; {@link IllegalArgumentException} says what is malformed. */
    public static SweepTaskRequest fromLine(String line) {
        List<String> fields = ProtocolLine.decode(line);
        if (fields.size() < 8 || !fields.get(0).equals(VERB)) {
            throw new IllegalArgumentException("not a run request (run, id, label, log, directory, results, run"
                    + " folder, chain, variables, command): " + line);
        }
        int chainSize = count(fields, 7, "chain folders");
        int variablesAt = 8 + chainSize;
        int variables = count(fields, variablesAt, "variables");
        int commandAt = variablesAt + 1 + variables;
        if (fields.size() <= commandAt) {
            throw new IllegalArgumentException("a run request without a command: " + line);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : fields.subList(variablesAt + 1, commandAt)) {
            int equals = variable.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a variable is NAME=VALUE, got '" + variable + "'");
            }
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return new SweepTaskRequest(fields.get(1), fields.get(2), fields.get(3), fields.get(4), fields.get(5),
                fields.get(6), fields.subList(8, variablesAt), environment, fields.subList(commandAt, fields.size()),
                "", Map.of());
    }

    private static int count(List<String> fields, int index, String what) {
        if (fields.size() <= index) {
            throw new IllegalArgumentException("a run request ends before its number of " + what);
        }
        try {
            int count = Integer.parseInt(fields.get(index));
            if (count < 0 || fields.size() <= index + count) {
                throw new IllegalArgumentException("a run request counts " + count + " " + what + " but holds"
                        + " fewer");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a run request's field " + (index + 1) + " counts its " + what
                    + ", got '" + fields.get(index) + "'", e);
        }
    }
}
