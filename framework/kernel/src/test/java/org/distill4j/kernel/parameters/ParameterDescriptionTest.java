package org.distill4j.kernel.parameters;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterDescriptionTest {

    private final ParameterBinder binder = new ParameterBinder(Map.of());

    @Test
    void describesEveryParameterAsUsersWriteIt() {
        assertThat(binder.describe(ExampleParameters.Everything.class)).containsExactly(
                new ParameterInfo("temperature", "number", "softmax temperature", "4", "> 0"),
                new ParameterInfo("weight-decay", "number", "L2 penalty", "0.0005", ""),
                new ParameterInfo("epochs", "integer", "passes over the data", "required", ">= 1"),
                new ParameterInfo("hidden", "list of integers", "hidden widths", "[1200, 1200]", ">= 1"),
                new ParameterInfo("mode", "one of: paper, code, best-validation", "whose recipe", "paper", ""),
                new ParameterInfo("verbose", "boolean", "talk more", "false", ""),
                new ParameterInfo("steps", "integer", "steps", "10000000000", ""),
                new ParameterInfo("note", "string", "a note", "none", ""),
                new ParameterInfo("directory", "path", "where data lives", "data", ""),
                new ParameterInfo("layers", "list of maps", "extra layers", "[]", ""),
                new ParameterInfo("layers[].width", "integer", "units", "required", ">= 1"),
                new ParameterInfo("layers[].dropout", "number", "drop probability", "0", ">= 0 and < 1"),
                new ParameterInfo("head", "map", "the classifier head", "{width: 10}", ""),
                new ParameterInfo("head.width", "integer", "units", "required", ">= 1"),
                new ParameterInfo("head.dropout", "number", "drop probability", "0", ">= 0 and < 1"));
    }

    @Test
    void listsOfPathsAreNamedSo() {
        assertThat(binder.describe(ExampleParameters.Files.class)).extracting(ParameterInfo::type)
                .containsExactly("path", "list of paths", "string");
    }
}
