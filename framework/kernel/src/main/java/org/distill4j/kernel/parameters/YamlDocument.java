package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.Problem;

import java.util.List;
import java.util.Optional;

/**
 * A parsed YAML document: its tree, or the problems that stopped it being read.
 *
 * @param tree     the document's root; empty when there are problems or the document is empty
 * @param problems what is wrong with the text (syntax errors, duplicate keys), each with its line and column
 */
public record YamlDocument(Optional<JsonNode> tree, List<Problem> problems) {

    public YamlDocument {
        problems = List.copyOf(problems);
        if (!problems.isEmpty() && tree.isPresent()) {
            throw new IllegalArgumentException("a document with problems has no tree");
        }
    }
}
