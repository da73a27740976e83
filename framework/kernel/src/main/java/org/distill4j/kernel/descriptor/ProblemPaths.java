package org.distill4j.kernel.descriptor;

import java.util.ArrayList;
import java.util.List;

/** Problem paths ({@code distillers[1].params.hidden[0]}): prefixing them and taking them apart. */
final class ProblemPaths {

    /** A path below a prefix: {@code teacher.experiment(t.yaml)} and {@code training.epochs} join with a dot. */
    static String prefixed(String prefix, String path) {
        if (path.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() || path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    /**
     * The keys (strings) and indices (integers) of a path. Text in parentheses, such as a teacher file name with
     * dots in it, stays part of its key.
     */
    static List<Object> segments(String path) {
        List<Object> segments = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (depth == 0 && (c == '.' || c == '[')) {
                if (key.length() > 0) {
                    segments.add(key.toString());
                    key.setLength(0);
                }
                if (c == '[') {
                    int end = path.indexOf(']', i);
                    segments.add(Integer.parseInt(path.substring(i + 1, end)));
                    i = end;
                }
            } else {
                key.append(c);
            }
        }
        if (key.length() > 0) {
            segments.add(key.toString());
        }
        return List.copyOf(segments);
    }

    private ProblemPaths() {
    }
}
