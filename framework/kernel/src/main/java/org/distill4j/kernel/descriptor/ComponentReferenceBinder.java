package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.ComponentKind;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.Objects;
import java.util.Optional;

/**
 * Binds a section that names a component ({@code {name, params}}, or {@code {family, params}} for the student's
 * model); the kind comes from the section's {@link Refers} annotation.
 */
final class ComponentReferenceBinder implements ValueBinder<ResolvedComponent> {

    private final ComponentResolver resolver;

    ComponentReferenceBinder(ComponentResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public String typeName() {
        return "map naming a component and its params";
    }

    @Override
    public Optional<ResolvedComponent> bind(JsonNode value, BindingScope scope) {
        ComponentKind kind = scope.annotation(Refers.class).map(Refers::value).orElseThrow(() ->
                new IllegalStateException("the component section at '" + scope.path() + "' has no @Refers"));
        if (kind == ComponentKind.MODEL_FAMILY) {
            Binding<DescriptorDocument.ModelShape> shape = scope.bind(value, DescriptorDocument.ModelShape.class);
            scope.reportAll(shape.problems());
            return shape.bestEffortValue().flatMap(model ->
                    resolver.resolve(kind, "family", model.family(), model.params(), scope));
        }
        Binding<DescriptorDocument.ComponentShape> shape = scope.bind(value, DescriptorDocument.ComponentShape.class);
        scope.reportAll(shape.problems());
        return shape.bestEffortValue().flatMap(component ->
                resolver.resolve(kind, "name", component.name(), component.params(), scope));
    }
}
