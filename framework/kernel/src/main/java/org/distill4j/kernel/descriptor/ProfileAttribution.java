package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;

import java.util.List;

/**
 * Points problems of a descriptor merged with a profile at the text to fix: a problem at a value the profile
 * wrote moves under {@code profiles.<name>}; any other problem keeps its path and names the profile.
 */
final class ProfileAttribution {

    static List<Problem> attribute(List<Problem> problems, String profile, ObjectNode overlay) {
        return problems.stream().map(problem -> attribute(problem, profile, overlay)).toList();
    }

    private static Problem attribute(Problem problem, String profile, ObjectNode overlay) {
        if (writtenByProfile(overlay, ProblemPaths.segments(problem.path()))) {
            return new Problem(ProblemPaths.prefixed(Profiles.KEY + "." + profile, problem.path()), problem.message());
        }
        return new Problem(problem.path(), problem.message() + " (with profile '" + profile + "')");
    }

    // The profile wrote the value at the path, or a list or scalar that replaced one of its ancestors.
    private static boolean writtenByProfile(ObjectNode overlay, List<Object> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        JsonNode node = overlay;
        for (Object segment : segments) {
            if (!node.isContainerNode()) {
                return true;
            }
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
            if (node == null) {
                return false;
            }
        }
        return true;
    }

    private ProfileAttribution() {
    }
}
