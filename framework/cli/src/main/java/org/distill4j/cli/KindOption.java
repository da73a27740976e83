package org.distill4j.cli;

import org.distill4j.api.ComponentKind;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * The {@code --kind} of {@code list}, written as users write kinds elsewhere ({@code model-family}); the enum's own
 * name ({@code MODEL_FAMILY}) is accepted too.
 */
final class KindOption implements CommandLine.ITypeConverter<ComponentKind>, Iterable<String> {

    @Override
    public ComponentKind convert(String value) {
        return Arrays.stream(ComponentKind.values())
                .filter(kind -> kind.label().equalsIgnoreCase(value) || kind.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("unknown kind '" + value
                        + "'; the kinds are " + Arrays.stream(ComponentKind.values()).map(ComponentKind::label)
                        .collect(Collectors.joining(", "))));
    }

    /** The kinds as users write them, for the option's help. */
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ComponentKind.values()).map(ComponentKind::label).iterator();
    }
}
