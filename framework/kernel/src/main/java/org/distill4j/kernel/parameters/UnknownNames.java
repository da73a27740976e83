package org.distill4j.kernel.parameters;

import org.distill4j.kernel.plugin.Suggestions;

import java.util.List;

/** What problems say about a name that is none of the known ones (a key, an enum constant): the closest, and all. */
final class UnknownNames {

    /** A key the record does not have. */
    static String unknownKey(String key, List<String> known) {
        if (known.isEmpty()) {
            return "unknown key '" + key + "'; nothing may be given here (it takes no parameters)";
        }
        return "unknown key '" + key + "'" + didYouMean(key, known) + "; known keys: " + String.join(", ", known);
    }

    /** A string that names none of an enum's constants. */
    static String invalidConstant(String given, List<String> names) {
        return "'" + given + "' is not valid" + didYouMean(given, names) + "; expected one of: "
                + String.join(", ", names);
    }

    private static String didYouMean(String given, List<String> candidates) {
        return Suggestions.closest(given, candidates).map(close -> " (did you mean '" + close + "'?)").orElse("");
    }

    private UnknownNames() {
    }
}
