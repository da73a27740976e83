package org.distill4j.cli;

import org.distill4j.api.ComponentKind;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.ParameterInfo;
import org.distill4j.kernel.plugin.ComponentRegistry;
import org.distill4j.kernel.plugin.RegisteredComponent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Lists every component of every plugin, with its parameters and defaults. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every component (distillers, compressors, aligners, model families, datasets, optimizers, "
                + "schedules) with its parameters and defaults.")
public final class ListCommand implements Callable<Integer> {

    @Option(names = "--kind", converter = KindOption.class, completionCandidates = KindOption.class,
            description = "only this kind: ${COMPLETION-CANDIDATES}")
    private ComponentKind kind;

    @Inject
    private ComponentRegistry registry;

    @Override
    public Integer call() {
        print(registry, new ParameterBinder(), System.out);
        return 0;
    }

    private void print(ComponentRegistry registry, ParameterBinder binder, PrintStream out) {
        List<ComponentKind> kinds = kind == null ? Arrays.asList(ComponentKind.values()) : List.of(kind);
        for (ComponentKind each : kinds) {
            out.println("## " + plural(each.label()));
            List<RegisteredComponent> components = registry.components(each);
            if (components.isEmpty()) {
                out.println("  (none: no plugin on the class path provides one)");
            }
            for (RegisteredComponent component : components) {
                out.println();
                out.println("  " + component.name() + "  [plugin " + component.plugin().name() + "]");
                out.println("    " + component.component().description());
                if (!component.component().citation().isEmpty()) {
                    out.println("    cite: " + component.component().citation());
                }
                List<ParameterInfo> parameters = binder.describe(component.component().parameters());
                if (parameters.isEmpty()) {
                    out.println("    parameters: none");
                }
                for (ParameterInfo parameter : parameters) {
                    StringBuilder line = new StringBuilder("    ").append(parameter.key()).append(" (")
                            .append(parameter.type()).append(") = ").append(parameter.defaultValue());
                    if (!parameter.range().isEmpty()) {
                        line.append(", ").append(parameter.range());
                    }
                    out.println(line);
                    out.println("        " + parameter.description());
                }
            }
            out.println();
        }
    }

    /** The heading of a kind: {@code distillers}, {@code model-families}. */
    static String plural(String label) {
        return label.endsWith("y") ? label.substring(0, label.length() - 1) + "ies" : label + "s";
    }
}
