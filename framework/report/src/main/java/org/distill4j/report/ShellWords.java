package org.distill4j.report;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Command lines shown in outputs, quoted so that they can be pasted into a POSIX shell. */
public final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/=:,+-]+");

    public static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    public static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private ShellWords() {
    }
}
