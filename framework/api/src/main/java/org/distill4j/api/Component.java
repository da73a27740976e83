package org.distill4j.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Metadata of one named component: what a descriptor names, how its parameters bind, and which class implements it.
 *
 * <p>The implementation is created by Guice; its constructor (annotated {@code @Inject} when it takes arguments)
 * can take the parameter record and anything the plugin's module binds.
 *
 * @param kind           what sort of component this is
 * @param name           the kebab-case name descriptors use; a published name never changes meaning
 * @param parameters     the record type its {@code params} bind to (see {@link Parameter}); {@link NoParameters} if none
 * @param implementation the class that implements {@link ComponentKind#contract()}
 * @param description    one line for {@code distill4j list}
 * @param citation       the paper it implements, or an empty string
 * @param <T>            the contract type
 */
public record Component<T>(
        ComponentKind kind,
        String name,
        Class<? extends Record> parameters,
        Class<? extends T> implementation,
        String description,
        String citation) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Component {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(citation, "citation");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("component name '" + name + "' is not kebab-case (like 'hinton-kd')");
        }
        if (!kind.contract().isAssignableFrom(implementation)) {
            throw new IllegalArgumentException(kind.label() + " '" + name + "': " + implementation.getName()
                    + " does not implement " + kind.contract().getName());
        }
    }

    /** Whether a name is valid kebab-case: lower-case words of letters and digits joined by single hyphens. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    public static Component<Distiller> distiller(String name, Class<? extends Record> parameters,
            Class<? extends Distiller> implementation, String description, String citation) {
        return new Component<>(ComponentKind.DISTILLER, name, parameters, implementation, description, citation);
    }

    public static Component<Compressor> compressor(String name, Class<? extends Record> parameters,
            Class<? extends Compressor> implementation, String description, String citation) {
        return new Component<>(ComponentKind.COMPRESSOR, name, parameters, implementation, description, citation);
    }

    public static Component<Aligner> aligner(String name, Class<? extends Record> parameters,
            Class<? extends Aligner> implementation, String description, String citation) {
        return new Component<>(ComponentKind.ALIGNER, name, parameters, implementation, description, citation);
    }

    public static Component<ModelFamily> modelFamily(String name, Class<? extends Record> parameters,
            Class<? extends ModelFamily> implementation, String description, String citation) {
        return new Component<>(ComponentKind.MODEL_FAMILY, name, parameters, implementation, description, citation);
    }

    public static Component<DatasetSource> dataset(String name, Class<? extends Record> parameters,
            Class<? extends DatasetSource> implementation, String description, String citation) {
        return new Component<>(ComponentKind.DATASET, name, parameters, implementation, description, citation);
    }

    public static Component<Optimizer> optimizer(String name, Class<? extends Record> parameters,
            Class<? extends Optimizer> implementation, String description, String citation) {
        return new Component<>(ComponentKind.OPTIMIZER, name, parameters, implementation, description, citation);
    }

    public static Component<LearningRateSchedule> schedule(String name, Class<? extends Record> parameters,
            Class<? extends LearningRateSchedule> implementation, String description, String citation) {
        return new Component<>(ComponentKind.SCHEDULE, name, parameters, implementation, description, citation);
    }
}
