package org.distill4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Component;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.Distiller;
import org.distill4j.api.Parameter;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.distill4j.kernel.parameters.YamlDocument;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.PluginLoader;
import org.distill4j.kernel.engine.EpochRecord;
import org.distill4j.kernel.engine.TrainingOutcome;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every plugin keeps. A plugin's test extends this class and returns its plugin; components whose
 * parameters have required keys give example values through {@link #exampleParameters}, and distillers that tap
 * vertices other than those of {@link TinyData#network} give tiny networks that have them.
 */
public abstract class PluginContractTest {

    protected abstract Distill4jPlugin plugin();

    /** YAML parameters the contract tests use for a component; all defaults unless overridden. */
    protected String exampleParameters(Component<?> component) {
        return "{}";
    }

    /** The student of a distiller's end-to-end run. */
    protected NetworkSpec tinyStudent(Component<?> distiller) {
        return TinyData.network(4, 3);
    }

    /** The teacher of a distiller's end-to-end run. */
    protected NetworkSpec tinyTeacher(Component<?> distiller) {
        return TinyData.network(8, 3);
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(PluginLoader.discover()).anySatisfy(found -> assertThat(found).isInstanceOf(plugin().getClass()));
    }

    @Test
    void namesAreKebabCaseAndEveryComponentIsDescribed() {
        assertThat(Component.isValidName(plugin().name())).as("plugin name %s", plugin().name()).isTrue();
        assertThat(plugin().components()).isNotEmpty().allSatisfy(component -> {
            assertThat(Component.isValidName(component.name())).isTrue();
            assertThat(component.description()).isNotBlank();
        });
    }

    @Test
    void everyParameterIsDocumented() {
        for (Component<?> component : plugin().components()) {
            for (RecordComponent parameter : component.parameters().getRecordComponents()) {
                Parameter annotation = parameter.getAnnotation(Parameter.class);
                assertThat(annotation).as("@Parameter on %s.%s", component.parameters().getSimpleName(),
                        parameter.getName()).isNotNull();
                assertThat(annotation.description()).isNotBlank();
            }
        }
    }

    @Test
    void parametersBindAndRoundTrip() {
        ParameterBinder binder = new ParameterBinder();
        for (Component<?> component : plugin().components()) {
            Record bound = bind(binder, component, example(component));
            Binding<? extends Record> again = binder.bind(binder.toTree(bound), component.parameters(), "params", Path.of(""));
            assertThat(again.problems()).as(component.name()).isEmpty();
            assertThat(again.value().map(Object.class::cast)).as(component.name()).contains(bound);
        }
    }

    @Test
    void unknownParametersAreRejectedWithTheKnownKeys() {
        ParameterBinder binder = new ParameterBinder();
        for (Component<?> component : plugin().components()) {
            ObjectNode tree = example(component).deepCopy();
            tree.put("no-such-parameter", 1);
            Binding<? extends Record> binding = binder.bind(tree, component.parameters(), "params", Path.of(""));
            assertThat(binding.problems()).as(component.name())
                    .anySatisfy(problem -> assertThat(problem.toString()).contains("no-such-parameter"));
        }
    }

    @Test
    void componentsAreCreatedThroughTheKernel() {
        List<Distill4jPlugin> plugins = PluginLoader.discover();
        ComponentFactory factory = Kernel.start(plugins).getInstance(ComponentFactory.class);
        ParameterBinder binder = new ParameterBinder();
        for (Component<?> component : plugin().components()) {
            Object created = factory.create(component.kind(), component.name(), bind(binder, component, example(component)),
                    component.kind().contract());
            assertThat(created).isInstanceOf(component.implementation());
        }
    }

    @Test
    void distillersTrainATinyStudentEndToEnd() {
        ParameterBinder binder = new ParameterBinder();
        ComponentFactory factory = Kernel.start(PluginLoader.discover()).getInstance(ComponentFactory.class);
        for (Component<?> component : plugin().components()) {
            if (component.kind() != ComponentKind.DISTILLER) {
                continue;
            }
            Distiller distiller = factory.create(component.kind(), component.name(),
                    bind(binder, component, example(component)), Distiller.class);
            Optional<NetworkSpec> teacher = distiller.teacherTaps().isEmpty()
                    ? Optional.empty() : Optional.of(tinyTeacher(component));
            TrainingOutcome outcome = TinyRun.train(List.of(distiller), tinyStudent(component), teacher,
                    new TaskCrossEntropy(), TinyData.dataset(3, 96, 30, 5), 2, 7);
            assertThat(outcome.epochs()).as(component.name()).hasSize(2)
                    .allSatisfy(epoch -> assertThat(Double.isFinite(epoch.trainLoss())).isTrue());
            assertThat(outcome.epochs().stream().mapToDouble(EpochRecord::trainLoss).toArray())
                    .as("%s changes the student", component.name()).doesNotHaveDuplicates();
        }
    }

    private ObjectNode example(Component<?> component) {
        YamlDocument document = StrictYaml.read(exampleParameters(component));
        assertThat(document.problems()).as("example parameters of %s", component.name()).isEmpty();
        return document.tree().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast)
                .orElseGet(JsonNodeFactory.instance::objectNode);
    }

    private static Record bind(ParameterBinder binder, Component<?> component, JsonNode tree) {
        Binding<? extends Record> binding = binder.bind(tree, component.parameters(), "params", Path.of(""));
        assertThat(binding.problems()).as("example parameters of %s", component.name()).isEmpty();
        return binding.value().orElseThrow();
    }
}
