package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileMergeTest {

    private static ObjectNode yaml(String text) {
        return (ObjectNode) StrictYaml.read(text).tree().orElseThrow();
    }

    @Test
    void mapsMergeListsAndScalarsReplaceAndNullRemoves() {
        ObjectNode base = yaml("a: {b: 1, c: [1, 2], d: {e: 1}}\nf: x\ng: 1\n");
        ObjectNode overlay = yaml("a: {c: [3], d: {h: 2}}\nf: {now: map}\ng: ~\ni: new\n");

        assertThat(ProfileMerge.merge(base, overlay)).isEqualTo(
                yaml("a: {b: 1, c: [3], d: {e: 1, h: 2}}\nf: {now: map}\ni: new\n"));
        assertThat(base).isEqualTo(yaml("a: {b: 1, c: [1, 2], d: {e: 1}}\nf: x\ng: 1\n"));
    }

    @Test
    void problemPathsSplitIntoKeysAndIndices() {
        assertThat(ProblemPaths.segments("distillers[1].params.hidden[0]"))
                .isEqualTo(List.of("distillers", 1, "params", "hidden", 0));
        assertThat(ProblemPaths.segments("teacher.experiment(../t.yaml).training"))
                .isEqualTo(List.of("teacher", "experiment(../t.yaml)", "training"));
        assertThat(ProblemPaths.segments("")).isEmpty();
        assertThat(ProblemPaths.prefixed("profiles.quick", "seeds[0]")).isEqualTo("profiles.quick.seeds[0]");
        assertThat(ProblemPaths.prefixed("a", "")).isEqualTo("a");
    }
}
