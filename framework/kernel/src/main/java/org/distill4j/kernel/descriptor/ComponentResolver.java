package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.ComponentKind;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.plugin.RegisteredComponent;
import org.distill4j.kernel.plugin.Suggestions;
import org.distill4j.kernel.plugin.UnknownComponentException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks a component name up in the registry and binds its {@code params} against the component's parameter record.
 *
 * <p>An unknown name is reported with the available names and the closest one; the params are then checked against
 * that closest component, so a user who misspelled {@code hinton-kd} also sees what is wrong with its parameters
 * instead of fixing one problem per run.
 */
final class ComponentResolver {

    private final ComponentRegistry registry;

    ComponentResolver(ComponentRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param kind    the kind the section names
     * @param nameKey the key the name is under ({@code name}, or {@code family} for models)
     * @param name    the name as written
     * @param params  the {@code params} map as written, or null for all defaults
     * @param scope   the section's scope; problems are reported at {@code <section>.<nameKey>} and
     *                {@code <section>.params...}
     */
    Optional<ResolvedComponent> resolve(ComponentKind kind, String nameKey, String name, ObjectNode params,
            BindingScope scope) {
        BindingScope paramsScope = scope.child("params");
        Optional<RegisteredComponent> found = registry.find(kind, name);
        if (found.isPresent()) {
            Binding<? extends Record> binding = paramsScope.bind(params, found.get().component().parameters());
            scope.reportAll(binding.problems());
            return binding.value().map(record -> new ResolvedComponent(new ComponentChoice(kind, name, record),
                    canonical(nameKey, name, binding.canonicalTree())));
        }
        List<String> available = registry.names(kind);
        scope.child(nameKey).report(new UnknownComponentException(kind, name, available).getMessage());
        Suggestions.closest(name, available).ifPresent(closest -> {
            Binding<? extends Record> binding = paramsScope.bind(params,
                    registry.require(kind, closest).component().parameters());
            scope.reportAll(binding.problems().stream()
                    .map(problem -> new Problem(problem.path(), problem.message() + " (checked against '" + closest + "')"))
                    .toList());
        });
        return Optional.empty();
    }

    private static ObjectNode canonical(String nameKey, String name, ObjectNode parameters) {
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put(nameKey, name);
        canonical.set("params", parameters);
        return canonical;
    }
}
