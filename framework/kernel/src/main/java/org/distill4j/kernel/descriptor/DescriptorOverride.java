package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.kernel.parameters.StrictYaml;
import org.distill4j.kernel.parameters.YamlDocument;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value set on a descriptor after its profile, at a dotted path such as {@code distiller.params.temperature}:
 * how a table column or a sweep varies one parameter of a descriptor without a file per value. The overridden
 * descriptor is validated like any other, and the value is part of its identity.
 *
 * @param path  dotted keys into the descriptor's maps
 * @param value the value, as YAML would give it
 */
public record DescriptorOverride(String path, JsonNode value) {

    private static final Pattern PATH = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    public DescriptorOverride {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("override path '" + path
                    + "' must be dotted kebab-case keys, e.g. distiller.params.temperature");
        }
        if (path.equals("experiment") || path.startsWith("profiles") || path.startsWith("seeds")) {
            throw new IllegalArgumentException("override path '" + path
                    + "' cannot be overridden: an override varies a parameter of one experiment");
        }
    }

    /** Parses {@code path=value}, the value written as YAML ({@code 20}, {@code [800, 800]}, {@code paper}). */
    public static DescriptorOverride parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("override '" + text + "' must be written path=value, e.g. "
                    + "distiller.params.temperature=20");
        }
        YamlDocument value = StrictYaml.read(text.substring(equals + 1));
        if (!value.problems().isEmpty() || value.tree().isEmpty()) {
            throw new IllegalArgumentException("override '" + text + "': the value is not YAML"
                    + (value.problems().isEmpty() ? "" : ": " + value.problems().get(0).message()));
        }
        return new DescriptorOverride(text.substring(0, equals), value.tree().get());
    }

    /** Sets the value in a descriptor tree, creating the maps on the way. */
    void applyTo(ObjectNode descriptor) {
        String[] keys = path.split("\\.");
        ObjectNode node = descriptor;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (!(child instanceof ObjectNode object)) {
                ObjectNode created = JsonNodeFactory.instance.objectNode();
                node.set(keys[i], created);
                node = created;
            } else {
                node = object;
            }
        }
        node.set(keys[keys.length - 1], value.deepCopy());
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }
}
