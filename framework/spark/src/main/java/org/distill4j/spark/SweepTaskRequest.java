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
 * @param logFile          the job's log, on storage the executors share; the task appends to it
 * @param workingDirectory the job's working directory when the executor sees it (a shared checkout), else ignored
 * @param environment      variables to set for the job besides the task's thread count
 * @param command          everything after {@code java}: JVM arguments, class path, main class, its arguments
 */
public record SweepTaskRequest(String id, String label, String logFile, String workingDirectory,
                               Map<String, String> environment, List<String> command) implements Serializable {

    private static final String VERB = "run";

    public SweepTaskRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        // Serializable copies: Spark ships the request to the executor.
        environment = new LinkedHashMap<>(environment);
        command = new ArrayList<>(command);
    }

    /** The request as one protocol line: run, id, label, log, working directory, variable count, variables, command. */
    public String toLine() {
        List<String> fields = new ArrayList<>(List.of(VERB, id, label, logFile, workingDirectory,
                Integer.toString(environment.size())));
        environment.forEach((name, value) -> fields.add(name + "=" + value));
        fields.addAll(command);
        return ProtocolLine.encode(fields);
    }

    /** Reads a request line; {@link IllegalArgumentException} says what is malformed. */
    public static SweepTaskRequest fromLine(String line) {
        List<String> fields = ProtocolLine.decode(line);
        if (fields.size() < 6 || !fields.get(0).equals(VERB)) {
            throw new IllegalArgumentException("not a run request (run, id, label, log, directory, variables,"
                    + " command): " + line);
        }
        int variables;
        try {
            variables = Integer.parseInt(fields.get(5));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a run request's sixth field counts its variables, got '"
                    + fields.get(5) + "'", e);
        }
        if (variables < 0 || fields.size() < 6 + variables + 1) {
            throw new IllegalArgumentException("a run request with " + variables + " variables and no command: "
                    + line);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : fields.subList(6, 6 + variables)) {
            int equals = variable.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a variable is NAME=VALUE, got '" + variable + "'");
            }
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return new SweepTaskRequest(fields.get(1), fields.get(2), fields.get(3), fields.get(4), environment,
                fields.subList(6 + variables, fields.size()));
    }
}
