package org.distill4j.kernel.plugin;

import jakarta.inject.Inject;
import org.distill4j.api.Component;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.LearningRateSchedule;
import org.distill4j.api.NoParameters;
import org.distill4j.api.Parameter;
import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.builtin.KernelPlugin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentRegistryTest {

    public record HalvingParams(@Parameter(description = "factor", defaultValue = "0.5") double factor) {
    }

    /** A schedule whose parameters and helper come from Guice. */
    public static final class HalvingSchedule implements LearningRateSchedule {
        private final HalvingParams params;
        private final Helper helper;

        @Inject
        public HalvingSchedule(HalvingParams params, Helper helper) {
            this.params = params;
            this.helper = helper;
        }

        @Override
        public double factor(int epoch, int epochs) {
            return helper.power(params.factor(), epoch);
        }
    }

    /** A plugin-private helper the plugin's module binds. */
    public interface Helper {
        double power(double base, int exponent);
    }

    private static Distill4jPlugin plugin(String name, String schedule) {
        return plugin(name, schedule, binder -> binder.bind(Helper.class).toInstance(Math::pow));
    }

    private static Distill4jPlugin plugin(String name, String schedule, com.google.inject.Module module) {
        return new Distill4jPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Component<?>> components() {
                return List.of(Component.schedule(schedule, HalvingParams.class, HalvingSchedule.class, "halves", ""));
            }

            @Override
            public com.google.inject.Module module() {
                return module;
            }
        };
    }

    @Test
    void aNameTakenTwiceFailsAndNamesBothPlugins() {
        assertThatThrownBy(() -> new ComponentRegistry(List.of(plugin("first", "halving"), plugin("second", "halving"))))
                .isInstanceOf(DuplicateComponentException.class)
                .hasMessageContaining("schedule 'halving'")
                .hasMessageContaining("first (")
                .hasMessageContaining("second (");
    }

    @Test
    void anUnknownNameListsTheAvailableOnesAndTheClosest() {
        ComponentRegistry registry = new ComponentRegistry(List.of(new KernelPlugin()));

        assertThatThrownBy(() -> registry.require(ComponentKind.SCHEDULE, "multistep"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessage("unknown schedule 'multistep' (did you mean 'multi-step'?); available: constant, cosine, multi-step");
        assertThatThrownBy(() -> registry.require(ComponentKind.DISTILLER, "hinton-kd"))
                .hasMessageContaining("available: none");
    }

    @Test
    void pluginNamesMustBeKebabCase() {
        assertThatThrownBy(() -> new ComponentRegistry(List.of(plugin("Bad_Name", "halving"))))
                .hasMessageContaining("'Bad_Name'").hasMessageContaining("kebab-case");
    }

    @Test
    void componentsAreCreatedWithTheirParametersAndThePluginsBindings() {
        ComponentFactory factory = Kernel.start(List.of(plugin("halving", "halving"))).getInstance(ComponentFactory.class);

        LearningRateSchedule schedule = factory.create(ComponentKind.SCHEDULE, "halving", new HalvingParams(0.5),
                LearningRateSchedule.class);

        assertThat(schedule.factor(3, 10)).isEqualTo(0.125);
        assertThatThrownBy(() -> factory.create(ComponentKind.SCHEDULE, "halving", new NoParameters(),
                LearningRateSchedule.class)).hasMessageContaining("takes HalvingParams");
    }

    @Test
    void aHelperThePluginDoesNotBindIsNotMadeUpButNamed() {
        ComponentFactory factory = Kernel.start(List.of(plugin("halving", "halving", binder -> { })))
                .getInstance(ComponentFactory.class);

        assertThatThrownBy(() -> factory.create(ComponentKind.SCHEDULE, "halving", new HalvingParams(0.5),
                LearningRateSchedule.class))
                .hasMessageContaining("Explicit bindings are required")
                .hasMessageContaining(Helper.class.getSimpleName());
    }

    @Test
    void componentsWithoutAnInjectConstructorAreCreatedToo() {
        ComponentFactory factory = Kernel.start(List.of(new KernelPlugin())).getInstance(ComponentFactory.class);

        LearningRateSchedule constant = factory.create(ComponentKind.SCHEDULE, "constant", new NoParameters(),
                LearningRateSchedule.class);

        assertThat(constant.factor(3, 10)).isEqualTo(1.0);
    }

    @Test
    void theKernelFindsItsOwnPluginThroughTheServiceLoader() {
        assertThat(PluginLoader.discover()).anySatisfy(plugin -> assertThat(plugin).isInstanceOf(KernelPlugin.class));
    }
}
