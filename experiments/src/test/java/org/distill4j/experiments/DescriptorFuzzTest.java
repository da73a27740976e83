package org.distill4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.distill4j.api.Problem;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorFiles;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates the committed descriptors (seeded: the same mutants every run) and checks that each one is either valid or
 * rejected with problems that say where, never an exception: what a user's typo or bad value meets.
 */
class DescriptorFuzzTest {

    private static final int MUTANTS = 320;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values a mutation puts in place of another: wrong types, boundaries, overflows, emptiness. */
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.textNode(""), NODES.textNode("text"),
            NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(1e308), NODES.numberNode(0.5),
            NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
            NODES.arrayNode().add(1).add("a"), NODES.objectNode().put("x", 1), NODES.numberNode(Long.MAX_VALUE));

    @TempDir
    Path copy;

    @Test
    void everyMutantIsValidOrRejectedWithProblemsThatSayWhere() throws IOException {
        Path experiments = Path.of("").toAbsolutePath();
        List<Path> descriptors = DescriptorFiles.find(experiments);
        // Mutants are written beside copies of the descriptors, so that relative teacher references still resolve.
        for (Path descriptor : descriptors) {
            Path target = copy.resolve(experiments.relativize(descriptor));
            Files.createDirectories(target.getParent());
            Files.copy(descriptor, target);
        }
        DescriptorParser parser = Kernel.start().getInstance(DescriptorParser.class);
        Random random = new Random(20);
        int valid = 0;
        int rejected = 0;
        for (int i = 0; i < MUTANTS; i++) {
            Path original = descriptors.get(random.nextInt(descriptors.size()));
            JsonNode tree = YAML.readTree(original.toFile());
            String mutation = mutate(tree, random);
            Path mutant = copy.resolve(experiments.relativize(original)).resolveSibling("mutant-" + i + ".yaml");
            Files.writeString(mutant, YAML.writeValueAsString(tree));
            String label = "mutant " + i + " of " + experiments.relativize(original) + " (" + mutation + ")";

            List<Problem> problems = parser.validate(mutant);

            if (problems.isEmpty()) {
                valid++;
            } else {
                rejected++;
                assertThat(problems).as(label).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
                assertThat(problems).as(label + ": a problem names its path or line").anySatisfy(problem ->
                        assertThat(!problem.path().isEmpty() || problem.message().startsWith("line ")).isTrue());
            }
            Files.delete(mutant);
        }
        assertThat(valid + rejected).isEqualTo(MUTANTS);
        assertThat(rejected).as("most mutants break something").isGreaterThan(MUTANTS / 2);
    }

    /** One random edit of the tree, described for messages. */
    private static String mutate(JsonNode root, Random random) {
        List<Location> locations = new ArrayList<>();
        collect(root, "", locations);
        Location at = locations.get(random.nextInt(locations.size()));
        int kind = random.nextInt(4);
        if (at.parent() instanceof ObjectNode object) {
            switch (kind) {
                case 0:
                    object.remove(at.key());
                    return "removed " + at.path();
                case 1:
                    JsonNode value = object.remove(at.key());
                    object.set(typo(at.key(), random), value);
                    return "misspelled " + at.path();
                case 2:
                    object.put("unknown-" + random.nextInt(100), 1);
                    return "added an unknown key beside " + at.path();
                default:
                    JsonNode replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
                    object.set(at.key(), replacement.deepCopy());
                    return at.path() + " = " + replacement;
            }
        }
        ArrayNode array = (ArrayNode) at.parent();
        if (kind == 0 && array.size() > 0) {
            array.remove(at.index());
            return "removed " + at.path();
        }
        JsonNode replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
        array.set(at.index(), replacement.deepCopy());
        return at.path() + " = " + replacement;
    }

    private static String typo(String key, Random random) {
        if (key.length() < 2) {
            return key + "x";
        }
        int i = random.nextInt(key.length() - 1);
        char[] letters = key.toCharArray();
        char swapped = letters[i];
        letters[i] = letters[i + 1];
        letters[i + 1] = swapped;
        String typo = new String(letters);
        return typo.equals(key) ? key + "x" : typo;
    }

    private static void collect(JsonNode node, String path, List<Location> locations) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                locations.add(new Location(object, field.getKey(), -1, child));
                collect(field.getValue(), child, locations);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = path + "[" + i + "]";
                locations.add(new Location(array, null, i, child));
                collect(array.get(i), child, locations);
            }
        }
    }

    /** A place in the tree: a key of an object or an index of an array, and its path for messages. */
    private record Location(JsonNode parent, String key, int index, String path) {
    }
}
