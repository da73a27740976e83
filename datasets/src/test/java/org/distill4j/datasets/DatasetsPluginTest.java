package org.distill4j.datasets;

import com.google.inject.Guice;
import com.google.inject.Injector;
import jakarta.inject.Inject;
import org.distill4j.api.Component;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.DatasetSource;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.Parameter;
import org.distill4j.api.Range;
import org.distill4j.api.data.DatasetInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetsPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        List<Distill4jPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(Distill4jPlugin.class).forEach(plugins::add);

        assertThat(plugins).hasAtLeastOneElementOfType(DatasetsPlugin.class);
        assertThat(new DatasetsPlugin().name()).isEqualTo("datasets");
    }

    @Test
    void providesTheFourDatasetsUnderValidNames() {
        List<Component<?>> components = new DatasetsPlugin().components();

        assertThat(components).extracting(Component::name)
                .containsExactly("fashion-mnist", "mnist", "cifar-10", "synthetic")
                .allMatch(Component::isValidName);
        assertThat(components).extracting(Component::kind).containsOnly(ComponentKind.DATASET);
        assertThat(components).allSatisfy(component -> assertThat(component.description()).isNotBlank());
    }

    @Test
    void everyRecordComponentIsAnnotatedAndEveryDefaultIsValid() throws ReflectiveOperationException {
        for (Component<?> component : new DatasetsPlugin().components()) {
            Class<? extends Record> type = component.parameters();
            RecordComponent[] parts = type.getRecordComponents();
            Object[] values = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int index = 0; index < parts.length; index++) {
                Parameter parameter = parts[index].getAnnotation(Parameter.class);
                assertThat(parameter).as("@Parameter on %s.%s", type.getSimpleName(), parts[index].getName())
                        .isNotNull();
                assertThat(parameter.description()).isNotBlank();
                types[index] = parts[index].getType();
                values[index] = defaultValue(parts[index], parameter);
            }
            Record defaults = type.getDeclaredConstructor(types).newInstance(values);
            assertThat(defaults).as(component.name()).isNotNull();
        }
    }

    @Test
    void guiceCreatesEachSourceFromItsParameters() throws ReflectiveOperationException {
        for (Component<?> component : new DatasetsPlugin().components()) {
            Record parameters = defaultsOf(component.parameters());
            Injector injector = Guice.createInjector(new DatasetsPlugin().module(),
                    binder -> bind(binder, component.parameters(), parameters));

            Object source = injector.getInstance(component.implementation());

            assertThat(source).isInstanceOf(DatasetSource.class);
            DatasetInfo info = ((DatasetSource) source).info();
            assertThat(info.classes()).as(component.name()).isEqualTo(10);
            Constructor<?> injected = injectConstructor(component.implementation());
            assertThat(injected.getParameterTypes()).containsExactly(component.parameters());
        }
    }

    private static Constructor<?> injectConstructor(Class<?> implementation) {
        for (Constructor<?> constructor : implementation.getConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                return constructor;
            }
        }
        throw new AssertionError(implementation.getName() + " has no public @Inject constructor");
    }

    private static Record defaultsOf(Class<? extends Record> type) throws ReflectiveOperationException {
        RecordComponent[] parts = type.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int index = 0; index < parts.length; index++) {
            types[index] = parts[index].getType();
            values[index] = defaultValue(parts[index], parts[index].getAnnotation(Parameter.class));
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    /** The default as the kernel would bind it; required paths get a sample directory. */
    private static Object defaultValue(RecordComponent part, Parameter parameter) {
        String text = parameter.defaultValue();
        if (text.equals(Parameter.REQUIRED)) {
            assertThat(parameter.path()).as("only paths are required: %s", part.getName()).isTrue();
            return "/data/sample";
        }
        if (text.equals(Parameter.ABSENT)) {
            return null;
        }
        Class<?> type = part.getType();
        Range range = part.getAnnotation(Range.class);
        if (type == int.class || type == long.class || type == double.class) {
            double number = Double.parseDouble(text);
            if (range != null) {
                assertThat(number).as("default of %s within its range", part.getName())
                        .isBetween(range.min(), range.max());
            }
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == double.class) {
            return Double.parseDouble(text);
        }
        if (type == boolean.class) {
            assertThat(text).isIn("true", "false");
            return Boolean.parseBoolean(text);
        }
        if (type.isEnum()) {
            assertThat(text).as("enum defaults are kebab-case").matches("[a-z][a-z0-9-]*");
            return enumConstant(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return text;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static <R extends Record> void bind(com.google.inject.Binder binder, Class<R> type, Record value) {
        binder.bind(type).toInstance(type.cast(value));
    }
}
