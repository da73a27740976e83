package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StrictYamlTest {

    @Test
    void readsMapsListsAndScalars() {
        JsonNode tree = StrictYaml.read("a: 1\nb: [0.5, 1e-3]\nc: {d: text, e: true}\nf: 99999999999\n").tree().orElseThrow();

        assertThat(tree.get("a").isInt()).isTrue();
        assertThat(tree.get("b").get(0).doubleValue()).isEqualTo(0.5);
        assertThat(tree.get("b").get(1).doubleValue()).isEqualTo(1e-3);
        assertThat(tree.get("c").get("d").textValue()).isEqualTo("text");
        assertThat(tree.get("c").get("e").booleanValue()).isTrue();
        assertThat(tree.get("f").longValue()).isEqualTo(99999999999L);
    }

    @Test
    void everyDuplicateKeyIsReportedWithBothLines() {
        YamlDocument document = StrictYaml.read("training:\n  epochs: 2\n  epochs: 3\nseeds: [1]\nseeds: [2]\n");

        assertThat(document.tree()).isEmpty();
        assertThat(document.problems()).containsExactly(
                new Problem("training.epochs", "line 3: key 'epochs' is given twice (first on line 2); keep one"),
                new Problem("seeds", "line 5: key 'seeds' is given twice (first on line 4); keep one"));
    }

    @Test
    void aCustomTagIsAnErrorWhereYamlsOwnTagsAreRead() {
        YamlDocument tagged = StrictYaml.read("model:\n  hidden: !wide [8]\n");
        YamlDocument core = StrictYaml.read("a: !!int 3\nb: !!str 4\n");

        assertThat(tagged.tree()).isEmpty();
        assertThat(tagged.problems()).containsExactly(new Problem("model.hidden", "line 2, column 11: unknown YAML"
                + " tag '!wide'; descriptors hold plain maps, lists, strings, numbers and booleans: remove the tag"));
        assertThat(core.tree().orElseThrow().get("a").intValue()).isEqualTo(3);
        assertThat(core.tree().orElseThrow().get("b").textValue()).isEqualTo("4");
    }

    @Test
    void notANumberAndInfinityAreOutOfRangeWithTheirPath() {
        YamlDocument document = StrictYaml.read("params: {temperature: .nan}\nrates: [1.0, -.inf, .Inf]\n");

        assertThat(document.tree()).isEmpty();
        assertThat(document.problems()).extracting(Problem::path).containsExactly("params.temperature", "rates[1]",
                "rates[2]");
        assertThat(document.problems().get(0).message()).endsWith("'.nan' is out of range: every number of a"
                + " descriptor is finite");
    }

    @Test
    void onlyTrueAndFalseAreBooleans() {
        JsonNode tree = StrictYaml.read("a: yes\nb: on\nc: 'true'\nd: false\ne: True\n").tree().orElseThrow();

        assertThat(tree.get("a").textValue()).isEqualTo("yes");
        assertThat(tree.get("b").textValue()).isEqualTo("on");
        assertThat(tree.get("c").textValue()).isEqualTo("true");
        assertThat(tree.get("d").isBoolean()).isTrue();
        assertThat(tree.get("e").booleanValue()).isTrue();
    }

    @Test
    void anEmptyValueIsNullAndAnEmptyQuotedStringIsEmpty() {
        JsonNode tree = StrictYaml.read("a:\nb: ''\nc: ~\n").tree().orElseThrow();

        assertThat(tree.get("a").isNull()).isTrue();
        assertThat(tree.get("b").textValue()).isEmpty();
        assertThat(tree.get("c").isNull()).isTrue();
    }

    @Test
    void syntaxErrorsSayWhere() {
        YamlDocument document = StrictYaml.read("a: [1, 2\nb: 3\n");

        assertThat(document.problems()).hasSize(1);
        assertThat(document.problems().get(0).message()).startsWith("line ").contains("invalid YAML");
    }

    @Test
    void aSecondDocumentIsAProblem() {
        assertThat(StrictYaml.read("a: 1\n---\nb: 2\n").problems()).singleElement()
                .extracting(Problem::message).asString().contains("a second YAML document");
    }

    @Test
    void anEmptyTextHasNoTreeAndNoProblem() {
        YamlDocument document = StrictYaml.read("");

        assertThat(document.tree()).isEmpty();
        assertThat(document.problems()).isEmpty();
    }

    @Test
    void aMissingFileIsAProblem(@TempDir Path directory) {
        assertThat(StrictYaml.read(directory.resolve("absent.yaml")).problems()).singleElement()
                .extracting(Problem::message).asString().startsWith("no such file");
    }

    @Test
    void readsFiles(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("x.yaml"), "a: 1\n");

        assertThat(StrictYaml.read(file).tree().orElseThrow().get("a").intValue()).isEqualTo(1);
    }
}
