package org.distill4j.models;

import com.google.inject.Guice;
import jakarta.inject.Inject;
import org.distill4j.api.Component;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.ModelFamily;
import org.distill4j.api.Parameter;
import org.distill4j.api.network.ActivationFunction;
import org.distill4j.api.network.InputShape;
import org.distill4j.models.embedding.EmbeddingNetParams;
import org.distill4j.models.mlp.MlpParams;
import org.distill4j.models.nin.NinParams;
import org.distill4j.models.nin.NinPool;
import org.distill4j.models.resnet.ResnetParams;
import org.distill4j.models.vgg.VggParams;
import org.distill4j.models.vgg.VggPreset;
import org.distill4j.models.wrn.WideResnetParams;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsPluginTest {

    @Test
    void theServiceLoaderFindsThePlugin() {
        List<Distill4jPlugin> plugins = ServiceLoader.load(Distill4jPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(plugins).anySatisfy(plugin -> assertThat(plugin).isInstanceOf(ModelsPlugin.class));
        assertThat(new ModelsPlugin().name()).isEqualTo("models");
    }

    @Test
    void itProvidesTheSixFamilies() {
        assertThat(new ModelsPlugin().components()).extracting(Component::name)
                .containsExactly("mlp", "vgg", "resnet", "wrn", "nin", "embedding-net");
        assertThat(new ModelsPlugin().components()).allSatisfy(component -> {
            assertThat(component.kind()).isEqualTo(ComponentKind.MODEL_FAMILY);
            assertThat(component.description()).isNotBlank();
            assertThat(component.citation()).isNotBlank();
        });
    }

    @Test
    void everyParameterIsDescribed() {
        for (Component<?> component : new ModelsPlugin().components()) {
            for (RecordComponent parameter : component.parameters().getRecordComponents()) {
                Parameter description = parameter.getAnnotation(Parameter.class);
                assertThat(description).as(component.name() + "." + parameter.getName()).isNotNull();
                assertThat(description.description()).isNotBlank();
            }
        }
    }

    @Test
    void guiceCreatesEachFamilyFromItsParameters() {
        Map<String, Record> parameters = Map.of(
                "mlp", new MlpParams(List.of(8), 0, 0),
                "vgg", VggParams.of(VggPreset.VGG11, 0.25),
                "resnet", new ResnetParams(8),
                "wrn", new WideResnetParams(10, 1),
                "nin", new NinParams(List.of(4, 4, 4), ActivationFunction.ELU, NinPool.AVG),
                "embedding-net", new EmbeddingNetParams(List.of(4, 8), 1, 16));
        for (Component<?> component : new ModelsPlugin().components()) {
            assertThat(injectableConstructor(component.implementation()).getParameterTypes())
                    .containsExactly(component.parameters());
            Record bound = parameters.get(component.name());

            ModelFamily family = (ModelFamily) Guice.createInjector(binder -> bind(binder, component.parameters(), bound))
                    .getInstance(component.implementation());

            assertThat(family.specify(new InputShape(1, 28, 28), 10).output()).isEqualTo("logits");
        }
    }

    private static Constructor<?> injectableConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                return constructor;
            }
        }
        throw new AssertionError(type + " has no public @Inject constructor");
    }

    private static <R extends Record> void bind(com.google.inject.Binder binder, Class<R> type, Record value) {
        binder.bind(type).toInstance(type.cast(value));
    }
}
