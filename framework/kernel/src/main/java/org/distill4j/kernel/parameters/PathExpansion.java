package org.distill4j.kernel.parameters;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a path parameter's text into an absolute path: {@code ${NAME}} references are replaced by environment
 * variables, and a relative result resolves against the base directory (the descriptor's directory).
 */
final class PathExpansion {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * The outcome: the absolute path, or the problems that prevent it.
     *
     * @param path     the absolute, normalised path; null when there are problems
     * @param problems what went wrong, without a location
     */
    record Expanded(String path, List<String> problems) {
        Expanded {
            problems = List.copyOf(problems);
        }
    }

    private final Map<String, String> environment;

    PathExpansion(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    Expanded expand(String text, Path baseDirectory) {
        List<String> problems = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null) {
                problems.add("environment variable " + matcher.group(1) + " (in '" + text
                        + "') is not set; set it or write the path out");
                value = "";
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        if (!problems.isEmpty()) {
            return new Expanded(null, problems);
        }
        try {
            return new Expanded(baseDirectory.toAbsolutePath().resolve(expanded.toString()).normalize().toString(), List.of());
        } catch (InvalidPathException e) {
            return new Expanded(null, List.of("'" + expanded + "' is not a valid path: " + e.getReason()));
        }
    }
}
