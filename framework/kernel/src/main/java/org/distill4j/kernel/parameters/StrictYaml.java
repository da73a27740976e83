package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.distill4j.api.Problem;
import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML into a Jackson tree, strictly.
 *
 * <ul>
 *   <li>A key given twice in one map is an error (reported with both lines), where plain Jackson keeps the last.</li>
 *   <li>Only {@code true} and {@code false} (YAML 1.2) are booleans; {@code yes}, {@code no}, {@code on} and
 *       {@code off} stay strings, so that a string parameter can be {@code on} and a boolean parameter rejects it.</li>
 *   <li>An empty value ({@code key:}) is null; an empty quoted string ({@code key: ''}) is the empty string.</li>
 *   <li>A file holds one document.</li>
 *   <li>A tag other than YAML's own ({@code !!int}, {@code !!str}, ...) is an error: plain Jackson ignores
 *       {@code !custom} tags, so the value would be read as if the tag were not there.</li>
 *   <li>{@code .nan} and {@code .inf} (YAML floats) are out of range: every number of a descriptor is finite.</li>
 * </ul>
 */
public final class StrictYaml {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");
    private static final String CORE_TAGS = "tag:yaml.org,2002:";
    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(nan|NaN|NAN|inf|Inf|INF)");

    /** Parses YAML text. */
    public static YamlDocument read(String text) {
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlDocument(Optional.empty(), List.of());
            }
            JsonNode tree = new TreeReader(parser, problems).read(Location.root(""));
            if (parser.nextToken() != null) {
                problems.add(new Problem("", at(parser.currentTokenLocation())
                        + "a second YAML document starts here; a file holds one document"));
            }
            return problems.isEmpty() ? new YamlDocument(Optional.of(tree), List.of()) : new YamlDocument(Optional.empty(), problems);
        } catch (JsonProcessingException e) {
            problems.add(new Problem("", syntaxError(e)));
            return new YamlDocument(Optional.empty(), problems);
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string failed", e);
        }
    }

    /** Reads and parses a UTF-8 YAML file; an unreadable file is a problem, not an exception. */
    public static YamlDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return failure("no such file: " + file);
        } catch (CharacterCodingException e) {
            return failure(file + " is not UTF-8 text");
        } catch (IOException e) {
            return failure("cannot read " + file + ": " + FileErrors.describe(e));
        }
        return read(text);
    }

    private static YamlDocument failure(String message) {
        return new YamlDocument(Optional.empty(), List.of(new Problem("", message)));
    }

    private static String at(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    // SnakeYAML's messages span several lines with a source excerpt and a caret; keep the sentences and the
    // position of the problem (the last mark in the message), on one line.
    private static String syntaxError(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
        String[] lines = original.split("\n");
        List<String> sentences = new ArrayList<>();
        String position = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher mark = MARK.matcher(line);
            boolean excerpt = i + 1 < lines.length && lines[i + 1].trim().equals("^");
            if (line.trim().startsWith("in '") && mark.find()) {
                position = "line " + mark.group(1) + ", column " + mark.group(2) + ": ";
            } else if (!line.isBlank() && !line.trim().equals("^") && !excerpt) {
                sentences.add(line.trim());
            }
        }
        if (position == null && e.getLocation() != null) {
            position = at(e.getLocation());
        }
        return (position == null ? "" : position) + "invalid YAML: " + String.join("; ", sentences);
    }

    /** Builds the tree token by token, which is what lets it see duplicate keys and the text of booleans. */
    private static final class TreeReader {

        private final JsonParser parser;
        private final List<Problem> problems;

        TreeReader(JsonParser parser, List<Problem> problems) {
            this.parser = parser;
            this.problems = problems;
        }

        /** Reads the value whose first token is the current one. */
        JsonNode read(Location at) throws IOException {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            JsonToken token = parser.currentToken();
            Object tag = parser.getTypeId();
            if (tag != null && !tag.toString().startsWith(CORE_TAGS)) {
                problems.add(new Problem(at.text(), at(parser.currentTokenLocation()) + "unknown YAML tag '!" + tag
                        + "'; descriptors hold plain maps, lists, strings, numbers and booleans: remove the tag"));
            }
            switch (token) {
                case START_OBJECT:
                    return readMap(at);
                case START_ARRAY:
                    return readList(at);
                case VALUE_STRING:
                    return nodes.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    switch (parser.getNumberType()) {
                        case INT:
                            return nodes.numberNode(parser.getIntValue());
                        case LONG:
                            return nodes.numberNode(parser.getLongValue());
                        default:
                            return nodes.numberNode(parser.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT:
                    if (NOT_FINITE.matcher(parser.getText()).matches()) {
                        problems.add(new Problem(at.text(), at(parser.currentTokenLocation()) + "'" + parser.getText()
                                + "' is out of range: every number of a descriptor is finite"));
                        return nodes.nullNode();
                    }
                    return nodes.numberNode(parser.getDoubleValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    String text = parser.getText();
                    return BOOLEANS.contains(text) ? nodes.booleanNode(token == JsonToken.VALUE_TRUE) : nodes.textNode(text);
                case VALUE_NULL:
                    return nodes.nullNode();
                default:
                    problems.add(new Problem(at.text(), at(parser.currentTokenLocation())
                            + "unsupported YAML value (" + token + "); use maps, lists, strings, numbers and booleans"));
                    return nodes.nullNode();
            }
        }

        private ObjectNode readMap(Location at) throws IOException {
            ObjectNode map = JsonNodeFactory.instance.objectNode();
            Map<String, Integer> lines = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                JsonNode value = read(at.child(key));
                Integer earlier = lines.putIfAbsent(key, line);
                if (earlier == null) {
                    map.set(key, value);
                } else {
                    problems.add(new Problem(at.child(key).text(), "line " + line + ": key '" + key
                            + "' is given twice (first on line " + earlier + "); keep one"));
                }
            }
            return map;
        }

        private ArrayNode readList(Location at) throws IOException {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(at.index(list.size())));
            }
            return list;
        }
    }

    private StrictYaml() {
    }
}
