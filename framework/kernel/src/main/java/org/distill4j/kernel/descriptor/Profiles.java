package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.NodeDescriptions;
import org.distill4j.kernel.plugin.Suggestions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code profiles} section of a descriptor: named partial descriptors, each a map merged over the base by
 * {@link ProfileMerge}. Profile names are recorded in results, so they follow the experiment id's rules.
 */
final class Profiles {

    static final String KEY = "profiles";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<String, ObjectNode> overlays;
    private final List<Problem> problems;

    private Profiles(Map<String, ObjectNode> overlays, List<Problem> problems) {
        this.overlays = overlays;
        this.problems = List.copyOf(problems);
    }

    /** The profiles of a descriptor's root map, and what is wrong with them. */
    static Profiles of(ObjectNode root) {
        Map<String, ObjectNode> overlays = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode section = root.get(KEY);
        if (section == null || section.isNull()) {
            return new Profiles(overlays, problems);
        }
        if (!section.isObject()) {
            problems.add(new Problem(KEY, "expected a map of profile names to partial descriptors, such as"
                    + " {quick: {training: {epochs: 2}}}, got " + NodeDescriptions.of(section)));
            return new Profiles(overlays, problems);
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = section.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = KEY + "." + entry.getKey();
            if (!NAME.matcher(entry.getKey()).matches()) {
                problems.add(new Problem(path, "'" + entry.getKey() + "' is not a valid profile name: use lower-case"
                        + " letters, digits and hyphens, starting with a letter or digit"));
            } else if (!entry.getValue().isObject()) {
                problems.add(new Problem(path, "expected a map (a partial descriptor merged over this one), got "
                        + NodeDescriptions.of(entry.getValue())));
            } else if (entry.getValue().has(KEY)) {
                problems.add(new Problem(path + "." + KEY, "a profile cannot define profiles"));
            } else {
                overlays.put(entry.getKey(), (ObjectNode) entry.getValue());
            }
        }
        return new Profiles(overlays, problems);
    }

    /** The valid profiles' names, in the order written. */
    List<String> names() {
        return List.copyOf(overlays.keySet());
    }

    List<Problem> problems() {
        return problems;
    }

    Optional<ObjectNode> overlay(String name) {
        return Optional.ofNullable(overlays.get(name));
    }

    /** The problem of asking for a profile the descriptor does not have. */
    Problem missing(String name) {
        if (overlays.isEmpty()) {
            return new Problem(KEY, "no profile '" + name + "': this descriptor has no profiles");
        }
        String closest = Suggestions.closest(name, overlays.keySet()).map(close -> " (did you mean '" + close + "'?)")
                .orElse("");
        return new Problem(KEY, "no profile '" + name + "'" + closest + "; this descriptor has: "
                + String.join(", ", overlays.keySet()));
    }
}
