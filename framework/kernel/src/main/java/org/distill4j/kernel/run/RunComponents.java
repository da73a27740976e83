package org.distill4j.kernel.run;

import org.distill4j.kernel.descriptor.ComponentChoice;
import org.distill4j.kernel.plugin.ComponentFactory;

import java.util.Objects;

/** Creates the components a resolved descriptor chose, each with its bound parameters. */
record RunComponents(ComponentFactory factory) {

    RunComponents {
        Objects.requireNonNull(factory, "factory");
    }

    <T> T create(ComponentChoice choice, Class<T> contract) {
        return factory.create(choice.kind(), choice.name(), choice.parameters(), contract);
    }
}
