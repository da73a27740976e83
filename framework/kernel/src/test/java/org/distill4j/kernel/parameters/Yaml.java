package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;

/** Test helper: YAML text to a tree, failing the test on YAML problems. */
final class Yaml {

    static JsonNode tree(String text) {
        YamlDocument document = StrictYaml.read(text);
        if (!document.problems().isEmpty()) {
            throw new AssertionError("bad test YAML: " + document.problems());
        }
        return document.tree().orElse(null);
    }

    private Yaml() {
    }
}
