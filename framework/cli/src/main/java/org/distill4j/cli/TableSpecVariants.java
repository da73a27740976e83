package org.distill4j.cli;

import org.distill4j.cli.sweep.Variant;
import org.distill4j.cli.sweep.VariantSource;
import org.distill4j.report.InvalidTableSpecException;
import org.distill4j.report.TableSpecFiles;
import org.distill4j.report.TableSpecReader;
import org.distill4j.report.TableVariant;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Lets {@code distill4j sweep} take table specs: a spec file (a YAML file in a folder named tables) or a tables
 * folder stands for the variants its cells read, each row's descriptor with each column's override (a fixed row
 * once). The sweep applies its profile to them as the table does, so it trains exactly the runs the table reads.
 */
public final class TableSpecVariants implements VariantSource {

    private final TableSpecReader reader = new TableSpecReader();

    @Override
    public Optional<List<Variant>> variants(Path argument) {
        List<Path> specs;
        if (TableSpecFiles.isTablesFolder(argument)) {
            specs = TableSpecFiles.find(argument);
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("no table specs (*.yaml) in the tables folder " + argument);
            }
        } else if (TableSpecFiles.isTableSpec(argument)) {
            specs = List.of(argument);
        } else {
            return Optional.empty();
        }
        LinkedHashSet<Variant> variants = new LinkedHashSet<>();
        for (Path spec : specs) {
            try {
                for (TableVariant variant : reader.variants(spec)) {
                    variants.add(new Variant(variant.descriptor(), variant.overrides()));
                }
            } catch (InvalidTableSpecException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return Optional.of(List.copyOf(variants));
    }
}
