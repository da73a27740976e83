package org.distill4j.experiments;

import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorFiles;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped descriptor, with every profile, is valid against the plugins of this build. */
class ExperimentDescriptorsTest {

    @TestFactory
    Stream<DynamicTest> everyDescriptorAndProfileIsValid() {
        DescriptorParser parser = Kernel.start().getInstance(DescriptorParser.class);
        List<Path> descriptors = DescriptorFiles.find(Path.of("").toAbsolutePath());
        assertThat(descriptors).isNotEmpty();
        return descriptors.stream().map(descriptor -> DynamicTest.dynamicTest(
                Path.of("").toAbsolutePath().relativize(descriptor).toString(),
                () -> assertThat(parser.validate(descriptor)).isEmpty()));
    }
}
