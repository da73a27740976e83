package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.kernel.parameters.ExampleParameters.Everything;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterTreesTest {

    private static final Path BASE = Path.of("/experiments").toAbsolutePath();
    private final ParameterBinder binder = new ParameterBinder(Map.of());

    @Test
    void toTreeWritesEveryValueWithKebabKeysInComponentOrder() {
        Everything bound = binder.bind(Yaml.tree("epochs: 2\nmode: best-validation"), Everything.class, "p", BASE)
                .orElseThrow();

        ObjectNode tree = binder.toTree(bound);

        List<String> keys = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("temperature", "weight-decay", "epochs", "hidden", "mode", "verbose", "steps",
                "note", "directory", "layers", "head");
        assertThat(tree.get("mode").textValue()).isEqualTo("best-validation");
        assertThat(tree.get("note").isNull()).isTrue();
        assertThat(tree.get("temperature").isDouble()).isTrue();
        assertThat(tree.get("head").toString()).isEqualTo("{\"width\":10,\"dropout\":0.0}");
    }

    @Test
    void equalValuesWrittenDifferentlyGiveEqualTrees() {
        String[] spellings = {"weight-decay: 0.1", "weight-decay: 1e-1", "weight-decay: 1.0e-1", "weight-decay: .1"};
        ObjectNode first = tree("epochs: 1\n" + spellings[0]);
        for (String spelling : spellings) {
            assertThat(tree("epochs: 1\n" + spelling)).isEqualTo(first);
        }
        assertThat(tree("epochs: 1\ntemperature: 1").toString()).isEqualTo(tree("epochs: 1\ntemperature: 1.0").toString());
        assertThat(tree("epochs: 1\ntemperature: 1").get("temperature").toString()).isEqualTo("1.0");
    }

    private ObjectNode tree(String yaml) {
        return binder.bind(Yaml.tree(yaml), Everything.class, "p", BASE).canonicalTree();
    }
}
