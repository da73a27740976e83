package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Merges a profile over a descriptor: maps merge key by key, recursively; lists and scalars replace; a null in the
 * profile removes the key (so a profile can, say, replace {@code distiller} by {@code distillers}).
 */
final class ProfileMerge {

    /** A new tree: the base with the overlay merged in. Neither argument is changed. */
    static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode merged = base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> entries = overlay.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode replacement = entry.getValue();
            JsonNode current = merged.get(entry.getKey());
            if (replacement.isNull()) {
                merged.remove(entry.getKey());
            } else if (replacement.isObject() && current != null && current.isObject()) {
                merged.set(entry.getKey(), merge((ObjectNode) current, (ObjectNode) replacement));
            } else {
                merged.set(entry.getKey(), replacement.deepCopy());
            }
        }
        return merged;
    }

    private ProfileMerge() {
    }
}
