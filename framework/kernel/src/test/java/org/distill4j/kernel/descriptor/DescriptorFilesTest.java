package org.distill4j.kernel.descriptor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DescriptorFilesTest {

    @Test
    void findsYamlFilesSortedOutsideTablesFolders(@TempDir Path directory) throws Exception {
        for (String name : new String[] {"paper/x.yaml", "paper/tables/t.yaml", "b.yml", "c.txt", "tables/z.yaml",
                "paper/a/y.yaml", "paper/a/tables/u.yml"}) {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x: 1\n");
        }

        assertThat(DescriptorFiles.find(directory)).containsExactly(directory.resolve("b.yml"),
                directory.resolve("paper/a/y.yaml"), directory.resolve("paper/x.yaml"));
    }
}
