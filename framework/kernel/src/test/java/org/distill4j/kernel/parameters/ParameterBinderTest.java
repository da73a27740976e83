package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.distill4j.api.NoParameters;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.ExampleParameters.Everything;
import org.distill4j.kernel.parameters.ExampleParameters.Layer;
import org.distill4j.kernel.parameters.ExampleParameters.Mode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterBinderTest {

    private static final Path BASE = Path.of("/experiments/paper").toAbsolutePath();
    private final ParameterBinder binder = new ParameterBinder(Map.of("DATA", "/data", "MODELS", "/models"));

    private Binding<Everything> bind(String yaml) {
        return binder.bind(Yaml.tree(yaml), Everything.class, "distiller.params", BASE);
    }

    private List<Problem> problems(String yaml) {
        return bind(yaml).problems();
    }

    @Test
    void missingKeysTakeTheirDefaultsParsedAsYaml() {
        Everything bound = bind("epochs: 3").orElseThrow();

        assertThat(bound).isEqualTo(new Everything(4.0, 0.0005, 3, List.of(1200, 1200), Mode.PAPER, false,
                10_000_000_000L, null, BASE.resolve("data").toString(), List.of(), new Layer(10, 0.0)));
    }

    @Test
    void keysAreKebabCaseAndEnumsTooAndIntegersAreAcceptedForNumbers() {
        Everything bound = bind("epochs: 3\nweight-decay: 1\nmode: best-validation\ntemperature: 20").orElseThrow();

        assertThat(bound.weightDecay()).isEqualTo(1.0);
        assertThat(bound.temperature()).isEqualTo(20.0);
        assertThat(bound.mode()).isEqualTo(Mode.BEST_VALIDATION);
    }

    @Test
    void nullOrMissingTreeMeansAllDefaults() {
        Binding<NoParameters> none = binder.bind(null, NoParameters.class, "p", BASE);
        Binding<ExampleParameters.Optional> missing = binder.bind(MissingNode.getInstance(),
                ExampleParameters.Optional.class, "p", BASE);
        Binding<ExampleParameters.Optional> nullNode = binder.bind(NullNode.getInstance(),
                ExampleParameters.Optional.class, "p", BASE);

        assertThat(none.value()).contains(new NoParameters());
        assertThat(missing.value()).contains(new ExampleParameters.Optional(null));
        assertThat(nullNode.value()).contains(new ExampleParameters.Optional(null));
    }

    @Test
    void aMissingRequiredKeyIsReportedWithTypeRangeAndDescription() {
        assertThat(problems("{}")).containsExactly(new Problem("distiller.params.epochs",
                "missing required key 'epochs' (integer >= 1): passes over the data"));
    }

    @Test
    void anUnknownKeyListsTheKnownKeysAndTheClosest() {
        assertThat(problems("epochs: 1\ntemprature: 3")).containsExactly(new Problem("distiller.params.temprature",
                "unknown key 'temprature' (did you mean 'temperature'?); known keys: temperature, weight-decay, epochs,"
                        + " hidden, mode, verbose, steps, note, directory, layers, head"));
    }

    @Test
    void aRecordWithoutParametersSaysSo() {
        assertThat(binder.bind(Yaml.tree("x: 1"), NoParameters.class, "schedule.params", BASE).problems())
                .containsExactly(new Problem("schedule.params.x",
                        "unknown key 'x'; nothing may be given here (it takes no parameters)"));
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasGiven() {
        assertThat(problems("epochs: 1\ntemperature: abc")).containsExactly(
                new Problem("distiller.params.temperature", "expected a number, got the string 'abc'"));
        assertThat(problems("epochs: '4'")).containsExactly(
                new Problem("distiller.params.epochs", "expected an integer, got the string '4'"));
        assertThat(problems("epochs: 4.5")).containsExactly(
                new Problem("distiller.params.epochs", "expected an integer, got the number 4.5"));
        assertThat(problems("epochs: 1\nverbose: yes")).containsExactly(
                new Problem("distiller.params.verbose", "expected true or false, got the string 'yes'"));
        assertThat(problems("epochs: 1\nverbose: 1")).containsExactly(
                new Problem("distiller.params.verbose", "expected true or false, got the integer 1"));
        assertThat(problems("epochs: 1\nhidden: 800")).containsExactly(
                new Problem("distiller.params.hidden", "expected a list of integers, got the integer 800"));
        assertThat(problems("epochs: 1\nhead: 3")).containsExactly(
                new Problem("distiller.params.head", "expected a map with keys width, dropout, got the integer 3"));
        assertThat(problems("epochs: 1\nnote: [a]")).containsExactly(
                new Problem("distiller.params.note", "expected a string, got a list of 1 item"));
    }

    @Test
    void integersMustFitTheirJavaType() {
        assertThat(problems("epochs: 3000000000")).containsExactly(new Problem("distiller.params.epochs",
                "expected an integer from -2147483648 to 2147483647, got 3000000000"));
        assertThat(bind("epochs: 1\nsteps: 3000000000").orElseThrow().steps()).isEqualTo(3_000_000_000L);
    }

    @Test
    void valuesOutOfRangeSayTheRange() {
        assertThat(problems("epochs: 1\ntemperature: -4")).containsExactly(
                new Problem("distiller.params.temperature", "-4.0 is out of range: must be > 0"));
        assertThat(problems("epochs: 0")).containsExactly(
                new Problem("distiller.params.epochs", "0 is out of range: must be >= 1"));
        assertThat(problems("epochs: 1\nhead: {width: 2, dropout: 1}")).containsExactly(
                new Problem("distiller.params.head.dropout", "1.0 is out of range: must be >= 0 and < 1"));
    }

    @Test
    void aBadEnumValueListsTheValidOnesInKebabCase() {
        assertThat(problems("epochs: 1\nmode: best_validation")).containsExactly(new Problem("distiller.params.mode",
                "'best_validation' is not valid (did you mean 'best-validation'?); expected one of: paper, code,"
                        + " best-validation"));
        assertThat(problems("epochs: 1\nmode: 2")).containsExactly(new Problem("distiller.params.mode",
                "expected one of: paper, code, best-validation, got the integer 2"));
    }

    @Test
    void listElementProblemsHaveIndexPaths() {
        assertThat(problems("epochs: 1\nhidden: [800, 0, wide, ~]")).containsExactly(
                new Problem("distiller.params.hidden[1]", "0 is out of range: must be >= 1"),
                new Problem("distiller.params.hidden[2]", "expected an integer, got the string 'wide'"),
                new Problem("distiller.params.hidden[3]", "expected an integer, got nothing (null)"));
    }

    @Test
    void nestedRecordsAndListsOfRecordsAreBoundRecursively() {
        Everything bound = bind("epochs: 1\nlayers: [{width: 5}, {width: 6, dropout: 0.5}]\nhead: {width: 3}")
                .orElseThrow();

        assertThat(bound.layers()).containsExactly(new Layer(5, 0.0), new Layer(6, 0.5));
        assertThat(bound.head()).isEqualTo(new Layer(3, 0.0));
        assertThat(problems("epochs: 1\nlayers: [{width: 5}, {width: 0, extra: 1}]")).containsExactly(
                new Problem("distiller.params.layers[1].extra",
                        "unknown key 'extra'; known keys: width, dropout"),
                new Problem("distiller.params.layers[1].width", "0 is out of range: must be >= 1"));
    }

    @Test
    void theRecordsOwnRulesAreProblemsAtTheRecordsPath() {
        Binding<ExampleParameters.Interval> binding = binder.bind(Yaml.tree("min: 5\nmax: 2"),
                ExampleParameters.Interval.class, "schedule.params", BASE);

        assertThat(binding.problems()).containsExactly(
                new Problem("schedule.params", "min (5) must not exceed max (2)"));
    }

    @Test
    void threeProblemsAtOnceAreAllReported() {
        assertThat(problems("temprature: 2\ntemperature: -1\nhidden: [10, x]")).containsExactly(
                new Problem("distiller.params.temprature", "unknown key 'temprature' (did you mean 'temperature'?);"
                        + " known keys: temperature, weight-decay, epochs, hidden, mode, verbose, steps, note,"
                        + " directory, layers, head"),
                new Problem("distiller.params.temperature", "-1.0 is out of range: must be > 0"),
                new Problem("distiller.params.epochs", "missing required key 'epochs' (integer >= 1): passes over the data"),
                new Problem("distiller.params.hidden[1]", "expected an integer, got the string 'x'"));
    }

    @Test
    void nullIsOnlyAcceptedWhereTheDefaultIsAbsent() {
        assertThat(bind("epochs: 1\nnote: ~").orElseThrow().note()).isNull();
        assertThat(problems("epochs: 1\ntemperature:")).containsExactly(new Problem("distiller.params.temperature",
                "expected a number, got nothing (null); leave 'temperature' out to use the default 4"));
    }

    @Test
    void unknownKeysDoNotStopTheRecordBeingBuiltForCallersThatGoOnChecking() {
        Binding<Everything> binding = bind("epochs: 1\ncolour: red");

        assertThat(binding.isValid()).isFalse();
        assertThat(binding.value()).isEmpty();
        assertThat(binding.bestEffortValue()).isPresent();
        assertThatThrownBy(binding::orElseThrow).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distiller.params.colour: unknown key 'colour'");
    }

    @Test
    void pathsExpandTheEnvironmentAndResolveAgainstTheBaseDirectory() {
        Binding<ExampleParameters.Files> binding = binder.bind(
                Yaml.tree("model: ${MODELS}/teacher.zip\nmore: [../shared/x.bin, /abs/y]"),
                ExampleParameters.Files.class, "teacher", BASE);

        ExampleParameters.Files files = binding.orElseThrow();
        assertThat(files.model()).isEqualTo(Path.of("/models/teacher.zip").toAbsolutePath().toString());
        assertThat(files.more()).containsExactly(BASE.getParent().resolve("shared/x.bin").toString(),
                Path.of("/abs/y").toAbsolutePath().toString());
        assertThat(files.label()).isEqualTo("${NOT_EXPANDED}");
        assertThat(binding.canonicalTree().toString()).isEqualTo(
                "{\"model\":\"${MODELS}/teacher.zip\",\"more\":[\"../shared/x.bin\",\"/abs/y\"],"
                        + "\"label\":\"${NOT_EXPANDED}\"}");
    }

    @Test
    void anUnsetVariableIsAProblemNamingIt() {
        assertThat(binder.bind(Yaml.tree("model: ${WEIGHTS}/t.zip"), ExampleParameters.Files.class, "teacher", BASE)
                .problems()).containsExactly(new Problem("teacher.model",
                "environment variable WEIGHTS (in '${WEIGHTS}/t.zip') is not set; set it or write the path out"));
    }

    @Test
    void aDefaultPathResolvesToo() {
        Binding<Everything> binding = bind("epochs: 1");

        assertThat(binding.orElseThrow().directory()).isEqualTo(BASE.resolve("data").toString());
        assertThat(binding.canonicalTree().get("directory").textValue()).isEqualTo("data");
    }

    @Test
    void aDefaultIsCheckedLikeAGivenValueAndItsProblemsSaySo() {
        assertThat(binder.bind(null, ExampleParameters.BadDefault.class, "p", BASE).problems()).containsExactly(
                new Problem("p.count", "-1 is out of range: must be >= 0 (in the default -1)"));
    }

    @Test
    void brokenRecordsAreProgrammingErrors() {
        assertThatThrownBy(() -> binder.bind(null, ExampleParameters.UnparsableDefault.class, "p", BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UnparsableDefault.values");
        assertThatThrownBy(() -> binder.bind(null, ExampleParameters.Unsupported.class, "p", BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported parameter type float");
        assertThatThrownBy(() -> binder.bind(null, ExampleParameters.PrimitiveAbsent.class, "p", BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use the boxed type");
    }

    @Test
    void aRootRecordAtTheTopLevelHasPlainKeys() {
        assertThat(binder.bind(Yaml.tree("epochs: x"), Everything.class, "", BASE).problems())
                .containsExactly(new Problem("epochs", "expected an integer, got the string 'x'"));
    }

    @Test
    void registeredValueBindersBindTheirTypes() {
        record Percent(int value) {
        }
        record Config(@org.distill4j.api.Parameter(description = "share") Percent share) {
        }
        ValueBinder<Percent> percent = new ValueBinder<>() {
            @Override
            public String typeName() {
                return "percentage";
            }

            @Override
            public java.util.Optional<Percent> bind(JsonNode value, BindingScope scope) {
                if (value.isTextual() && value.textValue().matches("\\d+%")) {
                    return java.util.Optional.of(new Percent(Integer.parseInt(value.textValue().replace("%", ""))));
                }
                scope.reportUnexpected("a percentage such as 50%", value);
                return java.util.Optional.empty();
            }
        };
        ParameterBinder withPercent = binder.with(Percent.class, percent);

        assertThat(withPercent.bind(Yaml.tree("share: 50%"), Config.class, "", BASE).orElseThrow())
                .isEqualTo(new Config(new Percent(50)));
        assertThat(withPercent.bind(Yaml.tree("share: 50"), Config.class, "", BASE).problems())
                .containsExactly(new Problem("share", "expected a percentage such as 50%, got the integer 50"));
        assertThat(withPercent.bind(Yaml.tree("{}"), Config.class, "", BASE).problems())
                .containsExactly(new Problem("share", "missing required key 'share' (percentage): share"));
    }
}
