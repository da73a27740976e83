package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.ComponentKind;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.Objects;
import java.util.Optional;

/** Binds a distiller section: {@code {name, params, weight}}. */
final class WeightedDistillerBinder implements ValueBinder<WeightedDistiller> {

    private final ComponentResolver resolver;

    WeightedDistillerBinder(ComponentResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public String typeName() {
        return "map with a distiller's name, params and weight";
    }

    @Override
    public Optional<WeightedDistiller> bind(JsonNode value, BindingScope scope) {
        Binding<DescriptorDocument.DistillerShape> shape = scope.bind(value, DescriptorDocument.DistillerShape.class);
        scope.reportAll(shape.problems());
        return shape.bestEffortValue().flatMap(distiller ->
                resolver.resolve(ComponentKind.DISTILLER, "name", distiller.name(), distiller.params(), scope)
                        .map(component -> new WeightedDistiller(component, distiller.weight())));
    }
}
