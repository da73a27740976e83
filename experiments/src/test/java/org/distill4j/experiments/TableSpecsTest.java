package org.distill4j.experiments;

import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.report.TableBatch;
import org.distill4j.report.TableBuilder;
import org.distill4j.report.TableSpecFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped table spec is valid with the profiles scripts/regenerate-tables uses: its rows' descriptors resolve
 * with each column's override, so a broken table fails here and not after hours of sweeping.
 */
class TableSpecsTest {

    private static final List<String> PROFILES = List.of("quick", "full");

    @TempDir
    Path emptyResults;

    @TestFactory
    Stream<DynamicTest> everyTableSpecIsValidWithEveryProfile() {
        Path root = Path.of("").toAbsolutePath();
        DescriptorParser parser = Kernel.start().getInstance(DescriptorParser.class);
        List<Path> specs = TableSpecFiles.find(root);
        assertThat(specs).isNotEmpty();
        return specs.stream().flatMap(spec -> PROFILES.stream().map(profile -> DynamicTest.dynamicTest(
                root.relativize(spec) + " --profile " + profile, () -> {
                    TableBatch batch = TableBatch.build(new TableBuilder(parser, root), List.of(spec),
                            Optional.of(profile), emptyResults);
                    assertThat(batch.problemLines(root)).isEmpty();
                    assertThat(batch.tables()).hasSize(1);
                })));
    }
}
